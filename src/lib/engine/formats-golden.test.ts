// Pins, byte for byte, everything the formats from outside produce: links, manifests, generated
// code, SDK options and every refusal sentence. The snapshot was taken before the settings were
// described in one table, so any drift in wording, key order or flags shows up here.
import { describe, expect, it } from 'vitest';
import { toCli, toJavaScript, toPython } from './export/codegen';
import { parseManifest, toManifest } from './export/manifest';
import { parseSaved } from './persist/saved-state';
import { DEFAULT_SETTINGS, toSdkOptions, type PluginSettings } from './setup/settings';
import { checkPluginUrl } from './wasm/source';
import { checkSetup, decodeSetup, encodeSetup } from './persist/codec';
import type { Setup } from './setup/setup';
import { writeV1 } from './persist/setup-v1';
import { linkOfJson, sampleJson, sampleSetup } from './testing/links';
import { importCases } from './cases/test-cases-file';

const base: Setup = {
	source: { kind: 'example', id: 'count_vowels' },
	fn: 'count_vowels',
	input: 'Hello',
	settings: { ...DEFAULT_SETTINGS, config: {}, allowedHosts: [] },
	timeoutMs: null
};

const withSettings = (s: Partial<PluginSettings>, timeoutMs: number | null = null): Setup => ({
	...base,
	settings: { ...base.settings, ...s },
	timeoutMs
});

const setups: Record<string, Setup> = {
	base,
	sample: sampleSetup(),
	wasi: withSettings({ wasi: true }),
	trace: withSettings({ logLevel: 'trace' }),
	error: withSettings({ logLevel: 'error' }),
	config: withSettings({ config: { a: '1', 'b c': "it's" } }),
	hosts: withSettings({ allowedHosts: ['a.com', '*.b.org'] }),
	headers: withSettings({ allowHttpResponseHeaders: true }),
	pages: withSettings({ maxPages: 3 }),
	pagesZero: withSettings({ maxPages: 0 }),
	vars: withSettings({ maxVarBytes: 77 }),
	http: withSettings({ maxHttpResponseBytes: 99 }),
	varsAndHttp: withSettings({ maxVarBytes: 5, maxHttpResponseBytes: 6 }),
	timeout: withSettings({}, 2500),
	timeoutZero: withSettings({}, 0),
	timeoutAndHeaders: withSettings({ allowHttpResponseHeaders: true, wasi: true }, 1),
	empty: { ...base, source: { kind: 'none' }, fn: '', input: '' },
	handVars: {
		...base,
		vars: [
			{ name: 'total', value: new TextEncoder().encode('40') },
			{ name: 'raw', value: new Uint8Array([1, 0, 0, 0xff]) }
		]
	}
};

describe('every format a setup is written in', () => {
	for (const [name, setup] of Object.entries(setups)) {
		it(name, async () => {
			const ref = name === 'sample' ? 'https://x.test/p.wasm' : 'p.wasm';
			expect({
				link: JSON.stringify(writeV1(setup)),
				hash: (await encodeSetup(setup)).hash,
				manifest: JSON.stringify(toManifest(setup, { url: ref })),
				// An object, not its JSON: the order of option keys reaches nobody, and snapshots sort keys.
				sdk: toSdkOptions(setup.settings),
				cli: toCli(setup, ref),
				js: toJavaScript(setup, ref),
				python: toPython(setup, ref),
				check: checkSetup(setup)
			}).toMatchSnapshot();
		});
	}
});

const bad: unknown[] = [
	undefined,
	null,
	'',
	'x',
	'info',
	-1,
	0,
	1.5,
	16,
	65_537,
	2 ** 32 + 1,
	true,
	[],
	['a.com'],
	['!x'],
	[''],
	[1],
	{},
	{ a: 1 },
	{ '': 'v' },
	{ a: 'b' }
];

describe('every refusal of a link field', () => {
	const keys = ['wasi', 'logLevel', 'config', 'allowedHosts', 'allowHttpResponseHeaders'];
	const limits = ['maxPages', 'maxVarBytes', 'maxHttpResponseBytes'];
	for (const key of [...keys, ...limits, 'timeoutMs']) {
		it(key, async () => {
			const out: unknown[] = [];
			for (const value of bad) {
				const json = sampleJson();
				if (key === 'timeoutMs') json.timeoutMs = value;
				else json.settings[key] = value;
				const r = await decodeSetup(await linkOfJson(json));
				out.push(r.ok ? JSON.stringify(r.setup.settings) + r.setup.timeoutMs : r.message);
			}
			expect(out).toMatchSnapshot();
		});
	}

	it('the settings object itself', async () => {
		const out: unknown[] = [];
		for (const value of bad) {
			const r = await decodeSetup(await linkOfJson({ ...sampleJson(), settings: value }));
			out.push(r.ok ? 'ok' : r.message);
		}
		expect(out).toMatchSnapshot();
	});
});

const urls = [
	'https://a.com/p.wasm',
	'http://localhost/p.wasm',
	'http://localhost:8080/p.wasm',
	'http://127.0.0.1/p.wasm',
	'http://[::1]/p.wasm',
	'http://127.0.0.2/p.wasm',
	'http://example.com/p.wasm',
	'HTTP://LOCALHOST/p.wasm',
	'ftp://localhost/p.wasm',
	'https://u:p@a.com/p.wasm',
	'javascript:alert(1)',
	'not a url',
	' https://a.com/ '
];

describe('every plugin address', () => {
	it('in a link', async () => {
		const out: unknown[] = [];
		for (const url of urls) {
			const r = await decodeSetup(
				await linkOfJson({ ...sampleJson(), source: { kind: 'url', url } })
			);
			out.push(r.ok ? r.setup.source : r.message);
		}
		expect(out).toMatchSnapshot();
	});

	it('in the Load field', () => {
		const out = urls.map((url) => {
			try {
				return checkPluginUrl(url).href;
			} catch (e) {
				return (e as Error).message;
			}
		});
		expect(out).toMatchSnapshot();
	});
});

const manifests = [
	'nope',
	'[]',
	'{}',
	'{"wasm": 1}',
	'{"wasm": []}',
	'{"wasm": [1]}',
	'{"wasm": [{"url": "https://a/p.wasm"}]}',
	'{"wasm": [{"path": "p.wasm", "hash": "x"}, {"name": "main", "data": "AGFzbQ=="}]}',
	'{"wasm": [{"data": "***"}]}',
	'{"wasm": [{}]}',
	'{"allowed_hosts": ["a.com"], "allowedHosts": ["b.com"]}',
	'{"allowedHosts": ["a.com"]}',
	'{"allowed_hosts": "a.com"}',
	'{"allowed_hosts": ["!x"]}',
	'{"allowed_hosts": null, "allowedHosts": ["c.com"]}',
	'{"config": {"a": "b"}}',
	'{"config": {"a": 1}}',
	'{"config": []}',
	'{"memory": 5}',
	'{"memory": {}}',
	'{"memory": {"max_pages": 4, "maxVarBytes": 8, "max_http_response_bytes": 9}}',
	'{"memory": {"maxPages": 4, "max_pages": 5}}',
	'{"memory": {"max_pages": -1}}',
	'{"memory": {"max_pages": 65537}}',
	'{"memory": {"max_var_bytes": 1.5}}',
	'{"memory": {"max_http_response_bytes": "9"}}',
	'{"memory": {"max_pages": null}}',
	'{"allowed_hosts": 1, "config": 2, "memory": 3, "timeout_ms": "x"}',
	'{"config": 2, "memory": 3}',
	'{"memory": {"max_pages": "a", "max_var_bytes": "b"}}',
	'{"allowed_paths": {"a": "b"}}',
	'{"timeout_ms": 5}',
	'{"timeoutMs": 5}',
	'{"timeout_ms": 0}',
	'{"timeout_ms": -5}',
	'{"timeout_ms": 2147483648}'
];

describe('every manifest', () => {
	it('reads as before', () => {
		expect(manifests.map((m) => JSON.stringify(parseManifest(m)))).toMatchSnapshot();
	});
});

const caseFiles = [
	'',
	'nope',
	'[]',
	'{}',
	'{"version": 2, "cases": []}',
	'{"version": "1", "cases": []}',
	'{"version": 1, "cases": {}}',
	'{"version": 1, "cases": []}',
	'{"version": 1, "cases": [1]}',
	'{"version": 1, "cases": [null]}',
	'{"version": 1, "cases": [{"name": "a", "fn": "f", "expect": {"kind": "output", "text": "x"}, "zz": 1}]}',
	'{"version": 1, "cases": [{"fn": "f"}]}',
	'{"version": 1, "cases": [{"name": 5}]}',
	'{"version": 1, "cases": [{"name": true}]}',
	'{"version": 1, "cases": [{"name": [1]}]}',
	'{"version": 1, "cases": [{"name": {}}]}',
	'{"version": 1, "cases": [{"name": null}]}',
	'{"version": 1, "cases": [{"name": " "}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": ""}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f", "input": 3}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f", "config": []}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f", "config": "a"}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f", "config": {"k": 1}}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f"}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f", "expect": "x"}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f", "expect": {"kind": "x"}}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f", "expect": {"kind": 1.5}}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f", "expect": {"kind": "error"}}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f", "expect": {"kind": "error", "text": null}}]}',
	'{"version": 1, "cases": [{"name": "n", "fn": "f", "input": "i", "config": {"k": "v"}, "expect": {"kind": "error", "text": "t"}}]}'
];

describe('every test-case file', () => {
	it('reads as before', () => {
		const out = caseFiles.map((text) => {
			const r = importCases(text);
			return r.ok ? r.cases.map(({ id, ...c }) => ({ ...c, id: id.length })) : r.message;
		});
		expect(out).toMatchSnapshot();
	});
});

const saves = [
	null,
	'',
	'nope',
	'[]',
	'5',
	'null',
	'{}',
	'{"v": 0}',
	'{"v": 1.5}',
	'{"v": 3}',
	'{"v": 1}',
	'{"v": 1, "link": "#s=1.x"}',
	'{"v": 2, "link": 5}',
	'{"v": 2, "link": "#s", "file": null}',
	'{"v": 2, "link": "#s", "file": []}',
	'{"v": 2, "link": "#s", "file": {}}',
	'{"v": 2, "link": "#s", "file": {"name": "a", "sha256": 1}}',
	'{"v": 2, "link": "#s", "file": {"name": "a", "sha256": "h"}, "input": "i", "trusted": ["x"]}',
	'{"v": 2, "link": "#s", "input": 1}',
	'{"v": 2, "link": "#s", "trusted": "x"}',
	'{"v": 2, "link": "#s", "trusted": [1]}'
];

describe('every saved state', () => {
	it('reads as before', () => {
		expect(saves.map((s) => JSON.stringify(parseSaved(s)))).toMatchSnapshot();
	});
});
