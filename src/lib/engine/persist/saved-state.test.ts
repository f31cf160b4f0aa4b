import { describe, expect, it } from 'vitest';
import { parseSaved, serializeSaved } from './saved-state';

describe('saved state', () => {
	it('round-trips, with and without a local file, big input, trust and an unconfirmed URL', () => {
		expect(parseSaved(serializeSaved({ link: '#s=1.abc' }))).toEqual({
			ok: true,
			state: { link: '#s=1.abc' }
		});
		const full = {
			link: '#s=1.x',
			file: { name: 'p.wasm', sha256: 'ab12' },
			input: 'x'.repeat(300_000),
			inputFile: { name: 'cat.png', type: 'image/png', sha256: 'cd34' },
			trusted: ['extism:host/user::kv.get'],
			pendingUrl: 'http://127.0.0.1:9/plugin.wasm'
		};
		expect(parseSaved(serializeSaved(full))).toEqual({ ok: true, state: full });
	});

	it('opens a version 1 save with none of its custom code trusted', () => {
		const v1 = '{"v":1,"link":"#s=1.x","file":{"name":"p.wasm"}}';
		expect(parseSaved(v1)).toEqual({
			ok: true,
			state: { link: '#s=1.x', file: { name: 'p.wasm' } }
		});
	});

	it('treats an empty store as nothing saved', () => {
		expect(parseSaved(null)).toBeNull();
		expect(parseSaved('')).toBeNull();
	});

	it('says why an unreadable, newer or malformed save cannot be used', () => {
		const cases: [string, string][] = [
			['not json', 'it is not readable (damaged JSON).'],
			['42', 'it is not a saved setup.'],
			['null', 'it is not a saved setup.'],
			['[]', 'it is not a saved setup.'],
			['{"v":3,"link":"#s=1.a"}', 'it was saved by a newer version of the playground (format 3).'],
			['{"v":0,"link":"#s"}', 'it has no known format version.'],
			['{"link":"#s"}', 'it has no known format version.'],
			['{"v":1}', 'its setup is missing.'],
			['{"v":1,"link":5}', 'its setup is missing.'],
			['{"v":1,"link":"#s","file":"x"}', 'its plugin file entry is damaged.'],
			['{"v":2,"link":"#s","file":{"name":"a","sha256":1}}', 'its plugin file entry is damaged.'],
			['{"v":2,"link":"#s","input":5}', 'its input is damaged.'],
			['{"v":2,"link":"#s","inputFile":"a.png"}', 'its input file entry is damaged.'],
			[
				'{"v":2,"link":"#s","inputFile":{"name":"a","type":"","sha256":null}}',
				'its input file entry is damaged.'
			],
			['{"v":2,"link":"#s","trusted":"all"}', 'its list of trusted code is damaged.'],
			['{"v":2,"link":"#s","trusted":[1]}', 'its list of trusted code is damaged.'],
			['{"v":2,"link":"#s","pendingUrl":{}}', 'its unconfirmed plugin address is damaged.']
		];
		for (const [text, message] of cases) expect(parseSaved(text)).toEqual({ ok: false, message });
	});
});
