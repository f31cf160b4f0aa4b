import { describe, expect, it } from 'vitest';
import { parseManifest, toManifest } from './manifest';
import { DEFAULT_SETTINGS } from '../setup/settings';
import { DEFAULT_SETUP, type Setup } from '../setup/setup';

const WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

const full: Setup = {
	source: { kind: 'none' },
	fn: 'f',
	input: '',
	settings: {
		wasi: true,
		logLevel: 'debug',
		config: { vowels: 'aeiou', 'clé ✓': 'välue' },
		allowedHosts: ['api.example.com', '*.cdn.example'],
		maxPages: 4,
		maxVarBytes: 0,
		maxHttpResponseBytes: 2048,
		allowHttpResponseHeaders: false
	},
	timeoutMs: 1500
};

const bare: Setup = { ...full, settings: { ...DEFAULT_SETTINGS }, timeoutMs: null };

describe('toManifest', () => {
	it('writes every set field in the manifest’s own names', () => {
		expect(toManifest(full, { url: 'https://example.com/a.wasm' })).toEqual({
			wasm: [{ url: 'https://example.com/a.wasm' }],
			allowed_hosts: ['api.example.com', '*.cdn.example'],
			config: { vowels: 'aeiou', 'clé ✓': 'välue' },
			memory: { max_pages: 4, max_var_bytes: 0, max_http_response_bytes: 2048 },
			timeout_ms: 1500
		});
	});

	it('writes bytes as base64 and leaves unset fields out', () => {
		expect(toManifest(bare, { data: WASM })).toEqual({ wasm: [{ data: 'AGFzbQEAAAA=' }] });
	});
});

describe('parseManifest', () => {
	it('reads back what toManifest wrote', () => {
		const text = JSON.stringify(toManifest(full, { data: WASM }));
		expect(parseManifest(text)).toEqual({
			ok: true,
			wasm: { data: WASM },
			settings: {
				config: { vowels: 'aeiou', 'clé ✓': 'välue' },
				allowedHosts: ['api.example.com', '*.cdn.example'],
				maxPages: 4,
				maxVarBytes: 0,
				maxHttpResponseBytes: 2048
			},
			timeoutMs: 1500,
			warnings: []
		});
	});

	it('accepts camelCase keys and treats null as absent', () => {
		const text = JSON.stringify({
			wasm: [{ url: 'https://x.dev/p.wasm' }],
			allowedHosts: ['a.com'],
			memory: { maxPages: 2, maxVarBytes: null },
			timeoutMs: 10,
			allowed_paths: null
		});
		expect(parseManifest(text)).toEqual({
			ok: true,
			wasm: { url: 'https://x.dev/p.wasm' },
			settings: { allowedHosts: ['a.com'], maxPages: 2 },
			timeoutMs: 10,
			warnings: []
		});
	});

	it('takes the module named "main" among several, and says so', () => {
		const text = JSON.stringify({
			wasm: [
				{ url: 'https://x.dev/lib.wasm', name: 'lib' },
				{ url: 'https://x.dev/main.wasm', name: 'main' },
				{ url: 'https://x.dev/other.wasm' }
			]
		});
		// The others are linked under their names; one without a name cannot be imported from.
		expect(parseManifest(text)).toEqual({
			ok: true,
			wasm: { url: 'https://x.dev/main.wasm' },
			linked: [{ name: 'lib', wasm: { url: 'https://x.dev/lib.wasm' } }],
			settings: {},
			warnings: ['Module number 3 has no name, so nothing can import from it: it was left out.']
		});
	});

	it('takes the last module when none is named "main"', () => {
		const text = JSON.stringify({
			wasm: [{ url: 'https://x.dev/a.wasm' }, { data: 'AGFzbQEAAAA=' }]
		});
		const result = parseManifest(text);
		expect(result.ok && result.wasm).toEqual({ data: WASM });
		expect(result.ok && result.warnings).toEqual([
			'Module number 1 has no name, so nothing can import from it: it was left out.'
		]);
	});

	it('writes linked modules before the main one, and reads them back under their names', () => {
		const lib = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
		const setup = { ...DEFAULT_SETUP, linked: [{ name: 'lib', file: 'lib.wasm', data: lib }] };
		const manifest = toManifest(setup, { url: 'https://x.dev/main.wasm' });
		expect(manifest.wasm).toEqual([
			{ name: 'lib', data: 'AGFzbQEAAAA=' },
			{ url: 'https://x.dev/main.wasm' }
		]);
		const back = parseManifest(JSON.stringify(manifest));
		expect(back.ok && back.linked).toEqual([{ name: 'lib', wasm: { data: lib } }]);
		expect(back.ok && back.wasm).toEqual({ url: 'https://x.dev/main.wasm' });
	});

	it('warns that a file path cannot be read, and about what it leaves out', () => {
		const text = JSON.stringify({
			wasm: [{ path: 'plugins/count.wasm', hash: 'abc' }],
			allowed_paths: { '.': '/tmp' }
		});
		expect(parseManifest(text)).toEqual({
			ok: true,
			wasm: null,
			settings: {},
			warnings: [
				'The sha256 hash given for module number 1 is not checked here.',
				'Module number 1 is a file path ("plugins/count.wasm"): a browser cannot read files from disk, so load that file by hand.',
				'allowed_paths was left out: a plugin in a browser has no files to reach.'
			]
		});
	});

	it('accepts base64 data wrapped over several lines', () => {
		const result = parseManifest('{"wasm": [{"data": "AGFz\\nbQEA\\r\\nAAA="}]}');
		expect(result.ok && result.wasm).toEqual({ data: WASM });
	});

	it('says when there is no module at all', () => {
		expect(parseManifest('{"config": {"a": "b"}}')).toEqual({
			ok: true,
			wasm: null,
			settings: { config: { a: 'b' } },
			warnings: ['The manifest lists no wasm module: load the plugin separately.']
		});
	});

	const bad: [string, string][] = [
		['', 'This is not valid JSON (Unexpected end of JSON input).'],
		['[1]', 'A manifest is a JSON object with a "wasm" list of modules.'],
		['null', 'A manifest is a JSON object with a "wasm" list of modules.'],
		[
			'{"wasm": "a.wasm"}',
			'This manifest cannot be used. The manifest\'s "wasm" must be a list of modules.'
		],
		['{"wasm": [1]}', 'This manifest cannot be used. Every entry of "wasm" must be an object.'],
		[
			'{"wasm": [{"name": "main"}]}',
			'This manifest cannot be used. Module "main" has no "url", "data" or "path" text.'
		],
		[
			'{"wasm": [{"data": "not base64!"}]}',
			'This manifest cannot be used. The "data" of module number 1 is not valid base64.'
		],
		[
			'{"wasm": [], "config": {"a": 1}}',
			'This manifest cannot be used. The manifest\'s "config" value "a" must be text.'
		],
		[
			'{"wasm": [], "allowed_hosts": "a.com"}',
			'This manifest cannot be used. The manifest\'s "allowed_hosts" must be a list.'
		],
		[
			'{"wasm": [], "memory": 5}',
			'This manifest cannot be used. The manifest\'s "memory" must be an object.'
		],
		[
			'{"wasm": [], "memory": {"max_pages": -1}}',
			'This manifest cannot be used. The manifest\'s "memory.max_pages" must be a whole number from 0 to 65,536 (got -1).'
		],
		[
			'{"wasm": [], "timeout_ms": "1s"}',
			'This manifest cannot be used. The manifest\'s "timeout_ms" must be a whole number from 0 to 2,147,483,647 (got "1s").'
		]
	];
	for (const [text, message] of bad) {
		it(`refuses ${text || 'an empty text'}`, () => {
			expect(parseManifest(text)).toEqual({ ok: false, message });
		});
	}
});
