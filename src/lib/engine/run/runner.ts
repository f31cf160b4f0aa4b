// Page side of the plugin worker: one instance per worker, stop = terminate, latest job wins.
import { isCustom, type HostCall, type StubSpec } from '../stubs/host-stubs';
import type { HttpEvent } from '../http/recorder';
import type { FromWorker, LogLevel, StreamName, ToWorker, XtpTestPlugin } from './protocol';
import { runError, type RunError } from './run-error';
import { sameSettings, type PluginSettings } from '../setup/settings';
import { sameMocks, type Mock } from '../http/mocks/mock';
import type { XtpEvent, XtpTotals } from './xtp/report';

/** The part of Worker we use; a fake can stand in for it under unit tests. */
export interface WorkerLike {
	postMessage(msg: ToWorker, transfer?: Transferable[]): void;
	terminate(): void;
	onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
	onerror: ((ev: ErrorEvent) => void) | null;
}

export type RunEvent =
	| { type: 'log'; level: LogLevel; message: string }
	| { type: 'logs-dropped'; count: number }
	| { type: 'stream'; stream: StreamName; text: string }
	| { type: 'http'; event: HttpEvent }
	| { type: 'host-call'; call: HostCall }
	| { type: 'stub-error'; message: string }
	/** What a test plugin did (runTest only). */
	| { type: 'xtp'; event: XtpEvent };

/** What an instance is made from; a run with a different one needs a fresh instance. */
export interface InstanceSpec {
	module: WebAssembly.Module;
	settings: PluginSettings;
	stubs?: StubSpec[];
	linked?: { name: string; module: WebAssembly.Module }[];
	mocks?: Mock[];
}

export function sameInstance(a: InstanceSpec, b: InstanceSpec): boolean {
	const links = (s: InstanceSpec) => s.linked ?? [];
	return (
		a.module === b.module &&
		sameSettings(a.settings, b.settings) &&
		sameMocks(a.mocks ?? [], b.mocks ?? []) &&
		JSON.stringify(a.stubs ?? []) === JSON.stringify(b.stubs ?? []) &&
		links(a).length === links(b).length &&
		links(a).every((l, i) => l.name === links(b)[i].name && l.module === links(b)[i].module)
	);
}

export type CallOutcome =
	| {
			status: 'ok';
			/** The last call's output and time in ms. */
			output: Uint8Array | null;
			callMs: number;
			/** With repeat > 1: every call's time in ms, in order (its length is the call count). */
			times?: number[];
	  }
	| {
			status: 'error';
			phase: 'load' | 'call';
			error: RunError;
			callMs?: number;
			/** With repeat > 1: how many calls succeeded before the failing one, and their times. */
			succeeded?: number;
			times?: number[];
	  }
	| EndedOutcome;

/** A job the runner ended: terminated (`error` says why: kind 'stopped' or 'timeout'), or replaced. */
export type EndedOutcome =
	{ status: 'stopped' | 'timeout'; error: RunError } | { status: 'superseded' };

/** How a test plugin run ended; its assertions and calls came as 'xtp' events. */
export type XtpOutcome =
	| {
			status: 'done';
			ms: number;
			totals: XtpTotals;
			/** Events the worker counted but did not send. */
			dropped: number;
			/** The test plugin could not start ('load') or its `test` failed ('call'). */
			error?: { phase: 'load' | 'call'; error: RunError };
	  }
	/** The worker died. */
	| { status: 'error'; error: RunError }
	| EndedOutcome;

export interface RunReport {
	outcome: CallOutcome;
	/** Set when this run had to instantiate the plugin first. */
	instantiateMs?: number;
	/** Page-side time from sending the call to its answer. */
	roundTripMs?: number;
	/** True when the instance was discarded afterwards (vars are gone). */
	discarded: boolean;
}

interface Pending {
	id: number;
	settle(msg: FromWorker | { type: 'stopped' | 'timeout' | 'superseded' }): void;
	onEvent(ev: RunEvent): void;
}

interface Slot {
	worker: WorkerLike;
	ready: Promise<void>;
	/** The module and settings this worker's instance was made from; null until loaded. */
	loaded: InstanceSpec | null;
	/**
	 * Custom stub code ran here. It can change the worker's globals (patch fetch, say) for good,
	 * so the worker ends with its instance and is never reused.
	 */
	custom: boolean;
}

export class PluginRunner {
	#spawn: () => WorkerLike;
	#spare: Slot | null = null;
	#slot: Slot | null = null;
	#pending: Pending | null = null;
	#nextId = 1;
	#onChange: () => void;

	/**
	 * `onChange` hears every change of what `busy` and `hasInstanceFor` answer, so callers need
	 * no guesses about when to ask again.
	 */
	constructor(spawn: () => WorkerLike, onChange: () => void = () => {}) {
		this.#spawn = spawn;
		this.#onChange = onChange;
	}

	/** Start a worker ahead of need, so the SDK is already imported when a run comes. */
	warm(): void {
		this.#spare ??= this.#makeSlot();
	}

	#makeSlot(): Slot {
		const worker = this.#spawn();
		let markReady!: () => void;
		const slot: Slot = {
			worker,
			ready: new Promise((r) => (markReady = r)),
			loaded: null,
			custom: false
		};
		worker.onmessage = (ev) => {
			const msg = ev.data;
			if (msg.type === 'ready') return markReady();
			const p = this.#pending;
			if (!p || slot !== this.#slot || !('id' in msg) || msg.id !== p.id) return;
			if (msg.type === 'log') p.onEvent({ type: 'log', level: msg.level, message: msg.message });
			else if (msg.type === 'logs-dropped') p.onEvent({ type: 'logs-dropped', count: msg.count });
			else if (msg.type === 'stream')
				p.onEvent({ type: 'stream', stream: msg.stream, text: msg.text });
			else if (msg.type === 'http') p.onEvent({ type: 'http', event: msg.event });
			else if (msg.type === 'host-call') p.onEvent({ type: 'host-call', call: msg.call });
			else if (msg.type === 'stub-error') p.onEvent({ type: 'stub-error', message: msg.message });
			else if (msg.type === 'xtp-event') p.onEvent({ type: 'xtp', event: msg.event });
			else p.settle(msg);
		};
		worker.onerror = (ev) => {
			ev.preventDefault?.();
			const p = this.#pending;
			if (p && slot === this.#slot) {
				p.settle({
					type: 'call-failed',
					id: p.id,
					error: runError(
						{ kind: 'crashed' },
						ev.message || 'The plugin worker crashed.',
						'WorkerError'
					),
					ms: 0
				});
			}
		};
		return slot;
	}

	/** Send one job and wait for its answer, a stop, or the timeout (0 = none). */
	#job(
		slot: Slot,
		msg: ToWorker,
		timeoutMs: number,
		onEvent: (ev: RunEvent) => void,
		transfer: Transferable[] = []
	): Promise<FromWorker | { type: 'stopped' | 'timeout' | 'superseded' }> {
		return new Promise((resolve) => {
			let timer: ReturnType<typeof setTimeout> | undefined;
			const pending: Pending = {
				id: msg.id,
				onEvent,
				settle: (answer) => {
					if (this.#pending !== pending) return;
					this.#pending = null;
					clearTimeout(timer);
					resolve(answer);
					this.#onChange();
				}
			};
			this.#pending = pending;
			this.#onChange();
			if (timeoutMs > 0) timer = setTimeout(() => this.#kill(pending, 'timeout'), timeoutMs);
			slot.worker.postMessage(msg, transfer);
		});
	}

	/** Terminating is the only way to stop wasm; the instance (and its vars) goes with it. */
	#kill(pending: Pending, why: 'stopped' | 'timeout' | 'superseded') {
		if (this.#slot) this.#slot.worker.terminate();
		this.#slot = null;
		pending.settle({ type: why });
		this.warm();
	}

	get busy(): boolean {
		return this.#pending !== null;
	}

	/** Stop whatever runs now. */
	stop(): boolean {
		if (!this.#pending) return false;
		this.#kill(this.#pending, 'stopped');
		return true;
	}

	/**
	 * Drop the instance; the next run makes a fresh one. An idle worker stays and takes the next
	 * instance (making one there is quicker than starting a worker); a busy one is terminated.
	 */
	reset(): void {
		if (this.#pending) this.#kill(this.#pending, 'superseded');
		if (this.#slot?.custom) this.#discard();
		if (this.#slot) this.#slot.loaded = null;
		this.#onChange();
	}

	/** After a trap or a failed start, nothing of that worker is trusted again. */
	#discard(): void {
		this.#slot?.worker.terminate();
		this.#slot = null;
		this.warm();
		this.#onChange();
	}

	dispose(): void {
		this.reset();
		this.#slot?.worker.terminate();
		this.#slot = null;
		this.#spare?.worker.terminate();
		this.#spare = null;
	}

	/** Whether a run with these inputs would reuse the live instance (vars persist). */
	hasInstanceFor(spec: InstanceSpec): boolean {
		const l = this.#slot?.loaded;
		return !!l && sameInstance(l, spec);
	}

	/**
	 * The worker a fresh instance of `spec` goes to, once ready; null when a newer job took it
	 * meanwhile. Its old instance is forgotten.
	 */
	async #claim(spec: InstanceSpec): Promise<Slot | null> {
		if (this.#slot?.custom) this.#discard();
		if (!this.#slot) {
			this.warm();
			this.#slot = this.#spare;
			this.#spare = null;
		}
		const slot = this.#slot!;
		slot.loaded = null;
		slot.custom ||= (spec.stubs ?? []).some(isCustom);
		await slot.ready;
		return this.#slot === slot ? slot : null;
	}

	/**
	 * Runs an XTP test plugin against fresh instances of `opts` in the worker (see xtp/job.ts);
	 * Stop and the timeout end it like any run. The worker keeps no instance afterwards.
	 */
	async runTest(
		opts: InstanceSpec & {
			test: XtpTestPlugin;
			input: Uint8Array;
			timeoutMs: number;
			onEvent: (ev: RunEvent) => void;
		}
	): Promise<XtpOutcome> {
		if (this.#pending) this.#kill(this.#pending, 'superseded');
		const slot = await this.#claim(opts);
		if (!slot) return { status: 'superseded' };
		const input = opts.input.slice();
		const { module, settings, stubs, linked, mocks } = opts;
		const msg: ToWorker = {
			type: 'xtp',
			id: this.#nextId++,
			target: { module, settings, stubs, linked, mocks },
			test: opts.test,
			input
		};
		const ans = await this.#job(slot, msg, opts.timeoutMs, opts.onEvent, [input.buffer]);
		switch (ans.type) {
			case 'xtp-done': {
				const { ms, totals, dropped, error } = ans;
				return { status: 'done', ms, totals, dropped, ...(error ? { error } : {}) };
			}
			case 'stopped':
			case 'timeout':
			case 'superseded':
				return ended(ans.type, opts.timeoutMs);
			case 'call-failed':
				this.#discard();
				return { status: 'error', error: ans.error };
			default:
				return { status: 'superseded' };
		}
	}

	async run(
		opts: InstanceSpec & {
			fn: string;
			input: Uint8Array;
			/** Calls in a row on the same instance, in one job (like `extism call --loop N`); default 1. */
			repeat?: number;
			timeoutMs: number;
			onEvent: (ev: RunEvent) => void;
		}
	): Promise<RunReport> {
		const report: RunReport = { outcome: { status: 'superseded' }, discarded: false };
		// The latest run wins: an unfinished one cannot be interrupted any other way.
		if (this.#pending) this.#kill(this.#pending, 'superseded');
		if (!this.hasInstanceFor(opts)) {
			const slot = await this.#claim(opts);
			if (!slot) return report;
			const id = this.#nextId++;
			const ans = await this.#job(
				slot,
				{
					type: 'load',
					id,
					module: opts.module,
					settings: opts.settings,
					stubs: opts.stubs,
					linked: opts.linked,
					mocks: opts.mocks
				},
				opts.timeoutMs,
				opts.onEvent
			);
			if (ans.type === 'load-failed') {
				this.#discard();
				report.outcome = { status: 'error', phase: 'load', error: ans.error };
				return report;
			}
			if (ans.type === 'stopped' || ans.type === 'timeout' || ans.type === 'superseded') {
				report.outcome = ended(ans.type, opts.timeoutMs);
				return report;
			}
			if (ans.type !== 'loaded') return report;
			slot.loaded = {
				module: opts.module,
				settings: opts.settings,
				stubs: opts.stubs,
				linked: opts.linked,
				mocks: opts.mocks
			};
			report.instantiateMs = ans.ms;
			this.warm();
			this.#onChange();
		}
		const slot = this.#slot!;
		const id = this.#nextId++;
		const sent = performance.now();
		const input = opts.input.slice();
		const repeat = Number.isFinite(opts.repeat) ? Math.max(1, Math.floor(opts.repeat!)) : 1;
		const ans = await this.#job(
			slot,
			{ type: 'call', id, fn: opts.fn, input, ...(repeat > 1 ? { repeat } : {}) },
			opts.timeoutMs,
			opts.onEvent,
			[input.buffer]
		);
		report.roundTripMs = performance.now() - sent;
		switch (ans.type) {
			case 'result':
				report.outcome = { status: 'ok', output: ans.output, callMs: ans.ms };
				if (repeat > 1 && ans.times) report.outcome.times = ans.times;
				return report;
			case 'call-failed':
				report.outcome = { status: 'error', phase: 'call', error: ans.error, callMs: ans.ms };
				// Absent when the worker crashed: then nobody knows how many calls got through.
				if (repeat > 1 && ans.times) {
					report.outcome.times = ans.times;
					report.outcome.succeeded = ans.times.length;
				}
				if (!keepsInstance(ans.error)) {
					this.#discard();
					report.discarded = true;
				}
				return report;
			case 'stopped':
			case 'timeout':
			case 'superseded':
				report.outcome = ended(ans.type, opts.timeoutMs);
				report.discarded = true;
				return report;
			default:
				return report;
		}
	}
}

/** A run the runner ended itself: the kind is set here, where it happens. */
function ended(why: 'stopped' | 'timeout' | 'superseded', timeoutMs: number): EndedOutcome {
	if (why === 'superseded') return { status: why };
	const error =
		why === 'timeout'
			? runError({ kind: 'timeout', ms: timeoutMs }, `Timed out after ${timeoutMs} ms.`)
			: runError({ kind: 'stopped' }, 'Stopped.');
	return { status: why, error };
}

/**
 * Whether the instance may take the next call after this failure. A trap can leave it
 * half-updated; the plugin's own error_set, the var limit (the SDK refuses the write) or a call
 * the SDK refused before running anything cannot. Every kind is listed, so a new one needs a
 * decision.
 */
export function keepsInstance(e: RunError): boolean {
	switch (e.kind) {
		case 'plugin-error':
		case 'var-limit':
		case 'no-function':
		case 'not-a-function':
			return true;
		case 'refused':
		case 'cors':
		case 'network':
		case 'redirect':
		case 'redirect-withheld':
		case 'too-large':
		case 'memory-block':
		case 'out-of-memory':
		case 'trap':
		case 'wasi-off':
		case 'missing-import':
		case 'compile':
		case 'crashed':
		case 'no-instance':
		case 'timeout':
		case 'stopped':
		case 'unknown':
			return false;
	}
}
