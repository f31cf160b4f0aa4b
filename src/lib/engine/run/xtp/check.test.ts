import { describe, expect, it } from 'vitest';
import { inspectWasm, type ModuleInfo } from '../../wasm/inspect';
import { wat } from '../../testing/wasm-builders';
import { checkTestPlugin } from './check';

async function info(imports: string, exportTest = true): Promise<ModuleInfo> {
	const test = exportTest ? '(func (export "test") (result i32) (i32.const 0))' : '';
	const r = await inspectWasm(await wat(`(module ${imports} ${test})`));
	if (!r.ok) throw new Error(r.message);
	return r;
}
const imp = (name: string, sig: string) => `(import "xtp:test/harness" "${name}" (func ${sig}))`;

describe('checkTestPlugin', () => {
	it('lists the harness functions a test plugin uses and reads the assert form', async () => {
		const r = checkTestPlugin(
			await info(
				imp('call', '(param i64 i64) (result i64)') +
					imp('assert', '(param i64 i64 i64)') +
					imp('mock_input', '(result i64)')
			)
		);
		expect(r).toEqual({
			ok: true,
			uses: ['call', 'assert', 'mock_input'],
			assertArity: 3,
			useWasi: false
		});
	});

	it('accepts the older two-argument assert', async () => {
		const r = checkTestPlugin(await info(imp('assert', '(param i64 i64)')));
		expect(r).toMatchObject({ ok: true, assertArity: 2 });
	});

	it('accepts a plugin that imports nothing from the harness, with no uses', async () => {
		expect(checkTestPlugin(await info(''))).toMatchObject({ ok: true, uses: [] });
	});

	it('says WASI is needed when the test plugin imports it', async () => {
		const r = checkTestPlugin(
			await info(
				'(import "wasi_snapshot_preview1" "proc_exit" (func (param i32)))' +
					'(memory (export "memory") 1)'
			)
		);
		expect(r).toMatchObject({ ok: true, useWasi: true });
	});

	it('refuses a module without a test export', async () => {
		const r = checkTestPlugin(
			await info('(func (export "run") (result i32) (i32.const 0))', false)
		);
		expect(r).toEqual({
			ok: false,
			message: expect.stringContaining('It exports no function "test"')
		});
	});

	it('refuses a harness import the harness does not have, naming it', async () => {
		const r = checkTestPlugin(await info(imp('explode', '(param i64)')));
		expect(r).toEqual({
			ok: false,
			message: expect.stringMatching(
				/^It imports "explode" from xtp:test\/harness, which the test harness does not have \(it has call, time, assert, group, reset, mock_input\)\.$/
			)
		});
	});

	it('refuses a harness import with the wrong signature, saying both', async () => {
		const r = checkTestPlugin(await info(imp('call', '(param i32 i32) (result i32)')));
		expect(r).toEqual({
			ok: false,
			message:
				'Its import xtp:test/harness "call" has the signature (i32, i32) → (i32), but the harness provides (i64, i64) → (i64).'
		});
	});

	it('refuses other host imports, which nothing provides to a test plugin', async () => {
		const r = checkTestPlugin(await info('(import "extism:host/user" "lookup" (func))'));
		expect(r).toEqual({
			ok: false,
			message: expect.stringContaining('It imports "lookup" from "extism:host/user"')
		});
	});
});
