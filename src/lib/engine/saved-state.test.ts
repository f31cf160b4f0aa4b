import { describe, expect, it } from 'vitest';
import { parseSaved, serializeSaved } from './saved-state';

describe('saved state', () => {
	it('round-trips, with and without a local file', () => {
		expect(parseSaved(serializeSaved({ link: '#s=1.abc' }))).toEqual({ link: '#s=1.abc' });
		expect(parseSaved(serializeSaved({ link: '#s=1.x', file: { name: 'p.wasm' } }))).toEqual({
			link: '#s=1.x',
			file: { name: 'p.wasm' }
		});
	});
	it('treats unreadable, newer or malformed saves as nothing', () => {
		for (const bad of [
			null,
			'',
			'not json',
			'42',
			'null',
			'{"v":2,"link":"#s=1.a"}',
			'{"v":1}',
			'{"v":1,"link":5}',
			'{"v":1,"link":"#s","file":"x"}',
			'{"v":0,"link":"#s"}'
		]) {
			expect(parseSaved(bad)).toBeNull();
		}
	});
});
