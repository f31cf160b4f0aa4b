import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { toCli, toJavaScript, toPython } from './codegen';
import { codeInput, jsInput, pyInput } from './codegen-input';
import { DEFAULT_SETTINGS } from '../setup/settings';
import type { Setup } from '../setup/setup';

const base: Setup = {
	source: { kind: 'none' },
	fn: 'echo',
	input: '00 ff 0a 27',
	inputEncoding: 'hex',
	settings: { ...DEFAULT_SETTINGS },
	timeoutMs: null
};
const BYTES = [0x00, 0xff, 0x0a, 0x27];

describe('the input in generated code', () => {
	it('pipes hex or base64 input in as the bytes it spells (the shell gives them back)', () => {
		const cli = toCli(base, 'p.wasm');
		expect(cli).toBe('printf %s AP8KJw== | base64 -d | extism call p.wasm echo --stdin');
		const pipe = cli.slice(0, cli.indexOf('| extism'));
		const out = execFileSync('sh', ['-c', pipe]);
		expect(Array.from(out)).toEqual(BYTES);
	});
	it('reads an input file by name, in all three languages', () => {
		const setup: Setup = {
			...base,
			inputFile: { name: "it's.png", type: 'image/png', data: new Uint8Array([1]) }
		};
		expect(toCli(setup, 'p.wasm')).toBe("extism call p.wasm echo --stdin < 'it'\\''s.png'");
		const js = toJavaScript(setup, 'p.wasm');
		expect(js).toContain("import { readFile } from 'node:fs/promises';");
		expect(js).toContain("const out = await plugin.call('echo', await readFile('it\\'s.png'));");
		expect(toPython(setup, 'p.wasm')).toContain(
			'out = plugin.call("echo", open("it\'s.png", "rb").read())'
		);
	});
	it('decodes to the same bytes in JavaScript and Python', () => {
		const input = codeInput(base);
		const js = jsInput(input, (t) => JSON.stringify(t)).arg.slice(2);
		expect(Array.from(new Function(`return ${js}`)() as Uint8Array)).toEqual(BYTES);
		const py = pyInput(input);
		expect(py.imports).toEqual(['import base64']);
		const out = execFileSync('python3', [
			'-c',
			`import base64, sys; sys.stdout.buffer.write(${py.arg})`
		]);
		expect(Array.from(out)).toEqual(BYTES);
	});
	it('carries misspelt hex as the text it is (a run refuses it and says why)', () => {
		expect(codeInput({ ...base, input: 'zz' })).toEqual({ kind: 'text', text: 'zz' });
		expect(codeInput({ ...base, input: '', inputEncoding: undefined })).toEqual({ kind: 'none' });
	});
});
