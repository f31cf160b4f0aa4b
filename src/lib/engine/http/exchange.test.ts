import { describe, expect, it } from 'vitest';
import { bodyCollector, headerRecord, MAX_RECORDED_BODY_BYTES, sampleOf, sentOf } from './exchange';

describe('what a request sent and got, as events carry it', () => {
	it('clips a body to the bound and keeps its size', () => {
		const big = new Uint8Array(MAX_RECORDED_BODY_BYTES + 5).fill(7);
		const s = sampleOf(big);
		expect(s.bytes.length).toBe(MAX_RECORDED_BODY_BYTES);
		expect(s.size).toBe(MAX_RECORDED_BODY_BYTES + 5);
		expect(s.whole).toBe(true);
	});

	it('collects a streamed body up to the bound across chunks', () => {
		const c = bodyCollector();
		c.add(new Uint8Array(MAX_RECORDED_BODY_BYTES - 1).fill(1));
		c.add(new Uint8Array([2, 3, 4]));
		const s = c.sample(false);
		expect(s.size).toBe(MAX_RECORDED_BODY_BYTES + 2);
		expect(s.bytes.length).toBe(MAX_RECORDED_BODY_BYTES);
		expect(s.bytes[MAX_RECORDED_BODY_BYTES - 1]).toBe(2);
		expect(s.whole).toBe(false);
		const small = bodyCollector();
		small.add(new Uint8Array([9]));
		expect(small.sample(true)).toEqual({ bytes: new Uint8Array([9]), size: 1, whole: true });
	});

	it('reads request headers in any shape, names in lower case', () => {
		expect(headerRecord({ 'Content-Type': 'a', n: 5 })).toEqual({ 'content-type': 'a', n: '5' });
		expect(headerRecord(new Headers({ 'X-A': '1' }))).toEqual({ 'x-a': '1' });
		expect(
			headerRecord([
				['X-A', '1'],
				['x-a', '2']
			])
		).toEqual({ 'x-a': '1, 2' });
		expect(headerRecord(undefined)).toEqual({});
	});

	it('reads a request body from bytes or text; none for GET', () => {
		expect(sentOf(undefined, undefined)).toEqual({ headers: {}, body: null });
		expect(sentOf({}, 'hi').body).toEqual({
			bytes: new Uint8Array([104, 105]),
			size: 2,
			whole: true
		});
		expect(sentOf({}, new Uint8Array([1])).body?.bytes).toEqual(new Uint8Array([1]));
		expect(sentOf({}, new Uint8Array([1]).buffer).body?.size).toBe(1);
	});
});
