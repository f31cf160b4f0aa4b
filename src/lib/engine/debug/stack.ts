/**
 * The wasm frames of an `Error.stack`, in the formats of the three engines we run in:
 *   V8       `    at NAME (wasm://wasm/<hash>:wasm-function[N]:0xOFFSET)` or, unnamed,
 *            `    at wasm://wasm/<hash>:wasm-function[N]:0xOFFSET`
 *   Firefox  `NAME@URL line 3 > WebAssembly.compile:wasm-function[N]:0xOFFSET`
 *   WebKit   `NAME@<?>:wasm-function[N]` (no offset)
 * JavaScript frames (the SDK's, our worker's) carry no `wasm-function[…]` and are dropped.
 */

export interface WasmFrame {
	/** Index in the module's function index space (imports first). */
	funcIndex: number;
	/** Byte offset from the start of the module; absent where the engine gives none (WebKit). */
	moduleOffset?: number;
	/** The name the engine printed (from the module's name section), when it printed one. */
	name?: string;
}

export interface ParsedStack {
	/** Innermost first, as the engine lists them. */
	frames: WasmFrame[];
	/** False when some wasm frame came without an offset (WebKit): lines are then approximate. */
	offsets: boolean;
}

/** The name of our own wasm frame between the SDK and an export (run/return-codes.ts). */
export const TRAMPOLINE_FRAME_NAME = 'extism_playground_return_code';

const LOCATION = /:wasm-function\[(\d+)\](?::0x([0-9a-fA-F]+))?$/;
const V8_NAMED = /^\s*at (.*) \((.*)\)$/;
const V8_BARE = /^\s*at (.*)$/;
/** Firefox and WebKit: `NAME@LOCATION`; a name may be empty. URLs may hold "@", names rarely do. */
const AT_SIGN = /^([^@]*)@(.*)$/;
/** What engines print for a function the name section does not name. */
const UNNAMED = /^(?:wasm-function\[\d+\]|\$func\d+|<\?>)$/;

function frameOf(location: string, name: string | undefined): WasmFrame | null {
	const m = LOCATION.exec(location);
	if (!m) return null;
	const frame: WasmFrame = { funcIndex: Number(m[1]) };
	if (m[2] !== undefined) frame.moduleOffset = parseInt(m[2], 16);
	const trimmed = name?.trim();
	if (trimmed && !UNNAMED.test(trimmed)) frame.name = trimmed;
	return frame;
}

function parseLine(line: string): WasmFrame | null {
	if (!line.includes('wasm-function[')) return null;
	const trimmed = line.trimEnd();
	const named = V8_NAMED.exec(trimmed);
	if (named)
		return frameOf(named[2], named[1]) ?? frameOf(trimmed.replace(/^\s*at /, ''), undefined);
	const bare = V8_BARE.exec(trimmed);
	if (bare) return frameOf(bare[1], undefined);
	const at = AT_SIGN.exec(trimmed);
	if (at) return frameOf(at[2], at[1]);
	return null;
}

/** The wasm frames of a stack trace, innermost first; an empty list when it has none. */
export function parseWasmStack(stack: string | undefined): ParsedStack {
	const frames: WasmFrame[] = [];
	for (const line of (stack ?? '').split('\n')) {
		const frame = parseLine(line);
		if (frame && frame.name !== TRAMPOLINE_FRAME_NAME) frames.push(frame);
	}
	return { frames, offsets: frames.every((f) => f.moduleOffset !== undefined) };
}
