// The `xtp:test/harness` imports a test plugin calls, as `xtp plugin test --with` provides them.
// Plain functions over two small interfaces (the test plugin's call context and the plugin under
// test), so they are unit-tested with fakes; job.ts gives them the real SDK objects.
import { keepsInstance } from '../runner';
import { fromSdkError } from '../sdk-errors';
import type { XtpEvent } from './report';

export const HARNESS_MODULE = 'xtp:test/harness';

/** The slice of the SDK's CallContext the harness uses: the TEST plugin's Extism memory. */
export interface HarnessContext {
	read(addr: bigint): { bytes(): Uint8Array; string(): string } | null;
	store(data: string | Uint8Array): bigint;
}

/** An instance of the plugin under test. */
export interface Target {
	call(fn: string, input: Uint8Array): Promise<{ bytes(): Uint8Array } | null>;
	close(): Promise<void>;
}

export interface HarnessOptions {
	/** Makes a fresh instance of the plugin under test (same settings as a normal run). */
	start: () => Promise<Target>;
	/** What `mock_input` gives: the playground's current input. */
	input: Uint8Array;
	/** Older harness builds declare `assert(name, value)` without a reason. */
	assertArity: 2 | 3;
	emit: (ev: XtpEvent) => void;
	now?: () => number;
}

type HostFn = (ctx: HarnessContext, ...args: bigint[]) => unknown;

export function createHarness(opts: HarnessOptions) {
	const now = opts.now ?? (() => performance.now());
	let target: Promise<Target> | null = null;

	/** `group` and `reset` drop the instance; the next call starts a fresh one (vars cleared). */
	function drop() {
		const old = target;
		target = null;
		void old?.then((t) => t.close()).catch(() => {});
	}

	const text = (ctx: HarnessContext, addr: bigint) => ctx.read(addr)?.string() ?? '';

	/**
	 * Runs `fn` of the plugin under test; a failure is reported as an event and the test plugin
	 * gets empty output, so the test goes on (as a failed assertion would) instead of trapping.
	 */
	async function run(ctx: HarnessContext, nameAddr: bigint, inputAddr: bigint, timed: boolean) {
		const fn = text(ctx, nameAddr);
		const input = ctx.read(inputAddr)?.bytes().slice() ?? new Uint8Array();
		let started = now();
		try {
			target ??= opts.start();
			const t = await target;
			started = now();
			const out = await t.call(fn, input);
			const ms = now() - started;
			opts.emit({ type: 'call', fn, ms, timed });
			return { ms, output: out?.bytes() ?? new Uint8Array() };
		} catch (e) {
			const error = fromSdkError(e);
			opts.emit({ type: 'call', fn, ms: now() - started, timed, error });
			if (!keepsInstance(error)) drop();
			return { ms: 0, output: new Uint8Array() };
		}
	}

	// `call` and `time` must be real async functions: the SDK wraps exactly those (by their
	// constructor) in WebAssembly.Suspending, so the test plugin waits for the call under JSPI.
	const functions: Record<string, HostFn> = {
		call: async (ctx, name, input) => ctx.store((await run(ctx, name, input, false)).output),
		time: async (ctx, name, input) =>
			BigInt(Math.round((await run(ctx, name, input, true)).ms * 1e6)),
		assert: (ctx, name, value, reason) => {
			opts.emit({
				type: 'assert',
				name: text(ctx, name),
				pass: BigInt(value) !== 0n,
				reason: opts.assertArity === 3 ? text(ctx, reason) : ''
			});
		},
		group: (ctx, name) => {
			drop();
			opts.emit({ type: 'group', name: text(ctx, name) });
		},
		reset: () => drop(),
		mock_input: (ctx) => ctx.store(opts.input)
	};

	return {
		functions,
		/** Closes the last instance of the plugin under test. */
		async finish() {
			const t = target;
			target = null;
			await t?.then((x) => x.close()).catch(() => {});
		}
	};
}
