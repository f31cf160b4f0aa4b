// "Edit source" promises that an example's source, built the way the page builds it, does what the
// prebuilt module does. Here on the Node SDK for every example that neither makes HTTP requests
// (the Node SDK does those only in its worker mode) nor loops forever; the browser test
// (write-examples.spec.ts) does it in the page for those two.
import { readFileSync } from 'node:fs';
import createPlugin from '@extism/extism';
import { describe, expect, it } from 'vitest';
import { buildAs } from './asc';
import { buildWat } from './wat';
import { exampleSource } from './example-sources';
import { EXAMPLES, type ExampleInfo } from '../setup/examples';

const wabt = await (await import('wabt')).default();
const asc = await import('assemblyscript/asc');

/** Examples the browser test rebuilds instead. */
const IN_THE_BROWSER_ONLY = ['webhook', 'loop'];

/** Two calls on one instance (vars carry over), each as its output text or its error, and the logs. */
async function outcome(bytes: Uint8Array, ex: ExampleInfo): Promise<string[]> {
	const logs: string[] = [];
	const logger = Object.fromEntries(
		['trace', 'debug', 'info', 'warn', 'error', 'log'].map((l) => [
			l,
			(m: string) => logs.push(`${l}: ${m}`)
		])
	) as unknown as Console;
	const plugin = await createPlugin(
		{ wasm: [{ data: bytes }] },
		{
			useWasi: ex.wasi,
			config: ex.config,
			logger,
			logLevel: 'trace'
		}
	);
	const results: string[] = [];
	try {
		for (let i = 0; i < 2; i++) {
			try {
				const out = await plugin.call(ex.functionName, ex.input);
				results.push(`output: ${out?.text() ?? '(none)'}`);
			} catch (e) {
				results.push(`error: ${e instanceof Error ? e.message : String(e)}`);
			}
		}
	} finally {
		await plugin.close();
	}
	return [...results, ...logs];
}

describe('an example rebuilt from its source', () => {
	it('leaves only the HTTP and looping examples to the browser', () => {
		const rest = EXAMPLES.filter((e) => !IN_THE_BROWSER_ONLY.includes(e.id));
		expect(rest.some((e) => e.allowedHosts.length)).toBe(false);
		expect(rest.length).toBe(EXAMPLES.length - IN_THE_BROWSER_ONLY.length);
	});

	for (const ex of EXAMPLES.filter((e) => !IN_THE_BROWSER_ONLY.includes(e.id))) {
		it(`${ex.title}: gives the prebuilt module's outputs, errors and logs`, async () => {
			const code = (await exampleSource(ex.id))!;
			const r = code.language === 'wat' ? buildWat(wabt, code.text) : await buildAs(asc, code.text);
			if (!r.ok) throw new Error(`${ex.id}: ${JSON.stringify(r.diagnostics)}`);
			const prebuilt = new Uint8Array(
				readFileSync(new URL(`../../../../static/examples/${ex.id}.wasm`, import.meta.url))
			);
			const expected = await outcome(prebuilt, ex);
			// Each example does something to compare: an output or an error on every call.
			expect(expected.slice(0, 2).every((x) => /^(output|error): ./.test(x))).toBe(true);
			expect(await outcome(r.bytes, ex)).toEqual(expected);
		});
	}
});
