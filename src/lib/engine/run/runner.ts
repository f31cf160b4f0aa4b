// run/ — running a plugin: the page side (runner, plugin-workers, outcomes, worker-factory), the
// worker side (plugin.worker, worker-host, sdk-plugin), the messages between them (protocol), a
// failure as data and its words (run-error, sdk-errors, errors), a failure's backtrace
// (worker-backtrace) and repeat-run stats; XTP test plugins in xtp/. May import http/, stubs/,
// setup/, wasm/, debug/, util/. (http/ uses run-error.ts: the
// failure kinds are this folder's.)
//
// Page side of the plugin worker: the jobs a page sends (load and call, a test plugin run) and
// what their answers mean. The workers themselves, and stopping them, are plugin-workers.ts.
import type { InstanceParts, ToWorker, XtpTestPlugin } from './protocol';
import { ended, type RunEvent, type RunReport, type XtpOutcome } from './outcomes';
import { PluginWorkers } from './plugin-workers';
import { keepsInstance } from './run-error';
import { sameSettings } from '../setup/settings';
import { sameMocks } from '../http/mocks/mock';

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
		const msg: ToWorker = {
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
			timeoutMs: number;
			onEvent: (ev: RunEvent) => void;
		}
	): Promise<RunReport> {
		const report: RunReport = { outcome: { status: 'superseded' }, discarded: false };
		this.supersede();
		if (!this.hasInstanceFor(opts)) {
			const slot = await this.claim(opts);
			if (!slot) return report;
			const ans = await this.job(
				{
					type: 'load',
					id: this.nextId(),
					module: opts.module,
					settings: opts.settings,
					stubs: opts.stubs,
					linked: opts.linked,
					mocks: opts.mocks,
					bytes: opts.bytes
				},
				opts.timeoutMs,
				opts.onEvent
			);
			if (ans.type === 'load-failed') {
				this.discard();
				report.outcome = { status: 'error', phase: 'load', error: ans.error };
				if (ans.backtrace) report.outcome.backtrace = ans.backtrace;
				return report;
			}
			if (ans.type === 'stopped' || ans.type === 'timeout' || ans.type === 'superseded') {
				report.outcome = ended(ans.type, opts.timeoutMs);
				return report;
			}
			if (ans.type !== 'loaded') return report;
			slot.state.loaded = {
				module: opts.module,
				settings: opts.settings,
				stubs: opts.stubs,
				linked: opts.linked,
				mocks: opts.mocks
			};
			report.instantiateMs = ans.ms;
			this.warm();
			this.onChange();
		}
		const id = this.nextId();
		const sent = performance.now();
		const input = opts.input.slice();
		const repeat = Number.isFinite(opts.repeat) ? Math.max(1, Math.floor(opts.repeat!)) : 1;
		const ans = await this.job(
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
