// Every described setting travels through every format: a new entry in settings-table.ts is
// covered here without writing a test for it.
import { describe, expect, it } from 'vitest';
import { toCli, toJavaScript, toPython } from '../export/codegen';
import { parseManifest, toManifest } from '../export/manifest';
import { DEFAULT_SETTINGS, isDefault, toSdkOptions } from './settings';
import { SETTING_LIST, type PluginSettings, type Setting } from './settings-table';
import { decodeSetup, encodeSetup } from '../persist/codec';
import { DEFAULT_SETUP, type Setup } from './setup';

/** A valid value that is not the default. */
function sample(setting: Setting): unknown {
	switch (setting.kind) {
		case 'flag':
			return true;
		case 'choice':
			return setting.values.find((v) => v !== setting.default && v !== setting.sdkDefault);
		case 'list':
			return ['api.example.com'];
		case 'map':
			return { key: 'value' };
		case 'limit':
			return 7;
	}
}

const base: Setup = {
	...DEFAULT_SETUP,
	source: { kind: 'example', id: 'count_vowels' },
	fn: 'f',
	timeoutMs: null
};

const at = (obj: unknown, path: string) =>
	path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

describe('every described setting', () => {
	it('has a default for each setting that is not a limit, and none for limits', () => {
		for (const [key, setting] of SETTING_LIST) {
			expect(key in DEFAULT_SETTINGS).toBe(setting.kind !== 'limit');
			expect(isDefault(setting, DEFAULT_SETTINGS[key])).toBe(true);
			expect(isDefault(setting, sample(setting))).toBe(false);
		}
	});

	for (const [key, setting] of SETTING_LIST) {
		const value = sample(setting);
		const setup: Setup = {
			...base,
			settings: { ...base.settings, [key]: value } as PluginSettings
		};

		describe(key, () => {
			it('comes back from a link as it went in', async () => {
				const { hash } = await encodeSetup(setup);
				expect(await decodeSetup(hash)).toEqual({ ok: true, setup });
			});

			it('goes to the SDK as its createPlugin option', () => {
				expect(at(toSdkOptions(setup.settings), setting.sdk)).toEqual(value);
			});

			it('comes back from a manifest, or stays out of it', () => {
				const manifest = toManifest(setup, { url: 'https://a.test/p.wasm' });
				if (!setting.manifest) {
					expect(manifest).toEqual(toManifest(base, { url: 'https://a.test/p.wasm' }));
					return;
				}
				expect(at(manifest, setting.manifest.field)).toEqual(value);
				const parsed = parseManifest(JSON.stringify(manifest));
				expect(parsed.ok && parsed.settings[key]).toEqual(value);
			});

			it('shows in the command, the JavaScript and the Python', () => {
				expect(toCli(setup, 'p.wasm')).toContain(` ${setting.cli.flag}`);
				expect(toCli(base, 'p.wasm')).not.toContain(` ${setting.cli.flag}`);
				const option = setting.sdk.split('.').at(-1)!;
				expect(toJavaScript(setup, 'p.wasm')).toMatch(new RegExp(`\\b${option}: `));
				const python = toPython(setup, 'p.wasm');
				expect(python).not.toEqual(toPython(base, 'p.wasm'));
				if (setting.manifest)
					expect(python).toContain(`"${setting.manifest.field.split('.').at(-1)}": `);
			});
		});
	}
});
