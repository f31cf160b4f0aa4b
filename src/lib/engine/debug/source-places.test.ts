// Source links for plugins written here: AssemblyScript through the source map its build writes
// (the trap taken under Node's V8), WebAssembly text by function, numbered as wabt numbers them.
import { describe, expect, it } from 'vitest';
import wabtInit from 'wabt';
import { buildAs } from '../author/asc';
import { AS_FILE, WAT_FILE } from '../author/file-names';
import { capMemory } from '../wasm/memory-limit';
import { buildBacktrace } from './backtrace';
import { DebugModule } from './debug-module';
import { framePlaces, type BuiltSource } from './source-places';
import { WasmSourceMap } from './source-map';
import { watFunctionPlaces } from './wat-funcs';

const asc = await import('assemblyscript/asc');

/** 1-based line and column of the first occurrence of `text` in `source`. */
function placeOf(source: string, text: string): { line: number; column: number } {
	const at = source.indexOf(text);
	expect(at).toBeGreaterThanOrEqual(0);
	const before = source.slice(0, at);
	return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

async function trapStack(bytes: Uint8Array): Promise<string> {
	const module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
	const stub = new Proxy({}, { get: () => () => 0n });
	const imports = Object.fromEntries(
		WebAssembly.Module.imports(module).map((i) => [i.module, stub])
	);
	const instance = await WebAssembly.instantiate(module, imports);
	try {
		(instance.exports.count as () => number)();
	} catch (e) {
		return (e as Error).stack ?? '';
	}
	throw new Error('count returned instead of trapping');
}

const AS_SOURCE = `function inner(n: i32): i32 {
  if (n > 2) unreachable();
  return n;
}
function middle(n: i32): i32 {
  return inner(n) + 1;
}
export function count(): i32 {
  return middle(3);
}
`;

describe('AssemblyScript source links', () => {
	it('lead each frame of the person’s file to its line, through the build’s source map', async () => {
		const r = await buildAs(asc, AS_SOURCE);
		if (!r.ok) throw new Error(r.message);
		expect(r.sourceMap).toBeDefined();
		const built: BuiltSource = {
			language: 'assemblyscript',
			text: AS_SOURCE,
			file: AS_FILE,
			bytes: r.bytes,
			sourceMap: r.sourceMap
		};
		const trace = buildBacktrace(await trapStack(r.bytes), new DebugModule(r.bytes));
		expect(trace.frames.map((f) => f.name)).toEqual([
			'plugin/inner',
			'plugin/middle',
			'plugin/count'
		]);
		const places = framePlaces(trace.frames, built, r.bytes);
		expect(places.map((p) => p?.line)).toEqual([
			placeOf(AS_SOURCE, 'unreachable()').line,
			placeOf(AS_SOURCE, 'inner(n) + 1').line,
			placeOf(AS_SOURCE, 'middle(3)').line
		]);

		// Under a memory cap the module is rewritten and its code moves: the links stay put.
		const capped = capMemory(r.bytes, 4);
		if (!capped.ok || !capped.changed) throw new Error('the cap changed nothing');
		const cappedTrace = buildBacktrace(
			await trapStack(capped.bytes),
			new DebugModule(capped.bytes)
		);
		expect(cappedTrace.frames[0].moduleOffset).not.toBe(trace.frames[0].moduleOffset);
		expect(framePlaces(cappedTrace.frames, built, capped.bytes)).toEqual(places);
	});

	it('give nothing without a map, or with one that cannot be read', () => {
		const frames = [{ funcIndex: 0, moduleOffset: 10, location: '', runtime: false }];
		const base: BuiltSource = {
			language: 'assemblyscript',
			text: '',
			file: AS_FILE,
			bytes: new Uint8Array()
		};
		expect(framePlaces(frames, base, base.bytes)).toEqual([undefined]);
		const bad = { ...base, sourceMap: '{"mappings": 3}' };
		expect(framePlaces(frames, bad, bad.bytes)).toEqual([undefined]);
	});
});

describe('WasmSourceMap', () => {
	it('decodes Base64 VLQ deltas, negative ones too, and finds the mapping at or before an offset', () => {
		// Segments: offset 16 → source 0 line 1 col 1; offset +8 → line 1+2, col 1-1; C = 1, D = -1,
		// E = 2, gB = 16 (the spec's examples).
		const map = WasmSourceMap.parse(
			JSON.stringify({ version: 3, sources: ['a.ts'], names: [], mappings: 'gBAAA,QAEA,CAAD' })
		);
		expect(map.lookup(15)).toBeUndefined();
		expect(map.lookup(16)).toEqual({ source: 'a.ts', line: 1, column: 1 });
		expect(map.lookup(23)).toEqual({ source: 'a.ts', line: 1, column: 1 });
		expect(map.lookup(24)).toEqual({ source: 'a.ts', line: 3, column: 1 });
		expect(map.lookup(25)).toEqual({ source: 'a.ts', line: 3, column: 0 });
	});
	it('refuses JSON that is not a source map', () => {
		expect(() => WasmSourceMap.parse('{"version":3}')).toThrow(/not a source map/);
	});
});

describe('WAT function places', () => {
	const WAT = `(module
  ;; (func $not_a_function) in a comment
  (import "extism:host/env" "input_length" (func $len (result i64)))
  (func $inline (import "extism:host/user" "inline") (param i32))
  (memory (export "memory") 1)
  (; (func $nor_this) ;)
  (data (i32.const 0) "(func $not_code")
  (func $first (result i32) (i32.const 1))
  (func (export "second") (result i32) (call $first))
  (func $third (export "count") (result i32)
    (call $first)))`;

	it('number the functions as wabt does: imports first, skipping comments and strings', async () => {
		const wabt = await wabtInit();
		const m = wabt.parseWat(WAT_FILE, WAT);
		m.resolveNames();
		const bytes = new Uint8Array(m.toBinary({ write_debug_names: true }).buffer);
		m.destroy();
		// wabt's numbering, as its name section records it: index → name.
		const names = new DebugModule(bytes).functionNames();
		expect([...names]).toEqual([
			[0, 'len'],
			[1, 'inline'],
			[2, 'first'],
			[4, 'third']
		]);
		const places = watFunctionPlaces(WAT);
		expect(places).toHaveLength(5);
		const lines = WAT.split('\n');
		const at = (i: number) => lines[places[i].line - 1].slice(places[i].column - 1);
		expect(at(0)).toMatch(/^\(import "extism:host\/env" "input_length" \(func \$len /);
		for (const i of [1, 2, 4]) expect(at(i)).toMatch(new RegExp(`^\\(func \\$${names.get(i)} `));
		expect(at(3)).toMatch(/^\(func \(export "second"\)/);
	});

	it('work without an explicit (module', () => {
		expect(watFunctionPlaces('(func $a)\n(func $b)')).toEqual([
			{ line: 1, column: 1 },
			{ line: 2, column: 1 }
		]);
	});
});
