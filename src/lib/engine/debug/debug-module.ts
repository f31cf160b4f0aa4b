/**
 * What a backtrace needs from a module, read lazily: function names (name section), where each
 * function body lies (code section) and source lines (DWARF `.debug_line`). Finding the sections
 * reads only their headers; each part is decoded on first use and kept, so a module is parsed once
 * and a module nobody debugs costs nothing.
 */
import { Malformed, Reader } from '../wasm/reader';
import { listSections, type SectionSpan } from '../wasm/sections';
import { readLineTables, type LineTables, type SourceLine } from './line-table';

const IMPORT = 2;
const CODE = 10;
const FUNCTION_NAMES = 1;
const EXTERNAL_FUNCTION = 0;

export interface FunctionBody {
	/** Function index (imports come first, so the first body is function `imported`). */
	index: number;
	/** Module offsets of the body (after its size): locals, then instructions, up to `end`. */
	start: number;
	end: number;
}

export class DebugModule {
	private readonly sections: SectionSpan[];
	private readonly customs = new Map<string, Uint8Array | undefined>();
	private names?: Map<number, string>;
	private bodies?: FunctionBody[];
	private lines?: LineTables | null;

	/** From the module's bytes: exactly those that were compiled (after any rewrite such as capMemory). */
	constructor(
		private readonly bytes: Uint8Array,
		private readonly compiled?: { module: WebAssembly.Module; codeStart?: number }
	) {
		this.sections = compiled ? [] : listSections(bytes);
	}

	/**
	 * From a compiled module alone (a worker that holds no bytes): names and DWARF come from
	 * `WebAssembly.Module.customSections`; `codeStart` (`listSections` on the page, headers only)
	 * turns offsets into DWARF addresses. Without the code section's bytes there are no function
	 * bodies: frames show `wasm-function[N]@0xMODULE_OFFSET` and engines without offsets get no lines.
	 */
	static fromCompiled(module: WebAssembly.Module, codeStart?: number): DebugModule {
		return new DebugModule(new Uint8Array(), { module, codeStart });
	}

	/** The contents of a custom section (after its name), or undefined when the module has none. */
	customSection(name: string): Uint8Array | undefined {
		if (this.customs.has(name)) return this.customs.get(name);
		let contents: Uint8Array | undefined;
		if (this.compiled) {
			const [buffer] = WebAssembly.Module.customSections(this.compiled.module, name);
			contents = buffer && new Uint8Array(buffer);
		} else {
			const s = this.sections.find((s) => s.id === 0 && s.name === name);
			contents = s && this.bytes.subarray(s.start, s.end);
		}
		this.customs.set(name, contents);
		return contents;
	}

	/** Module offset where the code section's contents start: DWARF addresses count from here. */
	get codeStart(): number | undefined {
		if (this.compiled) return this.compiled.codeStart;
		return this.sections.find((s) => s.id === CODE)?.start;
	}

	/** Whether the module carries DWARF line tables. */
	get hasLineInfo(): boolean {
		return this.customSection('.debug_line') !== undefined;
	}

	/** Whether the name section names at least one function. */
	get hasNames(): boolean {
		return this.functionNames().size > 0;
	}

	/** Function names from the name section's function-names subsection (empty when absent). */
	functionNames(): Map<number, string> {
		if (this.names) return this.names;
		const names = new Map<number, string>();
		const section = this.customSection('name');
		if (section) {
			const r = new Reader(section, 0, section.length);
			try {
				while (!r.atEnd) {
					const id = r.byte();
					const size = r.u32();
					const end = r.pos + size;
					if (id === FUNCTION_NAMES) {
						const sub = new Reader(section, r.pos, Math.min(end, section.length));
						for (let n = sub.u32(); n > 0; n--) names.set(sub.u32(), sub.name());
					}
					r.pos = end;
				}
			} catch (e) {
				// A damaged name section still names the functions before the damage; engines ignore it too.
				if (!(e instanceof Error)) throw e;
			}
		}
		this.names = names;
		return names;
	}

	functionName(index: number): string | undefined {
		return this.functionNames().get(index);
	}

	/** Each defined function's body, in index order. */
	functionBodies(): FunctionBody[] {
		if (this.bodies) return this.bodies;
		const bodies: FunctionBody[] = [];
		const code = this.sections.find((s) => s.id === CODE);
		if (code) {
			let index = this.importedFunctions();
			const r = new Reader(this.bytes, code.start, code.end);
			for (let n = r.u32(); n > 0; n--) {
				const size = r.u32();
				bodies.push({ index: index++, start: r.pos, end: r.pos + size });
				r.skip(size);
			}
		}
		this.bodies = bodies;
		return bodies;
	}

	private importedFunctions(): number {
		const imports = this.sections.find((s) => s.id === IMPORT);
		if (!imports) return 0;
		const r = new Reader(this.bytes, imports.start, imports.end);
		let functions = 0;
		for (let n = r.u32(); n > 0; n--) {
			r.name();
			r.name();
			const kind = r.byte();
			if (kind === EXTERNAL_FUNCTION) {
				functions++;
				r.u32();
			} else skipImportDesc(r, kind);
		}
		return functions;
	}

	/** The body of function `index`, or undefined for an import or an index out of range. */
	body(index: number): FunctionBody | undefined {
		const bodies = this.functionBodies();
		const first = bodies[0]?.index ?? 0;
		return bodies[index - first];
	}

	/** The body that holds a module offset. */
	bodyAt(moduleOffset: number): FunctionBody | undefined {
		const bodies = this.functionBodies();
		let lo = 0;
		let hi = bodies.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const b = bodies[mid];
			if (moduleOffset < b.start) hi = mid - 1;
			else if (moduleOffset >= b.end) lo = mid + 1;
			else return b;
		}
		return undefined;
	}

	private lineTables(): LineTables | null {
		if (this.lines !== undefined) return this.lines;
		const line = this.customSection('.debug_line');
		this.lines = line
			? readLineTables(line, {
					str: this.customSection('.debug_str'),
					lineStr: this.customSection('.debug_line_str')
				})
			: null;
		return this.lines;
	}

	/** The source line of a module offset, from `.debug_line`, or undefined where none covers it. */
	sourceLine(moduleOffset: number): SourceLine | undefined {
		const start = this.codeStart;
		const tables = this.lineTables();
		if (start === undefined || !tables || moduleOffset < start) return undefined;
		return tables.lookup(moduleOffset - start);
	}

	/**
	 * Where function `index` starts in the source (its first line-table row): what engines that
	 * give no offsets still allow.
	 */
	functionStartLine(index: number): SourceLine | undefined {
		const body = this.body(index);
		const start = this.codeStart;
		const tables = this.lineTables();
		if (!body || start === undefined || !tables) return undefined;
		return tables.firstIn(body.start - start, body.end - start);
	}
}

/** Skips a table, memory, global or tag import's description. */
function skipImportDesc(r: Reader, kind: number): void {
	if (kind === 1) {
		r.byte();
		limits(r);
	} else if (kind === 2) limits(r);
	else if (kind === 3) {
		r.byte();
		r.byte();
	} else if (kind === 4) {
		r.byte();
		r.u32();
	} else
		throw new Malformed(`import kind ${kind} at byte ${r.pos} is not one this reader knows`, r.pos);
}

function limits(r: Reader): void {
	const flags = r.byte();
	const bits = flags & 0x04 ? 64 : 32;
	r.unsigned(bits);
	if (flags & 0x01) r.unsigned(bits);
}

const cache = new WeakMap<Uint8Array, DebugModule>();

/** One DebugModule per module's bytes: later traps in the same module reuse what was parsed. */
export function debugModuleFor(bytes: Uint8Array): DebugModule {
	let m = cache.get(bytes);
	if (!m) {
		m = new DebugModule(bytes);
		cache.set(bytes, m);
	}
	return m;
}
