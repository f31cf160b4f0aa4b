// The i32 an export returns, which the SDK drops (ForegroundPlugin.callBlock calls the export and
// ignores its result). The SDK reads the export from the instance it made with
// WebAssembly.instantiate on every call; while our worker creates a plugin, that instantiate
// hands the SDK a copy of the main instance's exports that we may change. Before a function's
// first call its entry becomes a trampoline: a tiny wasm module that calls the real export and
// keeps the result in a global. A wasm-to-wasm call costs next to nothing, and the trampoline is
// itself a wasm export, so WebAssembly.promising (JSPI) still accepts it and can suspend through it.

import { TRAMPOLINE_FRAME_NAME } from '../debug/stack';

/**
 * (module (import "p" "f" (func $f (result i32)))
 *   (global $rc (export "rc") (mut i32) (i32.const 0))
 *   (global $done (export "done") (mut i32) (i32.const 0))
 *   (func (export "f") (result i32) (global.set $rc (call $f)) (global.set $done (i32.const 1))
 *     (global.get $rc)))
 */
const TRAMPOLINE_CODE = [
	0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
	// type: () → i32
	0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
	// import "p" "f" func type 0
	0x02, 0x07, 0x01, 0x01, 0x70, 0x01, 0x66, 0x00, 0x00,
	// one function of type 0
	0x03, 0x02, 0x01, 0x00,
	// two mutable i32 globals, 0
	0x06, 0x0b, 0x02, 0x7f, 0x01, 0x41, 0x00, 0x0b, 0x7f, 0x01, 0x41, 0x00, 0x0b,
	// exports: "f" func 1, "rc" global 0, "done" global 1
	0x07, 0x11, 0x03, 0x01, 0x66, 0x00, 0x01, 0x02, 0x72, 0x63, 0x03, 0x00, 0x04, 0x64, 0x6f, 0x6e,
	0x65, 0x03, 0x01,
	// code: call 0, global.set 0, i32.const 1, global.set 1, global.get 0
	0x0a, 0x0e, 0x01, 0x0c, 0x00, 0x10, 0x00, 0x24, 0x00, 0x41, 0x01, 0x24, 0x01, 0x23, 0x00, 0x0b
];
/**
 * A name section naming the trampoline's function: a trap's stack then shows it by a name the
 * backtrace drops, not as a bare function index read against the plugin's own names.
 */
const NAME = new TextEncoder().encode(TRAMPOLINE_FRAME_NAME);
const TRAMPOLINE = new Uint8Array([
	...TRAMPOLINE_CODE,
	// custom section "name", function names subsection: function 1 is TRAMPOLINE_FRAME_NAME
	...[0x00, NAME.length + 10, 0x04, 0x6e, 0x61, 0x6d, 0x65],
	...[0x01, NAME.length + 3, 0x01, 0x01, NAME.length, ...NAME]
]);

let trampolineModule: WebAssembly.Module | null = null;

interface Trampoline {
	f: () => number;
	rc: WebAssembly.Global;
	done: WebAssembly.Global;
}

/** Makes a trampoline for `target`, or null when it is not a () → i32 function. */
export function trampolineFor(target: unknown): Trampoline | null {
	if (typeof target !== 'function') return null;
	trampolineModule ??= new WebAssembly.Module(TRAMPOLINE);
	try {
		const { exports } = new WebAssembly.Instance(trampolineModule, { p: { f: target } });
		return exports as unknown as Trampoline;
	} catch (e) {
		// An export of another type (no result, parameters) fails to link: it gives no code.
		if (e instanceof WebAssembly.LinkError) return null;
		throw e;
	}
}

/** The main instance of one plugin, seen from outside the SDK. */
export class InstanceProbe {
	#instance: WebAssembly.Instance | null = null;
	/** What the SDK holds as the instance's exports: ours to change. */
	#exports: Record<string, unknown> = {};
	#trampolines = new Map<string, Trampoline | null>();
	#current: Trampoline | null = null;

	/** Called with the real instance; returns what the SDK gets instead. */
	attach(instance: WebAssembly.Instance): { exports: Record<string, unknown> } {
		this.#instance = instance;
		this.#exports = { ...instance.exports };
		return { exports: this.#exports };
	}

	/** Before the calls of `fn`: routes them through a trampoline (made once per function). */
	prepare(fn: string) {
		if (!this.#instance) return (this.#current = null);
		if (!this.#trampolines.has(fn)) {
			let t: Trampoline | null = null;
			try {
				t = trampolineFor(this.#instance.exports[fn]);
			} catch {
				// No code is better than no call: the call goes to the export as it is.
			}
			this.#trampolines.set(fn, t);
			if (t) this.#exports[fn] = t.f;
		}
		this.#current = this.#trampolines.get(fn) ?? null;
	}

	/** Before each call: forget the last code, so a call that never returns gives none. */
	begin() {
		if (this.#current) this.#current.done.value = 0;
	}

	/** The code the last call of the prepared function returned, or null. */
	returnCode(): number | null {
		const t = this.#current;
		return t && t.done.value === 1 ? (t.rc.value as number) : null;
	}

	/** The main module's own memory in 64 KiB pages, or null when it exports none. */
	memoryPages(): number | null {
		const memory = this.#instance?.exports.memory;
		return memory instanceof WebAssembly.Memory ? memory.buffer.byteLength / 65536 : null;
	}
}

type Instantiate = (module: WebAssembly.Module, imports?: WebAssembly.Imports) => Promise<unknown>;

/**
 * Runs `create` (which makes a plugin of `main` through the SDK) with WebAssembly.instantiate
 * watched, and returns its result with a probe of `main`'s instance. Only the main module's
 * instance is swapped; linked modules are left as they are.
 */
export async function probeInstance<T>(
	main: WebAssembly.Module,
	create: () => Promise<T>
): Promise<{ value: T; probe: InstanceProbe }> {
	const probe = new InstanceProbe();
	const wasm = WebAssembly as unknown as { instantiate: Instantiate };
	const real = wasm.instantiate;
	wasm.instantiate = async (module, imports) => {
		const made = await real.call(WebAssembly, module, imports);
		return module === main && made instanceof WebAssembly.Instance ? probe.attach(made) : made;
	};
	try {
		return { value: await create(), probe };
	} finally {
		wasm.instantiate = real;
	}
}
