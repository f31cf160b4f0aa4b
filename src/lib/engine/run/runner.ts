// run/ — running a plugin: the page side (runner, plugin-workers, outcomes, worker-factory), the
// worker side (plugin.worker, worker-host, sdk-plugin), the messages between them (protocol), a
// failure as data and its words (run-error, sdk-errors, errors), a failure's backtrace
// (worker-backtrace) and repeat-run stats; XTP test plugins in xtp/. May import http/, stubs/,
// setup/, wasm/, debug/, util/. (http/ uses run-error.ts: the
// failure kinds are this folder's.)
//
// Page side of the plugin worker: the jobs a page sends (load and call, a test plugin run) and
// what their answers mean. The workers themselves, and stopping them, are plugin-workers.ts.
import type { FromWorker, InstanceParts, JobMessage, XtpTestPlugin } from './protocol';
import { ended, type RunEvent, type RunReport, type XtpOutcome } from './outcomes';
import { PluginWorkers, type Ended, type Slot } from './plugin-workers';
import { keepsInstance } from './run-error';
import { sameSettings } from '../setup/settings';
import { sameMocks } from '../http/mocks/mock';
import type { VarEdit } from './call-facts';

/** What an instance is made from; a run with a different one needs a fresh instance. */
export type InstanceSpec = InstanceParts;

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

export class PluginRunner extends PluginWorkers {
	/** Whether a run with these inputs would reuse the live instance (vars persist). */
	hasInstanceFor(spec: InstanceSpec): boolean {
		const l = this.slot?.state.loaded;
		return !!l && sameInstance(l, spec);
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
		this.supersede();
		if (!(await this.claim(opts))) return { status: 'superseded' };
		const input = opts.input.slice();
		const { module, settings, stubs, linked, mocks } = opts;
		const msg: JobMessage = {
			type: 'xtp',
			id: this.nextId(),
			target: { module, settings, stubs, linked, mocks },
			test: opts.test,
			input
		};
		const ans = await this.job(msg, opts.timeoutMs, opts.onEvent, [input.buffer]);
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
				this.discard();
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
			/**
			 * Vars: `seed` is given to a fresh instance before its first call; `edits` are made
			 * before this run's call, whichever instance it is.
			 */
			vars?: { seed: VarEdit[]; edits: VarEdit[] };
			timeoutMs: number;
			onEvent: (ev: RunEvent) => void;
			/** The main module's bytes as compiled, asked for only when a failure needs them. */
			bytes?: () => Uint8Array | null;
		}
	): Promise<RunReport> {
		const report: RunReport = { outcome: { status: 'superseded' }, discarded: false };
		this.supersede();
		let loading: { slot: Slot; answer: Promise<FromWorker | Ended> } | null = null;
		if (!this.hasInstanceFor(opts)) {
			const claimed = this.claim(opts);
			const slot = claimed instanceof Promise ? await claimed : claimed;
			if (!slot) return report;
			const answer = this.job(
				{
					type: 'load',
					id: this.nextId(),
					module: opts.module,
					settings: opts.settings,
					stubs: opts.stubs,
					linked: opts.linked,
					mocks: opts.mocks,
					...(opts.vars?.seed.length ? { vars: opts.vars.seed } : {})
				},
				opts.timeoutMs,
				opts.onEvent,
				[],
				opts.bytes
			);
			loading = { slot, answer };
		}
		// The call goes out right behind the load: the worker takes jobs in order, so the fresh
		// instance is called without a round trip through the page, whose thread is then busy
		// showing the plugin that was just loaded. A failed load ends the worker, and the call
		// with it.
		const id = this.nextId();
		const input = opts.input.slice();
		const repeat = Number.isFinite(opts.repeat) ? Math.max(1, Math.floor(opts.repeat!)) : 1;
		let sent = performance.now();
		const calling = this.job(
			{
				type: 'call',
				id,
				fn: opts.fn,
				input,
				...(repeat > 1 ? { repeat } : {}),
				...(opts.vars?.edits.length ? { vars: opts.vars.edits } : {})
			},
			opts.timeoutMs,
			opts.onEvent,
			[input.buffer],
			opts.bytes
		);
		if (loading) {
			const ans = await loading.answer;
			if (ans.type === 'load-failed') {
				this.discard();
				report.outcome = { status: 'error', phase: 'load', error: ans.error };
				if (ans.backtrace) report.outcome.backtrace = ans.backtrace;
				return report;
			}
			// Anything else but 'loaded' (a stop, the timeout, a crash, a newer run) ended the
			// worker, and the call answers the same below.
			if (ans.type === 'loaded') {
				loading.slot.state.loaded = {
					module: opts.module,
					settings: opts.settings,
					stubs: opts.stubs,
					linked: opts.linked,
					mocks: opts.mocks
				};
				report.instantiateMs = ans.ms;
				if (ans.memoryPages !== undefined) report.loadedPages = ans.memoryPages;
				// The call's own round trip starts when the instance is there. The call's answer
				// tells onChange (a change now would redraw the page between the two answers).
				sent = performance.now();
			}
		}
		const ans = await calling;
		report.roundTripMs = performance.now() - sent;
		if ((ans.type === 'result' || ans.type === 'call-failed') && ans.facts)
			report.facts = ans.facts;
		// A spare worker for the run after a stop: started once this run is over, because starting
		// one (a thread, the SDK's import) competes for the cores with the run on a small machine.
		if (loading) this.warmSoon();
		switch (ans.type) {
			case 'result':
				report.outcome = { status: 'ok', output: ans.output, callMs: ans.ms };
				if (repeat > 1 && ans.times) report.outcome.times = ans.times;
				return report;
			case 'call-failed':
				report.outcome = { status: 'error', phase: 'call', error: ans.error, callMs: ans.ms };
				if (ans.backtrace) report.outcome.backtrace = ans.backtrace;
				// Absent when the worker crashed: then nobody knows how many calls got through.
				if (repeat > 1 && ans.times) {
					report.outcome.times = ans.times;
					report.outcome.succeeded = ans.times.length;
				}
				if (!keepsInstance(ans.error)) {
					this.discard();
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
