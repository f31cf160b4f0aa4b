import { describe, expect, it } from 'vitest';
import { varBytes, viewVar } from './var-view';

const enc = new TextEncoder();

describe('viewVar', () => {
	it('shows UTF-8 text as text, with its size', () => {
		expect(viewVar({ name: 'total', value: enc.encode('42 ✓') })).toEqual({
			name: 'total',
			size: '6 B',
			text: '42 ✓',
			hex: null,
			number: null
		});
	});

	it('shows other bytes in hex, and 4 or 8 bytes also as little-endian numbers', () => {
		const four = viewVar({ name: 'n', value: new Uint8Array([0xfe, 0xff, 0xff, 0xff]) });
		expect(four.text).toBeNull();
		expect(four.hex).toBe('fe ff ff ff');
		expect(four.number).toBe('u32 little-endian 4294967294 (i32 -2)');
		const eight = viewVar({ name: 'n', value: new Uint8Array([1, 1, 0, 0, 0, 0, 0, 0]) });
		expect(eight.hex).toBe('01 01 00 00 00 00 00 00');
		expect(eight.number).toBe('u64 little-endian 257');
	});

	it('takes text with control characters for bytes, and cuts long hex', () => {
		// Valid UTF-8, but a counter stored as raw bytes is not text.
		expect(viewVar({ name: 'c', value: new Uint8Array([7, 0, 0, 0]) })).toMatchObject({
			text: null,
			hex: '07 00 00 00',
			number: 'u32 little-endian 7'
		});
		const big = viewVar({ name: 'b', value: new Uint8Array(300).fill(0x80) });
		expect(big.size).toBe('300 B');
		expect(big.hex?.endsWith('80 …')).toBe(true);
		expect(big.hex?.split(' ').length).toBe(257);
	});
});

describe('varBytes', () => {
	it('reads text as UTF-8 and hex as bytes, and says what is wrong with bad hex', () => {
		expect(varBytes('é', 'text')).toEqual({ ok: true, bytes: enc.encode('é') });
		expect(varBytes('0a ff', 'hex')).toEqual({ ok: true, bytes: new Uint8Array([10, 255]) });
		expect(varBytes('0g', 'hex')).toEqual({
			ok: false,
			message: 'The value is not hex: "g" is not a hex digit (0-9, a-f).'
		});
	});
});
