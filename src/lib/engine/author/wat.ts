// WebAssembly text → module bytes, through wabt.
import { fromWabt, type Diagnostic } from './diagnostics';
import { WAT_FILE } from './files';
import type { BuildResult } from './protocol';
import { watTooDeep } from './wat-depth';

export type Wabt = Awaited<ReturnType<typeof import('wabt')>>;

/** A trap inside wabt (its stack overflowed): its memory is broken for every later parse. */
export class WabtCrash extends Error {}

export function buildWat(wabt: Wabt, text: string): BuildResult {
	const start = performance.now();
	const failed = (
		message: string,
		diagnostics: Diagnostic[] = [{ severity: 'error', message }]
	): BuildResult => ({
		ok: false,
		diagnostics,
		ms: performance.now() - start,
		message
	});
	const deep = watTooDeep(text);
	if (deep) return failed(deep);
	let module: ReturnType<Wabt['parseWat']> | undefined;
	try {
		module = wabt.parseWat(WAT_FILE, text, { multi_value: true, bulk_memory: true });
		module.resolveNames();
		module.validate();
		const { buffer } = module.toBinary({ write_debug_names: true });
		return {
			ok: true,
			bytes: new Uint8Array(buffer),
			diagnostics: [],
			ms: performance.now() - start
		};
	} catch (e) {
		if (e instanceof WebAssembly.RuntimeError) throw new WabtCrash(e.message);
		const diagnostics = fromWabt(e instanceof Error ? e.message : String(e), WAT_FILE);
		return failed('The WebAssembly text has errors.', diagnostics);
	} finally {
		try {
			module?.destroy();
		} catch {
			// A crashed wabt cannot free anything; it is dropped whole.
		}
	}
}

/** One wabt instance at a time, made anew after one crashes, so a crash costs one build only. */
export class WabtSlot {
	#load: () => Promise<Wabt>;
	#wabt: Promise<Wabt> | undefined;

	constructor(load: () => Promise<Wabt>) {
		this.#load = load;
	}

	get(): Promise<Wabt> {
		return (this.#wabt ??= this.#load());
	}

	/** Runs `use` on the instance; after a crash, drops it and says so in words. */
	async use<T>(use: (wabt: Wabt) => T, crashed: (message: string) => T): Promise<T> {
		const wabt = await this.get();
		try {
			return use(wabt);
		} catch (e) {
			if (!(e instanceof WabtCrash || e instanceof WebAssembly.RuntimeError)) throw e;
			this.#wabt = undefined;
			return crashed(
				`The WebAssembly text parser crashed (${e.message}) and was restarted: the next build starts afresh.`
			);
		}
	}
}
