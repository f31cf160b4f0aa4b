import { describe, expect, it } from 'vitest';
import { fromBase64, fromBase64Url, toBase64, toBase64Url } from './base64';
import { prng, randomBytes } from '../testing/links';

const viaBtoa = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('base64', () => {
	it('agrees with btoa for every length remainder, and reads its output back', () => {
		const rand = prng(7);
		for (let length = 0; length < 40; length++) {
			const bytes = randomBytes(rand, length);
			const std = viaBtoa(bytes);
			expect(toBase64(bytes)).toBe(std);
			const url = std.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
			expect(toBase64Url(bytes)).toBe(url);
			expect(Array.from(fromBase64(std) ?? [])).toEqual(Array.from(bytes));
			expect(Array.from(fromBase64Url(url) ?? [])).toEqual(Array.from(bytes));
		}
	});

	it('refuses anything that is not exactly base64', () => {
		for (const text of ['A', 'AB=C', 'AB C', 'A===', 'AB-_', 'é', 'AB\n']) {
			expect(fromBase64(text), text).toBeNull();
		}
		for (const text of ['A', 'AB+/', 'AB/', 'ABC=D']) expect(fromBase64Url(text), text).toBeNull();
		// Non-zero bits after the last byte would give one byte string two spellings.
		expect(fromBase64('AB==')).toBeNull();
		expect(Array.from(fromBase64('AA==') ?? [9])).toEqual([0]);
	});
});
