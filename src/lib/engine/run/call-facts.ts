// What a call leaves behind besides its output: the code the export returned, the plugin's memory
// and the vars its instance holds. The SDK hides the first (return-codes.ts finds it) and the
// last (var-store.ts keeps them); this file is what the page hears and how it says it.
import type { SetupVar } from '../setup/setup';
import { formatBytes } from '../util/format';

/** A var as the instance holds it. */
export type VarEntry = SetupVar;

/** A change to the instance's vars made by a person before a call: a null value deletes. */
export interface VarEdit {
	name: string;
	value: Uint8Array | null;
}

export interface CallFacts {
	/**
	 * The i32 the called export returned; null when it returns nothing or did not return (it
	 * trapped, or a host function threw).
	 */
	returnCode: number | null;
	/** The main module's own linear memory in 64 KiB pages; null when it exports none. */
	memoryPages: number | null;
	/** Every var the instance holds after the call, by name. */
	vars: VarEntry[];
}

/** What a run's summary line says about the call, ready to show. */
export interface FactsLine {
	/** "returned 0", or null when the export gave no code. */
	returned: string | null;
	/** Set when the code is not zero and the call did not fail: what other hosts make of it. */
	flag: string | null;
	/** "memory 17 pages (1.1 MB)", or null when the module exports no memory. */
	memory: string | null;
	/** "+2 pages" since the previous call (or the instantiation) on this instance, or null. */
	growth: string | null;
	/** "vars 3 (24 B)" */
	vars: string;
}

const PAGE = 64 * 1024;

export function nonZeroWarning(code: number): string {
	return `Non-zero return code ${code} without an error: the JavaScript SDK (used here) ignores it, but the Rust SDK fails the call ("Returned non-zero exit code") and extism call reports it only beside an error, so this plugin may fail in another host.`;
}

/**
 * `previousPages` is the memory after the instance's previous call or its instantiation (null
 * when unknown); `failed` says the call ended in an error, which already explains a code.
 */
export function factsLine(
	facts: CallFacts,
	previousPages: number | null,
	failed: boolean
): FactsLine {
	const code = facts.returnCode;
	const pages = facts.memoryPages;
	const grew = pages !== null && previousPages !== null ? pages - previousPages : 0;
	const bytes = facts.vars.reduce((n, v) => n + v.value.length, 0);
	return {
		returned: code === null ? null : `returned ${code}`,
		flag: code !== null && code !== 0 && !failed ? nonZeroWarning(code) : null,
		memory:
			pages === null
				? null
				: `memory ${pages} page${pages === 1 ? '' : 's'} (${formatBytes(pages * PAGE)})`,
		growth:
			grew === 0 ? null : `${grew > 0 ? '+' : ''}${grew} page${Math.abs(grew) === 1 ? '' : 's'}`,
		vars: `vars ${facts.vars.length} (${formatBytes(bytes)})`
	};
}
