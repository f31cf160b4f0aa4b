// The backtrace of a failed call, made in the plugin worker (off the page's thread) from the bytes
// the SDK compiled: only when a failure carries wasm frames, and that module's names, bodies and
// DWARF are read once however many failures need them. The reading code is fetched on the first
// such failure: most visits never have one, and the worker's script is part of the initial JS.
import type { Backtrace } from '../debug/backtrace';
import type { DebugModule } from '../debug/debug-module';

/**
 * Frames an error keeps in this worker. V8 keeps 10 by default, and a Rust panic is 15 or more
 * deep (the panicking function below the cut); the SDK's and our JS frames above a host function
 * take their share too. Firefox ignores the setting and keeps enough.
 */
export const STACK_TRACE_LIMIT = 200;

/** The module a call ran, and a way to get the bytes it was compiled from, when there is one. */
export interface DebugTarget {
	module: WebAssembly.Module;
	bytes?: () => Promise<Uint8Array | null>;
}

/** A backtracer: the backtrace of a stack, or undefined when the stack has no wasm frames. */
export function createBacktracer(): (
	stack: string | undefined,
	target: DebugTarget
) => Promise<Backtrace | undefined> {
	const modules = new WeakMap<WebAssembly.Module, DebugModule>();
	return async (stack, target) => {
		if (!stack?.includes('wasm-function[')) return undefined;
		let debug = modules.get(target.module);
		try {
			const [{ buildBacktrace }, { DebugModule }] = await Promise.all([
				import('../debug/backtrace'),
				import('../debug/debug-module')
			]);
			if (!debug) {
				// Without the bytes: names and custom sections only, no bodies and so no DWARF lines.
				const bytes = (await target.bytes?.()) ?? null;
				debug = bytes ? new DebugModule(bytes) : DebugModule.fromCompiled(target.module);
				modules.set(target.module, debug);
			}
			const trace = buildBacktrace(stack, debug);
			return trace.frames.length ? trace : undefined;
		} catch (e) {
			// The failure is reported all the same, only without its frames.
			if (e instanceof Error) return undefined;
			throw e;
		}
	};
}
