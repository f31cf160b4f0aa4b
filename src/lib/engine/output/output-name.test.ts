import { describe, expect, it } from 'vitest';
import { outputAsInput, outputFileName } from './output';
import { encodeSetup } from '../persist/codec';
import { DEFAULT_SETUP } from '../setup/setup';

const binary = new Uint8Array([0xff, 0xfe, 0]);

describe('the file name of an output', () => {
	it('turns line breaks, other control characters and path signs into "_"', () => {
		expect(outputFileName('resize', 'png')).toBe('resize-output.png');
		expect(outputFileName('a\nb\u0000c/d\\e\u202ef', 'bin')).toBe('a_b_c_d_e_f-output.bin');
		expect(outputFileName('\n', 'bin')).toBe('_-output.bin');
		expect(outputFileName('', 'bin')).toBe('plugin-output.bin');
		expect(outputFileName('x'.repeat(1000), 'bin')).toHaveLength(200 + '-output.bin'.length);
	});
	it('gives "Use as input" a name that a link then carries', async () => {
		const r = outputAsInput(binary, 'make\nthing');
		if (!r.ok || !('file' in r)) throw new Error('expected a file');
		expect(r.file.name).toBe('make_thing-output.bin');
		const link = await encodeSetup({
			...DEFAULT_SETUP,
			inputFile: { name: r.file.name, type: r.file.type, data: r.file.bytes }
		});
		expect(link.hash).toMatch(/^#s=1\./);
	});
});
