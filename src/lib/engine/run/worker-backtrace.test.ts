// A failed call's backtrace, made by the worker host with the real SDK under Node's V8: a Rust
// panic 15+ frames deep (Rust with -g, built by the test setup) and a host function that throws.
import { readFileSync } from 'node:fs';
import createPlugin from '@extism/extism';
import wabtInit from 'wabt';
import { describe, expect, it, vi } from 'vitest';
import { debugFixture, type DebugFixture } from '../testing/debug-fixtures';
import { DEFAULT_SETTINGS } from '../setup/settings';
import type { StubSpec } from '../stubs/host-stubs';
import type { FromWorker } from './protocol';
import type { Backtrace } from '../debug/backtrace';
import type { CreatePlugin } from './sdk-plugin';
import { BYTES_WAIT_MS, createWorkerHost } from './worker-host';
import { createBacktracer } from './worker-backtrace';

/**
 * A load and a failing call through the worker host. The page's side is played here: it answers
 * the host's need-bytes with the module's bytes, with none (`withBytes` false), or never
 * ('never': the host's wait runs out, on fake timers).
 */
async function failedCall(
	bytes: Uint8Array,
	stubs: StubSpec[] = [],
	withBytes: boolean | 'never' = true
) {
	const posted: FromWorker[] = [];
	const host = createWorkerHost(
		(m) => {
			posted.push(m);
			if (m.type !== 'need-bytes') return;
			if (withBytes === 'never') queueMicrotask(() => vi.advanceTimersByTime(BYTES_WAIT_MS));
			else setTimeout(() => host.takeBytes(withBytes ? bytes : null));
		},
		createPlugin as unknown as CreatePlugin,
		{ jspi: false }
	);
	const module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
	await host.handle({
		type: 'load',
		id: 1,
		module,
		settings: { ...DEFAULT_SETTINGS, wasi: true },
		stubs
	});
	expect(posted.map((m) => m.type)).toEqual(['loaded']);
	await host.handle({ type: 'call', id: 2, fn: 'count', input: new Uint8Array() });
	const failed = posted.find((m) => m.type === 'call-failed');
	if (failed?.type !== 'call-failed') throw new Error('the call did not fail');
	return failed;
}

/** The 1-based line of the first line holding `text` in a fixture's source (not our output). */
function sourceLine(file: string, text: string): number {
	const lines = readFileSync(file, 'utf8').split('\n');
	const i = lines.findIndex((l) => l.includes(text));
	expect(i).toBeGreaterThanOrEqual(0);
	return i + 1;
}

const own = (f: FromWorker & { type: 'call-failed' }) =>
	f.backtrace?.frames.filter((x) => !x.runtime).map((x) => x.name);

describe('the worker host backtrace of a failed call', () => {
	it('names a Rust panic three functions deep, demangled, with its .rs line, past 10 frames', async () => {
		const name: DebugFixture = 'panic-legacy';
		const failed = await failedCall(debugFixture(name));
		expect(failed.error.kind).toBe('trap');
		const frames = failed.backtrace!.frames;
		// V8 keeps 10 frames unless told otherwise; this panic is deeper than that.
		expect(frames.length).toBeGreaterThan(10);
		expect(own(failed)).toEqual([
			'panic::Ages<T>::years_until_100',
			'panic::check',
			'panic::run',
			'count'
		]);
		const panicking = frames.find((f) => f.name === 'panic::Ages<T>::years_until_100')!;
		expect(panicking.source?.file).toMatch(/panic\.rs$/);
		expect(panicking.source?.line).toBe(
			sourceLine('tests/fixtures/src/debug/panic.rs', '100 - age')
		);
		// Innermost first: the panic machinery sits above the plugin's frames.
		expect(frames[0].runtime).toBe(true);
		expect(failed.backtrace!.notes).toEqual([]);
	});

	/** The C fixture's frames by name, none with a source line: what a trace without bytes gives. */
	function namesWithoutLines(failed: { backtrace?: Backtrace }) {
		expect(failed.backtrace!.frames.map((f) => f.name)).toEqual([
			'abort',
			'check_positive',
			'scale',
			'count'
		]);
		expect(failed.backtrace!.frames.every((f) => f.source === undefined)).toBe(true);
	}

	it('gives names but no lines when the page sent no bytes', async () => {
		namesWithoutLines(await failedCall(debugFixture('c-dwarf5'), [], false));
	});

	it('gives names but no lines when the page never answers for the bytes', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		try {
			const failed = await failedCall(debugFixture('c-dwarf5'), [], 'never');
			expect(failed.error.kind).toBe('trap');
			namesWithoutLines(failed);
		} finally {
			vi.useRealTimers();
		}
	});

	it('gives a host function that throws the wasm frames below it, without JS frames', async () => {
		const wabt = await wabtInit();
		const wat = `(module
			(import "extism:host/user" "boom" (func $boom))
			(memory (export "memory") 1)
			(func $inner (call $boom))
			(func $outer (call $inner))
			(func $count (export "count") (result i32) (call $outer) (i32.const 0)))`;
		const m = wabt.parseWat('t.wat', wat);
		const bytes = new Uint8Array(m.toBinary({ write_debug_names: true }).buffer);
		m.destroy();
		const stub: StubSpec = {
			module: 'extism:host/user',
			name: 'boom',
			params: [],
			results: [],
			code: 'throw new Error("no such thing");'
		};
		const failed = await failedCall(bytes, [stub]);
		expect(failed.error.message).toContain('no such thing');
		expect(failed.backtrace!.frames.map((f) => f.name)).toEqual(['inner', 'outer', 'count']);
	});

	it('sends none when nothing wasm is on the stack (the plugin set an error itself)', async () => {
		const wabt = await wabtInit();
		const wat = `(module
			(import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
			(import "extism:host/env" "store_u8" (func $store (param i64 i32)))
			(import "extism:host/env" "error_set" (func $err (param i64)))
			(memory (export "memory") 1)
			(func (export "count") (result i32) (local $b i64)
				(local.set $b (call $alloc (i64.const 1)))
				(call $store (local.get $b) (i32.const 33))
				(call $err (local.get $b)) (i32.const 1)))`;
		const m = wabt.parseWat('t.wat', wat);
		const bytes = new Uint8Array(m.toBinary({ write_debug_names: true }).buffer);
		m.destroy();
		const failed = await failedCall(bytes);
		expect(failed.error.kind).toBe('plugin-error');
		expect(failed.backtrace).toBeUndefined();
	});

	it('asks the page for the bytes only when a failure has wasm frames', async () => {
		const posted: FromWorker[] = [];
		const host = createWorkerHost((m) => posted.push(m), createPlugin as unknown as CreatePlugin, {
			jspi: false
		});
		const wabt = await wabtInit();
		const m = wabt.parseWat('ok.wat', '(module (func (export "ok") (result i32) (i32.const 0)))');
		const bytes = new Uint8Array(m.toBinary({}).buffer);
		m.destroy();
		const module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
		await host.handle({ type: 'load', id: 1, module, settings: DEFAULT_SETTINGS });
		await host.handle({ type: 'call', id: 2, fn: 'ok', input: new Uint8Array() });
		expect(posted.map((m) => m.type)).toEqual(['loaded', 'result']);
	});

	it('still reports the failure when the bytes cannot be read, only without frames', async () => {
		const bytes = debugFixture('c-dwarf5');
		const backtraceOf = createBacktracer();
		const module = await WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>);
		const stack = 'RuntimeError: unreachable\n    at abort (wasm://wasm/1:wasm-function[3]:0x99)';
		expect(
			await backtraceOf(stack, { module, bytes: async () => new Uint8Array([1, 2, 3]) })
		).toBeUndefined();
		// The same module without bytes is read from its compiled form: the frame is there.
		expect((await backtraceOf(stack, { module }))?.frames).toHaveLength(1);
	});
});
