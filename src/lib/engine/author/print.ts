// Any module as WebAssembly text, through wabt: for reading what a plugin is, not for editing.
import type { PrintResult } from './protocol';
import type { Wabt } from './wat';

/** Modules past this are not printed: the text would be tens of MB and freeze the page. */
export const MAX_PRINT_BYTES = 4 * 1024 * 1024;
/** The text shown is cut here, with a note. */
export const MAX_PRINT_CHARS = 1024 * 1024;

const FEATURES = {
	exceptions: true,
	mutable_globals: true,
	sat_float_to_int: true,
	sign_extension: true,
	simd: true,
	threads: true,
	multi_value: true,
	tail_call: true,
	bulk_memory: true,
	reference_types: true,
	extended_const: true
};

export function printWat(wabt: Wabt, bytes: Uint8Array): PrintResult {
	if (bytes.length > MAX_PRINT_BYTES)
		return {
			ok: false,
			message: `This module is ${(bytes.length / 1024 / 1024).toFixed(1)} MiB; modules over ${MAX_PRINT_BYTES / 1024 / 1024} MiB are not shown as text here.`
		};
	let module: ReturnType<Wabt['readWasm']> | undefined;
	try {
		module = wabt.readWasm(bytes, { readDebugNames: true, ...FEATURES });
		module.generateNames();
		module.applyNames();
		const text = module.toText({ foldExprs: false, inlineExport: false });
		const truncated = text.length > MAX_PRINT_CHARS;
		return { ok: true, text: truncated ? text.slice(0, MAX_PRINT_CHARS) : text, truncated };
	} catch (e) {
		return {
			ok: false,
			message: `This module could not be shown as text: ${e instanceof Error ? e.message : String(e)}`
		};
	} finally {
		module?.destroy();
	}
}
