// Messages between the page and the build worker, in one place. Plain data only.
import type { Language } from '../setup/setup';
import type { Diagnostic } from './diagnostics';

export type BuildRequest =
	/**
	 * Load this language's compiler now, so the first build does not wait for it. Only that one:
	 * on two cores a second download competes with the first build.
	 */
	| { type: 'preload'; language: Language }
	| { type: 'build'; id: number; language: Language; text: string }
	/** Any module as WebAssembly text (View as WAT). */
	| { type: 'print'; id: number; bytes: Uint8Array };

export type BuildResult =
	| {
			ok: true;
			bytes: Uint8Array;
			diagnostics: Diagnostic[];
			ms: number;
			/** AssemblyScript's source map (JSON): module offsets to the person's lines. */
			sourceMap?: string;
	  }
	| {
			ok: false;
			diagnostics: Diagnostic[];
			ms: number;
			message: string;
			/** Stopped by the person: no diagnostics, nothing wrong with the source. */
			stopped?: boolean;
			/** A compiler did not load: the worker is replaced, so the next build fetches it anew. */
			reload?: boolean;
	  };

export type PrintResult =
	{ ok: true; text: string; truncated: boolean } | { ok: false; message: string };

export type BuildResponse =
	| { type: 'built'; id: number; result: BuildResult }
	| { type: 'printed'; id: number; result: PrintResult };
