/**
 * Where a backtrace's frames lie in a plugin written here: AssemblyScript through the source map
 * its build wrote, WebAssembly text by each function's `(func`. Only places in the person's own
 * file count; frames elsewhere (the runtime, the PDK) get none.
 */
import { codeSectionStart } from '../wasm/sections';
import type { BacktraceFrame } from './backtrace';
import { WasmSourceMap } from './source-map';
import { watFunctionPlaces, type TextPlace } from './wat-funcs';

export interface BuiltSource {
	language: 'assemblyscript' | 'wat';
	/** The source the module was built from. */
	text: string;
	/** Its name in the build (the source map names it so). */
	file: string;
	/** The module the build wrote. */
	bytes: Uint8Array;
	/** AssemblyScript's source map (JSON). */
	sourceMap?: string;
}

const maps = new WeakMap<BuiltSource, WasmSourceMap | null>();

function mapOf(built: BuiltSource): WasmSourceMap | null {
	if (!maps.has(built)) {
		let map: WasmSourceMap | null = null;
		try {
			map = built.sourceMap ? WasmSourceMap.parse(built.sourceMap) : null;
		} catch {
			// A map we cannot read links nothing; the frames still show.
		}
		maps.set(built, map);
	}
	return maps.get(built)!;
}

/**
 * One place (or undefined) per frame. `ran` are the bytes the run used: a memory cap rewrites the
 * module and moves its code, so offsets are carried over by where each code section starts.
 */
export function framePlaces(
	frames: BacktraceFrame[],
	built: BuiltSource,
	ran: Uint8Array
): (TextPlace | undefined)[] {
	if (built.language === 'wat') {
		const funcs = watFunctionPlaces(built.text);
		return frames.map((f) => funcs[f.funcIndex]);
	}
	const map = mapOf(built);
	if (!map) return frames.map(() => undefined);
	const shift =
		ran === built.bytes ? 0 : (codeSectionStart(built.bytes) ?? 0) - (codeSectionStart(ran) ?? 0);
	const ownFile = (source: string) => source.replace(/^(?:\.\/)+/, '') === built.file;
	return frames.map((f) => {
		if (f.moduleOffset === undefined) return undefined;
		const at = map.lookup(f.moduleOffset + shift);
		return at && ownFile(at.source) ? { line: at.line, column: at.column } : undefined;
	});
}
