// A failed run's backtrace as the console shows it: the worker's frames, folded where the runtime's
// run in a row, the text "Copy backtrace" puts on the clipboard, and for a plugin written here the
// place of each of its frames in the person's source, which a click goes to.
import { renderBacktrace, type Backtrace, type BacktraceFrame } from '$lib/engine/debug/backtrace';

/** A line and column (1-based) in the source written here. */
export interface SourcePlace {
	line: number;
	column: number;
}

/** Frames in a row that show together: the plugin's one by one, the runtime's folded. */
export interface FrameGroup {
	runtime: boolean;
	frames: { frame: BacktraceFrame; index: number; at?: SourcePlace }[];
}

/** Where frames lie in the source written here, and how to go there. */
export interface SourceLinks {
	/** The person's file, as the editor names it. */
	file: string;
	/** By frame index; absent for frames outside the person's file. */
	places: (SourcePlace | undefined)[];
	reveal(at: SourcePlace): void;
}

export class RunBacktrace {
	readonly trace: Backtrace;
	readonly groups: FrameGroup[];
	#links: SourceLinks | null;

	constructor(trace: Backtrace, links: SourceLinks | null = null) {
		this.#links = links;
		// A place in the person's file is where the frame is (the copied text says so too).
		const frames = trace.frames.map((frame, index) => {
			const at = links?.places[index];
			return at && !frame.source ? { ...frame, source: { file: links.file, ...at } } : frame;
		});
		this.trace = { ...trace, frames };
		const groups: FrameGroup[] = [];
		frames.forEach((frame, index) => {
			const at = links?.places[index];
			// A frame in the person's own source is theirs, whatever its name says.
			const runtime = frame.runtime && !at;
			const last = groups.at(-1);
			const entry = { frame, index, ...(at && { at }) };
			if (last && last.runtime && runtime) last.frames.push(entry);
			else groups.push({ runtime, frames: [entry] });
		});
		this.groups = groups;
	}

	/** Every frame, numbered, for an issue report. */
	get text(): string {
		return renderBacktrace(this.trace);
	}

	/** Puts the source editor's cursor on a frame's place. */
	reveal(at: SourcePlace) {
		this.#links?.reveal(at);
	}
}
