/**
 * A wasm source map (what AssemblyScript writes with `--sourceMap`): each mapping's generated
 * column is a byte offset from the start of the module, the one the engines print in stack traces.
 * Decoded on first lookup (only a trap needs it) and kept.
 */

export interface MappedPlace {
	/** As the map names it, without its source root. */
	source: string;
	/** 1-based, like an editor's. */
	line: number;
	column: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** The Base64 VLQ numbers of one segment. Throws on a character outside Base64. */
function vlqs(segment: string): number[] {
	const out: number[] = [];
	let value = 0;
	let shift = 0;
	for (const c of segment) {
		const digit = DIGIT.get(c);
		if (digit === undefined) throw new Error(`"${c}" is not a Base64 VLQ digit`);
		value += (digit & 31) * 2 ** shift;
		if (digit & 32) {
			shift += 5;
			continue;
		}
		out.push(value & 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
		value = 0;
		shift = 0;
	}
	return out;
}

interface Mapping {
	offset: number;
	source: number;
	line: number;
	column: number;
}

export class WasmSourceMap {
	readonly sources: string[];
	#mappings: string;
	#decoded?: Mapping[];

	private constructor(sources: string[], mappings: string) {
		this.sources = sources;
		this.#mappings = mappings;
	}

	/** From the map's JSON; throws when it is not a source map. */
	static parse(json: string): WasmSourceMap {
		const map = JSON.parse(json) as { sources?: unknown; mappings?: unknown };
		if (!Array.isArray(map.sources) || typeof map.mappings !== 'string')
			throw new Error('not a source map: it lacks sources or mappings');
		return new WasmSourceMap(map.sources.map(String), map.mappings);
	}

	#decode(): Mapping[] {
		if (this.#decoded) return this.#decoded;
		const out: Mapping[] = [];
		// Every field is a delta from the previous segment's; a wasm map has a single "line".
		let offset = 0;
		let source = 0;
		let line = 0;
		let column = 0;
		for (const segment of this.#mappings.replace(/;/g, ',').split(',')) {
			if (!segment) continue;
			const v = vlqs(segment);
			offset += v[0];
			if (v.length < 4) continue;
			source += v[1];
			line += v[2];
			column += v[3];
			out.push({ offset, source, line, column });
		}
		out.sort((a, b) => a.offset - b.offset);
		this.#decoded = out;
		return out;
	}

	/** The place of the last mapping at or before a module offset, or undefined before the first. */
	lookup(moduleOffset: number): MappedPlace | undefined {
		const all = this.#decode();
		let lo = 0;
		let hi = all.length - 1;
		let found: Mapping | undefined;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			if (all[mid].offset <= moduleOffset) {
				found = all[mid];
				lo = mid + 1;
			} else hi = mid - 1;
		}
		if (!found) return undefined;
		return {
			source: this.sources[found.source] ?? '',
			line: found.line + 1,
			column: found.column + 1
		};
	}
}
