import { describe, expect, it } from 'vitest';
import {
	MAX_INPUT_FILE_BYTES,
	encodeInput,
	filePreview,
	inputFileProblem,
	spellInput
} from './input';

const ok = (bytes: number[]) => ({ ok: true, bytes: new Uint8Array(bytes) });

describe('encodeInput', () => {
	it('sends text as UTF-8', () => {
		expect(encodeInput('é!', 'text')).toEqual(ok([0xc3, 0xa9, 0x21]));
	});
	it('reads hex in either case, with spaces and line breaks between bytes', () => {
		expect(encodeInput('00 ff\n8A', 'hex')).toEqual(ok([0x00, 0xff, 0x8a]));
		expect(encodeInput('', 'hex')).toEqual(ok([]));
	});
	it('says what is wrong with text that is not hex', () => {
		expect(encodeInput('0g', 'hex')).toEqual({
			ok: false,
			message: 'The input is not hex: "g" is not a hex digit (0-9, a-f).'
		});
		expect(encodeInput('abc', 'hex')).toEqual({
			ok: false,
			message: 'The input is not hex: it has an odd number of digits (3); every byte takes two.'
		});
	});
	it('reads base64 (whitespace ignored) and refuses anything else', () => {
		expect(encodeInput('AP+A\n', 'base64')).toEqual(ok([0x00, 0xff, 0x80]));
		expect(encodeInput('AP-_', 'base64')).toEqual({
			ok: false,
			message:
				'The input is not base64: it may use only A-Z, a-z, 0-9, + and /, with = padding at the end.'
		});
	});
});

describe('spellInput', () => {
	it('spells bytes in each encoding, and refuses text that is not UTF-8', () => {
		const bytes = new Uint8Array([0x61, 0x62, 0xff]);
		expect(spellInput(bytes, 'hex')).toBe('61 62 ff');
		expect(spellInput(bytes, 'base64')).toBe('YWL/');
		expect(spellInput(bytes, 'text')).toBeNull();
		expect(spellInput(bytes.subarray(0, 2), 'text')).toBe('ab');
	});
});

describe('input files', () => {
	it('refuses a file over the limit, naming both sizes', () => {
		expect(inputFileProblem('a.bin', MAX_INPUT_FILE_BYTES)).toBeNull();
		expect(inputFileProblem('big.bin', 50_000_000)).toBe(
			'The file "big.bin" (47.7 MiB) is too large to be the input: input files may be at most 32.0 MiB.'
		);
	});
	it('previews the first 256 bytes as hex', () => {
		const lines = filePreview(new Uint8Array(1000).fill(0xab)).split('\n');
		expect(lines).toHaveLength(16);
		expect(lines[15].startsWith('000000f0  ab ab')).toBe(true);
	});
});
