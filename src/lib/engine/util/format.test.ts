import { describe, expect, it } from 'vitest';
import { clipName, formatBytes, hexDump } from './format';

const enc = (s: string) => new TextEncoder().encode(s);

describe('hexDump and formatBytes', () => {
	it('dumps 16 bytes a line with offsets', () => {
		const lines = hexDump(enc('abcdefghijklmnopq')).split('\n');
		expect(lines[0]).toBe(
			'00000000  61 62 63 64 65 66 67 68 69 6a 6b 6c 6d 6e 6f 70  |abcdefghijklmnop|'
		);
		expect(lines[1].startsWith('00000010  71 ')).toBe(true);
	});
	it('formats sizes', () => {
		expect(formatBytes(512)).toBe('512 B');
		expect(formatBytes(2048)).toBe('2.0 KiB');
		expect(formatBytes(33554432)).toBe('32.0 MiB');
	});
});

describe('clipName', () => {
	it('keeps ordinary names and shortens huge ones, saying how long they were', () => {
		expect(clipName('count_vowels')).toBe('count_vowels');
		expect(clipName('x'.repeat(120))).toBe('x'.repeat(120));
		expect(clipName('y'.repeat(10_000_000))).toBe(`${'y'.repeat(120)}… (10,000,000 characters)`);
	});
});
