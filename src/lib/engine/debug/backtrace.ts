/**
 * A trap's backtrace as people read it: the engine's wasm frames innermost first, each with its
 * demangled function name and, where DWARF covers it, file:line:column; else
 * `wasm-function[N]+0xOFFSET` (the offset counted from the start of the function's body). Frames of
 * the runtime are marked so a view can fold them.
 */
import { isRuntimeFrame } from './classify';
import { DebugModule, debugModuleFor } from './debug-module';
import { demangle } from './demangle';
import type { SourceLine } from './line-table';
import { parseWasmStack } from './stack';

export interface BacktraceFrame {
	funcIndex: number;
	/** Offset from the start of the module, as the engine gave it. */
	moduleOffset?: number;
	/** Offset from the start of the function's body (where its locals are declared). */
	functionOffset?: number;
	/** The name as the module (or the engine) has it: mangled for Rust. */
	rawName?: string;
	/** The name as people read it: Rust demangled, others as they are. */
	name?: string;
	/**
	 * Where in the source, from `.debug_line`. `functionStart` means the engine gave no offset and
	 * this is only the line where the function begins.
	 */
	source?: SourceLine & { functionStart?: boolean };
	/** `wasm-function[N]+0xOFFSET`: where the frame is, for frames without a source line. */
	location: string;
	/** True for the runtime's frames (panic machinery, abort, allocator, std, libc internals). */
	runtime: boolean;
}

export interface Backtrace {
	/** Innermost first; empty when the error carried no wasm frames. */
	frames: BacktraceFrame[];
	/** Sentences to show once above the frames (no offsets from this engine, no names in the module). */
	notes: string[];
}

export const NO_NAMES_NOTE =
	'This module has no function names, so its frames show only function numbers. To keep them: in Rust set `debug = true` or `strip = false` in the Cargo profile; in TinyGo build without `-no-debug`; with wasm-opt pass `-g`.';
export const NO_OFFSETS_NOTE =
	'This browser gives no code offsets in wasm stack traces: frames show their functions only, with the line where each function starts where the module has line information.';

const hex = (n: number) => `0x${n.toString(16)}`;

function frameOf(
	module: DebugModule | null,
	frame: { funcIndex: number; moduleOffset?: number; name?: string }
): BacktraceFrame {
	const { funcIndex, moduleOffset } = frame;
	const rawName = module?.functionName(funcIndex) ?? frame.name;
	const body = module?.body(funcIndex);
	const functionOffset =
		body && moduleOffset !== undefined && moduleOffset >= body.start && moduleOffset < body.end
			? moduleOffset - body.start
			: undefined;
	let source: BacktraceFrame['source'];
	if (module && moduleOffset !== undefined) {
		const line = module.sourceLine(moduleOffset);
		if (line && line.line > 0) source = line;
	} else if (module) {
		const start = module.functionStartLine(funcIndex);
		if (start) source = { ...start, column: 0, functionStart: true };
	}
	const location =
		functionOffset !== undefined
			? `wasm-function[${funcIndex}]+${hex(functionOffset)}`
			: moduleOffset !== undefined
				? `wasm-function[${funcIndex}]@${hex(moduleOffset)}`
				: `wasm-function[${funcIndex}]`;
	const name = rawName === undefined ? undefined : demangle(rawName);
	return {
		funcIndex,
		...(moduleOffset !== undefined && { moduleOffset }),
		...(functionOffset !== undefined && { functionOffset }),
		...(rawName !== undefined && { rawName, name }),
		...(source && { source }),
		location,
		runtime: isRuntimeFrame(name, source?.file)
	};
}

function safely<T>(read: () => T): T | null {
	try {
		return read();
	} catch (e) {
		// Bytes that compiled but that this reader does not follow still get the engine's frames.
		if (e instanceof Error) return null;
		throw e;
	}
}

/**
 * The backtrace of an error thrown by a wasm call. `module` is the module's bytes (parsed once per
 * module, on the first trap that needs it) or a DebugModule already made.
 */
export function buildBacktrace(
	stack: string | undefined,
	module: Uint8Array | DebugModule
): Backtrace {
	const parsed = parseWasmStack(stack);
	const debug = safely(() => (module instanceof DebugModule ? module : debugModuleFor(module)));
	const frames = parsed.frames.map((f) => safely(() => frameOf(debug, f)) ?? frameOf(null, f));
	const notes: string[] = [];
	if (frames.length && !parsed.offsets) notes.push(NO_OFFSETS_NOTE);
	if (frames.length && frames.every((f) => f.rawName === undefined)) notes.push(NO_NAMES_NOTE);
	return { frames, notes };
}

/** `file:line:column`, or the function's start line, or `wasm-function[N]+0xOFFSET`. */
export function frameWhere(frame: BacktraceFrame): string {
	const s = frame.source;
	if (!s) return frame.location;
	if (s.functionStart) return `${s.file}:${s.line} (function start)`;
	return s.column ? `${s.file}:${s.line}:${s.column}` : `${s.file}:${s.line}`;
}

/**
 * Plain text for "Copy backtrace" (an issue report): every frame, numbered innermost first, its
 * name and where it is. With `fold`, runs of runtime frames become one line with their count.
 */
export function renderBacktrace(trace: Backtrace, { fold = false } = {}): string {
	const lines = ['wasm backtrace (innermost first):'];
	const width = String(Math.max(trace.frames.length - 1, 0)).length;
	let folded = 0;
	const flush = () => {
		if (folded)
			lines.push(`${' '.repeat(width + 4)}… ${folded} runtime frame${folded === 1 ? '' : 's'}`);
		folded = 0;
	};
	trace.frames.forEach((f, i) => {
		if (fold && f.runtime) {
			folded++;
			return;
		}
		flush();
		lines.push(`  ${String(i).padStart(width)}: ${f.name ?? `wasm-function[${f.funcIndex}]`}`);
		lines.push(`${' '.repeat(width + 6)}at ${frameWhere(f)}`);
	});
	flush();
	for (const note of trace.notes) lines.push(`note: ${note}`);
	return lines.join('\n');
}
