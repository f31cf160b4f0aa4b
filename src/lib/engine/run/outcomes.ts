// What the page hears of a job: its events while it runs, and how it ends (a run's report, a test
// plugin run's outcome, or a job the runner ended itself: stopped, timed out, replaced).
import type { Backtrace } from '../debug/backtrace';
import { runError, type RunError } from './run-error';
import type { FromWorker } from './protocol';
import type { XtpEvent, XtpTotals } from './xtp/report';

/** Worker messages that reach the page as they are, without their job id. */
const FORWARDED = ['log', 'logs-dropped', 'stream', 'http', 'host-call', 'stub-error'] as const;
export type Forwarded = Extract<FromWorker, { type: (typeof FORWARDED)[number] }>;

export const isForwarded = (msg: FromWorker): msg is Forwarded =>
	(FORWARDED as readonly string[]).includes(msg.type);

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** What a job reports while it runs: worker messages as they are, and a test plugin's events. */
export type RunEvent =
	| WithoutId<Forwarded>
	/** What a test plugin did (runTest only). */
	| { type: 'xtp'; event: XtpEvent };

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
			/** Where in the wasm it failed (a trap, or a host function's error). */
			backtrace?: Backtrace;
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

/** A run the runner ended itself: the kind is set here, where it happens. */
export function ended(why: 'stopped' | 'timeout' | 'superseded', timeoutMs: number): EndedOutcome {
	if (why === 'superseded') return { status: why };
	const error =
		why === 'timeout'
			? runError({ kind: 'timeout', ms: timeoutMs }, `Timed out after ${timeoutMs} ms.`)
			: runError({ kind: 'stopped' }, 'Stopped.');
	return { status: why, error };
}
