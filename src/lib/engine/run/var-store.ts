// The instance's vars, kept by us rather than by the SDK: its CallContext can get, set and delete
// a var by name but cannot list them, and the Vars panel shows every one. Our var_get and var_set
// replace the SDK's kernel functions (the SDK lets `functions` override extism:host/env) and do
// what the SDK's do, with its limit and its words.
import type { VarEdit, VarEntry } from './call-facts';

/** The slice of the SDK's CallContext the kernel functions use. */
export interface VarContext {
	read(addr: bigint): { text(): string; bytes(): Uint8Array } | null;
	store(value: Uint8Array): bigint;
	setError(err: Error): void;
}

export interface VarStore {
	functions: {
		'extism:host/env': {
			var_get: (ctx: VarContext, key: bigint) => bigint;
			var_set: (ctx: VarContext, key: bigint, value: bigint) => void;
		};
	};
	/** Every var, copied, in the order they were first set. */
	list(): VarEntry[];
	/** A person's edits, in order; the words of each one refused (over the limit). */
	apply(edits: readonly VarEdit[]): string[];
}

export function createVarStore(
	maxBytes: number | undefined,
	logError: (message: string) => void
): VarStore {
	const vars = new Map<string, Uint8Array>();
	let size = 0;

	function set(name: string, value: Uint8Array) {
		const newSize = size + value.length - (vars.get(name)?.length ?? 0);
		if (newSize > (maxBytes || Infinity))
			throw new Error(`var memory limit exceeded: ${newSize} bytes requested, ${maxBytes} allowed`);
		size = newSize;
		vars.set(name, value);
	}

	function remove(name: string) {
		size -= vars.get(name)?.length ?? 0;
		vars.delete(name);
	}

	return {
		functions: {
			'extism:host/env': {
				// The SDK also frees the key's block here; the reference runtime (Rust) does not,
				// and the block goes with the call's others when the next call starts.
				var_get(ctx, key) {
					const name = ctx.read(key)?.text();
					const value = name === undefined ? undefined : vars.get(name);
					if (!value) return 0n;
					// A copy: the plugin may write into the block it gets.
					return ctx.store(value.slice());
				},
				var_set(ctx, key, value) {
					const name = ctx.read(key)?.text();
					if (name === undefined) {
						logError(
							`attempted to set variable using invalid key address (addr="${key.toString(16)}H")`
						);
						return;
					}
					if (value === 0n) return remove(name);
					const block = ctx.read(value);
					if (!block) {
						logError(
							`attempted to set variable to invalid address (key="${name}"; addr="${value.toString(16)}H")`
						);
						return;
					}
					try {
						// Blocks are dropped after each call; vars outlive them.
						set(name, block.bytes().slice());
					} catch (e) {
						const err = e as Error;
						logError(err.message);
						ctx.setError(err);
					}
				}
			}
		},
		list: () => [...vars].map(([name, value]) => ({ name, value: value.slice() })),
		apply(edits) {
			const refused: string[] = [];
			for (const e of edits) {
				if (e.value === null) remove(e.name);
				else
					try {
						set(e.name, e.value.slice());
					} catch (err) {
						refused.push(`Var "${e.name}" not set: ${(err as Error).message}.`);
					}
			}
			return refused;
		}
	};
}
