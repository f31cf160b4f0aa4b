// Extism manifests (the JSON every host SDK and `extism call -m` read), in and out.
import { copyValue, isDefault, setPath } from '../setup/settings';
import {
	SETTING_LIST,
	TIMEOUT,
	type PluginSettings,
	type SettingKey
} from '../setup/settings-table';
import type { Setup } from '../setup/setup';
import { fromBase64, toBase64 } from '../util/base64';
import { readCount, readSetting, SetupError } from '../persist/fields';
import { isObject, type Json } from '../util/validate';

export type ManifestWasm = { url: string } | { data: Uint8Array };
export type ManifestLink = { name: string; wasm: ManifestWasm };

export type ParsedManifest =
	| {
			ok: true;
			/** null when the manifest names no module a browser can load. */
			wasm: ManifestWasm | null;
			/** The other modules, by the name the main one imports them under (`--link`); absent when none. */
			linked?: ManifestLink[];
			settings: Partial<PluginSettings>;
			timeoutMs?: number;
			/** Parts of the manifest that were left out, in sentences. */
			warnings: string[];
	  }
	| { ok: false; message: string };

/** The settings a manifest has a field for, in the order manifests have always listed them. */
const IN_MANIFEST = SETTING_LIST.flatMap(([key, s]) =>
	s.manifest ? [{ key, setting: s, ...s.manifest }] : []
).sort((a, b) => a.at - b.at);

/**
 * The setup as a manifest in the manifest's own (snake_case) field names, with only the fields
 * that are set. Settings without a field (WASI, the log level) are left out: hosts pass them
 * when creating the plugin.
 */
export function toManifest(setup: Setup, wasm: ManifestWasm): Json {
	// Extism takes the last module as the main one when none is named "main".
	const linked = (setup.linked ?? []).flatMap((l) =>
		l.data ? [{ name: l.name, data: toBase64(l.data) }] : []
	);
	const manifest: Json = {
		wasm: [...linked, 'url' in wasm ? { url: wasm.url } : { data: toBase64(wasm.data) }]
	};
	for (const { key, setting, field } of IN_MANIFEST) {
		const value = setup.settings[key];
		if (!isDefault(setting, value)) setPath(manifest, field, copyValue(value));
	}
	if (setup.timeoutMs) manifest[TIMEOUT.manifest.field] = setup.timeoutMs;
	return manifest;
}

/** snake_case first; camelCase too, as the JS SDK writes it. null counts as absent (the schema's default). */
function field(obj: Json, snake: string, camel: string): unknown {
	return obj[snake] ?? obj[camel] ?? undefined;
}

/** A setting's manifest field, found by its snake_case path or by its SDK (camelCase) one. */
function lookUp(json: Json, snakePath: string, camelPath: string): unknown {
	const snake = snakePath.split('.');
	const camel = camelPath.split('.');
	let obj = json;
	for (let i = 0; i < snake.length - 1; i++) {
		const inner = field(obj, snake[i], camel[i]);
		if (inner === undefined) return undefined;
		if (!isObject(inner))
			throw new SetupError(
				`The manifest's "${snake.slice(0, i + 1).join('.')}" must be an object.`
			);
		obj = inner;
	}
	return field(obj, snake[snake.length - 1], camel[camel.length - 1]);
}

function readSettings(json: Json): Partial<PluginSettings> {
	const settings: Partial<Record<SettingKey, unknown>> = {};
	for (const { key, setting, field } of IN_MANIFEST) {
		const value = lookUp(json, field, setting.sdk);
		if (value !== undefined)
			settings[key] = readSetting(setting, value, `the manifest's "${field}"`);
	}
	return settings as Partial<PluginSettings>;
}

function describeEntry(entry: Json, index: number): string {
	return typeof entry.name === 'string' ? `"${entry.name}"` : `number ${index + 1}`;
}

function readWasm(
	list: unknown,
	warnings: string[]
): { wasm: ManifestWasm | null; linked: ManifestLink[] } {
	if (list === undefined) {
		warnings.push('The manifest lists no wasm module: load the plugin separately.');
		return { wasm: null, linked: [] };
	}
	if (!Array.isArray(list))
		throw new SetupError('The manifest\'s "wasm" must be a list of modules.');
	if (list.length === 0) {
		warnings.push('The manifest\'s "wasm" list is empty: load the plugin separately.');
		return { wasm: null, linked: [] };
	}
	if (!list.every(isObject)) throw new SetupError('Every entry of "wasm" must be an object.');
	// Extism's rule: the main module is the one named "main", or else the last one.
	let index = list.findIndex((entry) => entry.name === 'main');
	if (index < 0) index = list.length - 1;
	const linked: ManifestLink[] = [];
	list.forEach((entry, i) => {
		if (i === index) return;
		const label = describeEntry(entry, i);
		if (typeof entry.name !== 'string' || !entry.name.trim()) {
			warnings.push(`Module ${label} has no name, so nothing can import from it: it was left out.`);
			return;
		}
		const wasm = readEntry(entry, label, warnings);
		if (wasm) linked.push({ name: entry.name.trim(), wasm });
	});
	return { wasm: readEntry(list[index], describeEntry(list[index], index), warnings), linked };
}

function readEntry(entry: Json, label: string, warnings: string[]): ManifestWasm | null {
	if (entry.hash !== undefined) {
		warnings.push(`The sha256 hash given for module ${label} is not checked here.`);
	}
	if (typeof entry.url === 'string') return { url: entry.url };
	if (typeof entry.data === 'string') {
		const data = fromBase64(entry.data.replace(/\s+/g, ''));
		if (!data) throw new SetupError(`The "data" of module ${label} is not valid base64.`);
		return { data };
	}
	if (typeof entry.path === 'string') {
		warnings.push(
			`Module ${label} is a file path ("${entry.path}"): a browser cannot read files from disk, so load that file by hand.`
		);
		return null;
	}
	throw new SetupError(`Module ${label} has no "url", "data" or "path" text.`);
}

/** Never throws: a manifest is pasted or loaded by people, so every failure is a message. */
export function parseManifest(text: string): ParsedManifest {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, message: `This is not valid JSON (${(e as Error).message}).` };
	}
	if (!isObject(json)) {
		return { ok: false, message: 'A manifest is a JSON object with a "wasm" list of modules.' };
	}
	try {
		const warnings: string[] = [];
		const { wasm, linked } = readWasm(json.wasm, warnings);
		const settings = readSettings(json);
		const paths = field(json, 'allowed_paths', 'allowedPaths');
		if (isObject(paths) && Object.keys(paths).length > 0) {
			warnings.push('allowed_paths was left out: a plugin in a browser has no files to reach.');
		}
		const timeout = field(json, TIMEOUT.manifest.field, TIMEOUT.sdk);
		const tail = { warnings, ...(linked.length ? { linked } : {}) };
		if (timeout === undefined) return { ok: true, wasm, settings, ...tail };
		const timeoutMs = readCount(timeout, `the manifest's "${TIMEOUT.manifest.field}"`, TIMEOUT.max);
		return { ok: true, wasm, settings, timeoutMs, ...tail };
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		return { ok: false, message: `This manifest cannot be used. ${message}` };
	}
}
