import { describe, expect, it } from 'vitest';
import { binaryenWasm, extractWasm, installedBinaryen } from './binaryen-wasm';

type Transform = (
	this: { warn(m: string): void; emitFile(f: { source: Uint8Array }): string },
	code: string,
	id: string
) => { code: string } | null;

function run(code: string, id = '/x/node_modules/binaryen/index.js') {
	const warnings: string[] = [];
	const emitted: Uint8Array[] = [];
	const ctx = {
		warn: (m: string) => warnings.push(m),
		emitFile: (f: { source: Uint8Array }) => (emitted.push(f.source), 'REF')
	};
	const out = (binaryenWasm().transform as Transform).call(ctx, code, id);
	return { out, warnings, emitted };
}

describe('binaryen wasm out of its JS', () => {
	const code = installedBinaryen();

	it("finds the installed binaryen's embedded module and decodes it as binaryen does", () => {
		const found = extractWasm(code)!;
		expect(found).not.toBeNull();
		expect([...found.bytes.slice(0, 4)]).toEqual([0, 0x61, 0x73, 0x6d]);
		expect(found.bytes.length).toBeGreaterThan(5_000_000);
		// The decoder call is replaced whole, and nothing after it.
		expect(code.slice(found.end)).toMatch(/^,function/);
	});

	it('emits the bytes as an asset and fetches it where the literal was decoded', () => {
		const { out, emitted, warnings } = run(code);
		expect(warnings).toEqual([]);
		expect(emitted).toHaveLength(1);
		expect(out!.code.length).toBeLessThan(code.length / 4);
		expect(out!.code).toContain('await fetch(u)');
		expect(out!.code).toContain('import.meta.ROLLUP_FILE_URL_REF');
		expect(out!.code).not.toContain('`\\0asm');
	});

	it('leaves other modules alone, and a binaryen of another shape as it is, with a warning', () => {
		expect(run(code, '/x/node_modules/assemblyscript/dist/asc.js').out).toBeNull();
		const other = run('export default await init(fetch("binaryen.wasm"));');
		expect(other.out).toBeNull();
		expect(other.emitted).toHaveLength(0);
		expect(other.warnings[0]).toMatch(/left as is/);
		// A literal with a substitution is not plain bytes.
		expect(extractWasm('D(`\\0asm${x}`)')).toBeNull();
		// Bytes that are not a module are not taken.
		expect(extractWasm('D(`\\0asm\\x01`)')).toBeNull();
	});
});
