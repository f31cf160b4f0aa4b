import { describe, expect, it } from 'vitest';
import {
	PREVIEW_BYTES,
	clipName,
	describeOutput,
	formatBytes,
	hexDump,
	outputAsInput
} from './output';

const enc = (s: string) => new TextEncoder().encode(s);

describe('describeOutput', () => {
	it('tells no output from empty output', () => {
		expect(describeOutput(null).kind).toBe('none');
		expect(describeOutput(new Uint8Array()).kind).toBe('empty');
	});
	it('pretty-prints JSON objects and arrays', () => {
		const v = describeOutput(enc('{"a":[1,2]}'));
		expect(v.kind).toBe('json');
		expect(v.pretty).toBe('{\n  "a": [\n    1,\n    2\n  ]\n}');
	});
	it('keeps text that only looks like JSON as text', () => {
		expect(describeOutput(enc('{"a":')).kind).toBe('text');
		expect(describeOutput(enc('42')).kind).toBe('text');
	});
	it('decodes UTF-8 text', () => {
		const v = describeOutput(enc('héllo ✓'));
		expect(v).toMatchObject({ kind: 'text', text: 'héllo ✓', size: 10, truncated: false });
	});
	it('shows bytes that are not UTF-8 as hex', () => {
		const v = describeOutput(new Uint8Array([0xff, 0x00, 0xfe, 0x41, 0x80, 0x0a]));
		expect(v.kind).toBe('binary');
		expect(v.hex).toBe('00000000  ff 00 fe 41 80 0a' + ' '.repeat(30) + '  |...A..|');
	});
	it('previews only the start of a huge output', () => {
		const big = new Uint8Array(32 * 1024 * 1024).fill(0x41);
		const v = describeOutput(big);
		expect(v).toMatchObject({ kind: 'text', size: 33554432, truncated: true });
		expect(v.text.length).toBe(PREVIEW_BYTES);
	});
	it('does not fail when the preview cuts a character in half', () => {
		const s = 'é'.repeat(PREVIEW_BYTES);
		const v = describeOutput(enc(s));
		expect(v.kind).toBe('text');
		expect(v.text).toBe('é'.repeat(PREVIEW_BYTES / 2));
	});
});

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

describe('outputAsInput', () => {
	it('takes UTF-8 text as it is, and makes other bytes an input file of their type, and refuses oversized output in words', () => {
		expect(outputAsInput(new TextEncoder().encode('Grüße {"a":1}'))).toEqual({
			ok: true,
			text: 'Grüße {"a":1}'
		});
		const binary = new Uint8Array([0xff, 0xfe, 0x00]);
		expect(outputAsInput(binary, 'resize')).toEqual({
			ok: true,
			file: { name: 'resize-output.bin', type: 'application/octet-stream', bytes: binary }
		});
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
		expect(outputAsInput(png, 'img')).toEqual({
			ok: true,
			file: { name: 'img-output.png', type: 'image/png', bytes: png }
		});
		const bigBinary = new Uint8Array(32 * 1024 * 1024 + 1).fill(0xff);
		expect(outputAsInput(bigBinary)).toEqual({
			ok: false,
			message: 'The output (32.0 MiB) is too large to become the input (at most 32.0 MiB).'
		});
		expect(outputAsInput(new Uint8Array(2 * 1024 * 1024 + 1))).toEqual({
			ok: false,
			message: 'The output (2.0 MiB) is too large to become the input (at most 2.0 MiB).'
		});
	});
});
