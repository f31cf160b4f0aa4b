import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAs } from './asc';
import { buildWat } from './wat';
import { EXAMPLE_SOURCE_IDS, exampleSource } from './example-sources';
import { EXAMPLES } from '../setup/examples';

const wabt = await (await import('wabt')).default();
const asc = await import('assemblyscript/asc');

describe('example sources', () => {
	it('has the source of every bundled example, as it is in the repo', async () => {
		expect(EXAMPLE_SOURCE_IDS).toEqual(EXAMPLES.map((e) => e.id).sort());
		const code = await exampleSource('count_vowels');
		expect(code?.language).toBe('assemblyscript');
		expect(code?.text).toBe(
			readFileSync(new URL('../../../../examples/count_vowels.ts', import.meta.url), 'utf8')
		);
		expect((await exampleSource('trap'))?.language).toBe('wat');
		expect(await exampleSource('no_such_example')).toBeNull();
	});

	it('builds every example’s source with the in-browser build, exporting its function', async () => {
		for (const ex of EXAMPLES) {
			const code = (await exampleSource(ex.id))!;
			const r = code.language === 'wat' ? buildWat(wabt, code.text) : await buildAs(asc, code.text);
			expect(r.ok, `${ex.id}: ${JSON.stringify(r.diagnostics)}`).toBe(true);
			if (!r.ok) continue;
			const m = new WebAssembly.Module(r.bytes as Uint8Array<ArrayBuffer>);
			expect(WebAssembly.Module.exports(m).map((e) => e.name)).toContain(ex.functionName);
		}
	});
});
