import { describe, expect, it, vi } from 'vitest';
import {
	formatSignature,
	inspectWasm,
	WARNING_LEGACY,
	WARNING_NO_ABI,
	WARNING_NO_CALLABLE,
	type InspectResult,
	type ModuleInfo
} from './inspect';
import {
	PLUGIN_WAT,
	binary,
	func,
	I32,
	leb,
	nodeSha256,
	section,
	str,
	toHex,
	wat
} from '../testing/wasm-builders';
import { sha256 } from './sha256';
import { parseModule } from './module';

function ok(result: InspectResult): ModuleInfo {
	if (!result.ok) throw new Error(`expected a module, got ${result.reason}: ${result.message}`);
	return result;
}

const sigOf = (
	list: { name: string; signature?: { params: string[]; results: string[] } }[],
	name: string
) => formatSignature(list.find((x) => x.name === name)?.signature);

describe('inspectWasm on a typical Extism plugin', async () => {
	const bytes = await wat(PLUGIN_WAT);
	const info = ok(await inspectWasm(bytes));

	it('reports size and sha256', async () => {
		expect(info.size).toBe(bytes.length);
		expect(info.sha256).toBe(await nodeSha256(bytes));
		expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
	});

	it('groups imports and decodes their signatures', () => {
		expect(info.imports.extism.map((i) => i.name)).toEqual([
			'input_length',
			'input_load_u8',
			'alloc',
			'store_u8',
			'output_set'
		]);
		expect(
			info.imports.extism.every((i) => i.module === 'extism:host/env' && i.kind === 'function')
		).toBe(true);
		expect(sigOf(info.imports.extism, 'input_length')).toBe('() → i64');
		expect(sigOf(info.imports.extism, 'input_load_u8')).toBe('(i64) → i32');
		expect(sigOf(info.imports.extism, 'alloc')).toBe('(i64) → i64');
		expect(sigOf(info.imports.extism, 'store_u8')).toBe('(i64, i32) → ()');
		expect(sigOf(info.imports.extism, 'output_set')).toBe('(i64, i64) → ()');
		expect(info.imports.wasi).toEqual([
			{
				module: 'wasi_snapshot_preview1',
				name: 'fd_write',
				kind: 'function',
				signature: { params: ['i32', 'i32', 'i32', 'i32'], results: ['i32'] }
			}
		]);
		expect(info.imports.host).toEqual([
			{
				module: 'extism:host/user',
				name: 'kv.get',
				kind: 'function',
				signature: { params: ['i64'], results: ['i64'] }
			}
		]);
	});

	it('lists exports with kinds and signatures, imported functions first in the index space', () => {
		expect(info.exports.map((e) => [e.name, e.kind])).toEqual([
			['memory', 'memory'],
			['table', 'table'],
			['answer', 'global'],
			['count_vowels', 'function'],
			['add', 'function'],
			['lookup', 'function'],
			['noop', 'function'],
			['pair', 'function'],
			['_start', 'function'],
			['_initialize', 'function'],
			['__data_end_helper', 'function'],
			['output_set_again', 'function']
		]);
		expect(sigOf(info.exports, 'count_vowels')).toBe('() → i32');
		expect(sigOf(info.exports, 'add')).toBe('(i32, i32) → i32');
		expect(sigOf(info.exports, 'lookup')).toBe('() → i64');
		expect(sigOf(info.exports, 'noop')).toBe('() → ()');
		expect(sigOf(info.exports, 'pair')).toBe('() → (i32, i32)');
		// Re-exported import: index 4 lands on output_set only if imports come first.
		expect(sigOf(info.exports, 'output_set_again')).toBe('(i64, i64) → ()');
		expect(info.exports.find((e) => e.name === 'memory')?.signature).toBeUndefined();
	});

	it('finds the callable functions and the flags', () => {
		expect(info.callable).toEqual(['count_vowels', 'noop']);
		expect(info.hasExtismAbi).toBe(true);
		expect(info.usesWasi).toBe(true);
		expect(info.legacyAbi).toBe(false);
		expect(info.hasStart).toBe(false);
		expect(info.exportsMemory).toBe(true);
		expect(info.warnings).toEqual([]);
	});
});

describe('inspectWasm flags and warnings', () => {
	it('recognises the pre-1.0 ABI', async () => {
		const info = ok(
			await inspectWasm(
				await wat(`(module (import "env" "extism_input_length" (func (result i64)))
					(memory (export "memory") 1) (func (export "run") (result i32) (i32.const 0)))`)
			)
		);
		expect(info.legacyAbi).toBe(true);
		expect(info.hasExtismAbi).toBe(false);
		expect(info.imports.host.map((i) => `${i.module}.${i.name}`)).toEqual([
			'env.extism_input_length'
		]);
		expect(info.callable).toEqual(['run']);
		expect(info.warnings).toEqual([WARNING_LEGACY]);
	});

	it('warns about a module without the Extism ABI and without callable functions', async () => {
		const info = ok(
			await inspectWasm(
				await wat(
					`(module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))`
				)
			)
		);
		expect(info.hasExtismAbi).toBe(false);
		expect(info.usesWasi).toBe(false);
		expect(info.exportsMemory).toBe(false);
		expect(info.callable).toEqual([]);
		expect(info.warnings).toEqual([WARNING_NO_ABI, WARNING_NO_CALLABLE]);
	});

	it('sees a start function, wasi_unstable, and non-function imports', async () => {
		const info = ok(
			await inspectWasm(
				await wat(
					`(module
					(import "wasi_unstable" "proc_exit" (func (param i32)))
					(import "env" "mem" (memory 1 2 shared))
					(import "env" "tbl" (table 2 externref))
					(import "env" "g" (global (mut i64)))
					(import "env" "err" (tag (param i32)))
					(func $init) (start $init))`,
					{ threads: true, exceptions: true }
				)
			)
		);
		expect(info.hasStart).toBe(true);
		expect(info.usesWasi).toBe(true);
		expect(info.imports.wasi.map((i) => i.name)).toEqual(['proc_exit']);
		expect(info.imports.host.map((i) => [i.name, i.kind])).toEqual([
			['mem', 'memory'],
			['tbl', 'table'],
			['g', 'global'],
			['err', 'tag']
		]);
		expect(info.exports).toEqual([]);
		expect(info.warnings).toEqual([WARNING_NO_ABI, WARNING_NO_CALLABLE]);
	});

	it('reads custom sections anywhere and skips them', async () => {
		const custom = section(0, [...str('x-test'), 1, 2, 3]);
		const bytes = binary(
			custom,
			section(1, [1, ...func([], [I32])]),
			custom,
			section(3, [1, 0]),
			section(7, [1, ...str('run'), 0, 0]),
			section(10, [1, 4, 0, 0x41, 0, 0x0b]),
			custom
		);
		expect(ok(await inspectWasm(bytes)).callable).toEqual(['run']);
	});
});

describe('type section forms WebAssembly.validate in Node 20 does not know', () => {
	it('decodes GC rec groups, subtypes, struct and array types, and reference types', () => {
		// rec { struct { (mut i32), i8 }, sub (array (mut i16)) }
		const recGroup = [0x4e, 2, 0x5f, 2, I32, 1, 0x78, 0, 0x50, 0, 0x5e, 0x77, 1];
		// sub final (supertype 0): ((ref 0), (ref null any)) → anyref
		const subFinal = [0x4f, 1, 0, 0x60, 2, 0x64, 0x00, 0x63, 0x6e, 1, 0x6e];
		const types = [3, ...recGroup, ...subFinal, ...func([0x70, 0x6f, 0x7b], [])];
		const imports = [2, ...str('m'), ...str('a'), 0, 2, ...str('m'), ...str('b'), 0, 3];
		const memory64 = [1, ...str('m'), ...str('mem'), 2, 0x05, ...leb(2 ** 40), ...leb(2 ** 41)];
		const parsed = parseModule(
			binary(section(1, types), section(2, imports), section(7, [1, ...str('a'), 0, 0]))
		);
		if (!parsed.ok) throw new Error(parsed.message);
		expect(parsed.module.types).toEqual([
			null,
			null,
			{ params: ['(ref 0)', '(ref null any)'], results: ['anyref'] },
			{ params: ['funcref', 'externref', 'v128'], results: [] }
		]);
		expect(parsed.module.functionTypes).toEqual([2, 3]);
		const mem = parseModule(binary(section(2, memory64), section(7, [1, ...str('m'), 2, 0])));
		expect(mem).toMatchObject({
			ok: true,
			module: { imports: [{ module: 'm', name: 'mem', kind: 'memory' }] }
		});
	});
});

describe('formatSignature', () => {
	it('formats params and results', () => {
		expect(formatSignature({ params: ['i64', 'i64'], results: ['i64'] })).toBe('(i64, i64) → i64');
		expect(formatSignature({ params: [], results: ['i32'] })).toBe('() → i32');
		expect(formatSignature({ params: [], results: [] })).toBe('() → ()');
		expect(formatSignature(undefined)).toBe('');
	});
});

describe('sha256 fallback', () => {
	it('matches node:crypto around the padding boundaries', async () => {
		for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000, 100_000]) {
			const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + 7) & 255);
			expect(toHex(sha256(data))).toBe(await nodeSha256(data));
		}
	});

	it('is used where crypto.subtle is missing (pages served over plain http)', async () => {
		const bytes = await wat(PLUGIN_WAT);
		vi.stubGlobal('crypto', undefined);
		try {
			expect(ok(await inspectWasm(bytes)).sha256).toBe(await nodeSha256(bytes));
		} finally {
			vi.unstubAllGlobals();
		}
	});
});
