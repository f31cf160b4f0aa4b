// The console's content: one record per run, filled as events arrive.
import { explainError, explainNote, type Explained } from '$lib/engine/run/errors';
import { describeOutput, type OutputView } from '$lib/engine/output/output';
import { renderOutput, type RenderAs } from '$lib/engine/output/render-doc';
import type { LogLevel, StreamName } from '$lib/engine/run/protocol';
import type { RunEvent, RunReport } from '$lib/engine/run/outcomes';
import { summarize, type TimeSummary } from '$lib/engine/run/stats';
import type { RunBacktrace } from './run-backtrace';
import type { FactsLine } from '$lib/engine/run/call-facts';

/** Caps keep a chatty plugin from growing the page without bound. */
const MAX_LOGS = 200;
const MAX_STREAM_CHARS = 256 * 1024;

/**
 * A run shows (its line in the console, Run off, Stop on, "Running…") only once it has taken
 * this long, or when it ends. Most runs answer sooner, and showing a run in progress for a few
 * milliseconds would make the page lay itself out and paint once more on the way to the output.
 */
export const RUN_QUIET_MS = 100;

export type RunStatus = 'running' | 'ok' | 'error' | 'stopped' | 'timeout' | 'superseded';

/** What the console needs to say why a run logged nothing. */
export interface LogContext {
	level: LogLevel;
	/** The plugin imports none of extism:host/env's log functions, so it can never log. */
	importsNoLog: boolean;
}

export interface Timing {
	label: string;
	ms: number;
}

export class RunRecord {
	readonly id: number;
	readonly fn: string;
	readonly inputBytes: number;
	readonly logContext: LogContext | null;
	status = $state<RunStatus>('running');
	/** False for the first RUN_QUIET_MS of a run that has not ended: the console skips it. */
	shown = $state(false);
	logs = $state<{ level: LogLevel; message: string }[]>([]);
	droppedLogs = $state(0);
	streams = $state<Record<StreamName, string>>({ stdout: '', stderr: '' });
	output = $state.raw<OutputView | null>(null);
	/** The whole output, kept for download; never rendered. */
	outputBytes = $state.raw<Uint8Array | null>(null);
	error = $state.raw<Explained | null>(null);
	notes = $state<string[]>([]);
	timings = $state<Timing[]>([]);
	/** Where in the wasm a failed run failed, when the engine said (set by RunController). */
	backtrace = $state.raw<RunBacktrace | null>(null);
	/** Per-call statistics of a repeat run. */
	stats = $state.raw<TimeSummary | null>(null);
	/** Set when the browser could not decode an output that looked like an image. */
	imageBroken = $state(false);
	/** The output as a sandboxed document, once the person asked for it to be rendered. */
	rendered = $state.raw<{ as: RenderAs; doc: string } | null>(null);
	renderError = $state('');
	/** The call's return code, memory and vars (RunFacts.svelte). */
	facts = $state.raw<FactsLine | null>(null);
	/** HTTP trouble seen during the run, explained when it ends. */
	#tooLarge: { url: string; bytes: number } | null = null;

	/** The whole output as UTF-8 text ('' when there is none), for comparing with expectations. */
	readonly outputText: string = $derived(
		this.outputBytes ? new TextDecoder().decode(this.outputBytes) : ''
	);

	constructor(id: number, fn: string, inputBytes: number, logContext: LogContext | null = null) {
		this.id = id;
		this.fn = fn;
		this.inputBytes = inputBytes;
		this.logContext = logContext;
	}

	/** The <img> could not decode the output: it is shown as hex from now on. */
	markImageBroken() {
		this.imageBroken = true;
	}

	/** Renders the output as HTML, Markdown or SVG (only ever on request, and only into a sandbox). */
	async render(as: RenderAs) {
		if (!this.outputBytes) return;
		const r = await renderOutput(this.outputBytes, as, `SVG image output of ${this.fn}`);
		this.renderError = r.ok ? '' : r.message;
		this.rendered = r.ok ? { as, doc: r.doc } : null;
	}

	push(ev: RunEvent) {
		if (ev.type === 'http') {
			if (ev.event.state === 'too-large')
				this.#tooLarge = { url: ev.event.url, bytes: ev.event.bytes ?? 0 };
		} else if (ev.type === 'logs-dropped') {
			this.droppedLogs += ev.count;
		} else if (ev.type === 'log') {
			if (this.logs.length < MAX_LOGS) this.logs.push({ level: ev.level, message: ev.message });
			else this.droppedLogs++;
		} else if (ev.type === 'stream') {
			const cur = this.streams[ev.stream];
			if (cur.length < MAX_STREAM_CHARS) this.streams[ev.stream] = cur + ev.text + '\n';
		} else if (ev.type === 'stub-error') {
			this.notes.push(ev.message);
		}
	}

	finish(
		report: RunReport,
		// timeoutMs is no longer read here: a timeout's error carries its own length.
		ctx: { timeoutMs: number; pageOrigin: string; httpLimit?: number; maxPages?: number }
	) {
		const o = report.outcome;
		this.shown = true;
		this.status = o.status;
		if (report.instantiateMs !== undefined)
			this.timings.push({ label: 'instantiate', ms: report.instantiateMs });
		if (o.status === 'ok') {
			this.outputBytes = o.output;
			this.output = describeOutput(o.output);
			this.timings.push({ label: o.times ? 'last call' : 'call', ms: o.callMs });
			if (o.times) this.stats = summarize(o.times);
		} else if (o.status === 'error') {
			if (o.times?.length) {
				this.stats = summarize(o.times);
				this.notes.push(`${o.succeeded} calls succeeded before this one failed.`);
			}
			this.error = explainError(o.error, o.phase, ctx);
			if (o.callMs !== undefined) this.timings.push({ label: 'call', ms: o.callMs });
		} else if (o.status === 'stopped' || o.status === 'timeout') {
			this.notes.push(explainNote(o.error));
		} else {
			this.notes.push('Replaced by a newer run.');
		}
		if (this.#tooLarge) {
			const { url } = this.#tooLarge;
			this.notes.push(explainNote({ kind: 'too-large', url, limit: ctx.httpLimit }));
		}
		if (report.roundTripMs !== undefined)
			this.timings.push({ label: 'round trip', ms: report.roundTripMs });
		if (o.status === 'error' && report.discarded)
			this.notes.push(
				'The plugin instance was discarded: the next run starts a fresh one (vars are cleared).'
			);
	}
}

export type LogEntry =
	| {
			id: number;
			type: 'message';
			level: 'info' | 'warn' | 'error';
			text: string;
			/** A place in the source being written that the line is about (a diagnostic's). */
			at?: SourcePlace;
			/** One thing the person can do about the line (New's Undo), once. */
			action?: LineAction;
	  }
	| { id: number; type: 'run'; run: RunRecord };

export interface LineAction {
	label: string;
	run(): void | Promise<void>;
}

export interface SourcePlace {
	line: number;
	column: number;
}

/** The console's timeline: messages outside any run (load results, warnings) and runs. */
export class RunLog {
	entries = $state<LogEntry[]>([]);
	#next = 1;

	#add(entry: LogEntry) {
		this.entries.push(entry);
		if (this.entries.length > 50) this.entries.shift();
	}

	begin(fn: string, inputBytes: number, logContext: LogContext | null = null): RunRecord {
		const run = new RunRecord(this.#next, fn, inputBytes, logContext);
		this.#add({ id: this.#next++, type: 'run', run });
		setTimeout(() => (run.shown = true), RUN_QUIET_MS);
		return run;
	}

	/** The most recent run shown in the console, finished or not. */
	readonly latestRun: RunRecord | null = $derived.by(() => {
		for (let i = this.entries.length - 1; i >= 0; i--) {
			const e = this.entries[i];
			if (e.type === 'run' && e.run.shown) return e.run;
		}
		return null;
	});

	say(level: 'info' | 'warn' | 'error', text: string, at?: SourcePlace) {
		this.#add({ id: this.#next++, type: 'message', level, text, ...(at ? { at } : {}) });
	}

	/** A line with an action; a newer offer of the same action withdraws the older ones. */
	offer(text: string, action: LineAction) {
		this.withdraw(action.label);
		this.#add({ id: this.#next++, type: 'message', level: 'info', text, action });
	}

	/** Lines offering this action offer it no more (it would no longer do what it says). */
	withdraw(label: string) {
		for (const e of this.entries)
			if (e.type === 'message' && e.action?.label === label) delete e.action;
	}

	/** Does a line's action, which goes from the line as it starts: it cannot be done twice. */
	async act(id: number) {
		const e = this.entries.find((x) => x.id === id);
		if (e?.type !== 'message' || !e.action) return;
		const { run } = e.action;
		delete e.action;
		await run();
	}

	clear() {
		this.entries = [];
	}
}
