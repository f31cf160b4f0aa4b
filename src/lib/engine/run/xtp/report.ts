// What an XTP test plugin run produced, as data: events stream from the worker while the test
// runs (so a stopped or timed-out run still shows what it did), and fold into groups here.
import type { RunError } from '../run-error';

/** One thing the test plugin did through the xtp:test/harness imports. */
export type XtpEvent =
	/** `group(name)`: later assertions and calls belong to this group (a fresh instance). */
	| { type: 'group'; name: string }
	| { type: 'assert'; name: string; pass: boolean; reason: string }
	/**
	 * `call` or `time` ran a function of the plugin under test: `ms` is the time around that
	 * call alone; `error` is set when it failed (the test plugin then got empty output).
	 */
	| { type: 'call'; fn: string; ms: number; timed: boolean; error?: RunError };

export interface XtpAssertion {
	name: string;
	pass: boolean;
	reason: string;
}
export interface XtpCall {
	fn: string;
	ms: number;
	timed: boolean;
	error?: RunError;
}
export interface XtpGroup {
	/** '' for what the test did before its first `group`. */
	name: string;
	assertions: XtpAssertion[];
	calls: XtpCall[];
}

/** Counts over the whole run, kept by the worker even for events it did not forward. */
export interface XtpTotals {
	passed: number;
	failed: number;
	calls: number;
	failedCalls: number;
}

export const NO_TOTALS: XtpTotals = { passed: 0, failed: 0, calls: 0, failedCalls: 0 };

/** Adds one event to the groups (in place) and returns them. */
export function addEvent(groups: XtpGroup[], ev: XtpEvent): XtpGroup[] {
	if (ev.type === 'group') {
		groups.push({ name: ev.name, assertions: [], calls: [] });
		return groups;
	}
	if (!groups.length) groups.push({ name: '', assertions: [], calls: [] });
	const g = groups[groups.length - 1];
	if (ev.type === 'assert') g.assertions.push({ name: ev.name, pass: ev.pass, reason: ev.reason });
	else
		g.calls.push({
			fn: ev.fn,
			ms: ev.ms,
			timed: ev.timed,
			...(ev.error ? { error: ev.error } : {})
		});
	return groups;
}

/** Totals counted from an event, the same way in the worker and for forwarded events. */
export function addToTotals(t: XtpTotals, ev: XtpEvent): XtpTotals {
	if (ev.type === 'assert')
		return { ...t, [ev.pass ? 'passed' : 'failed']: t[ev.pass ? 'passed' : 'failed'] + 1 };
	if (ev.type === 'call')
		return { ...t, calls: t.calls + 1, failedCalls: t.failedCalls + (ev.error ? 1 : 0) };
	return t;
}

/**
 * The most of a name, reason or function name the page receives. A test plugin can name things
 * with megabytes; sent whole, 2,000 such assertions froze the page for half a minute.
 */
export const MAX_XTP_TEXT = 500;

/** `text` cut to MAX_XTP_TEXT characters, saying how much was left out. */
export function clipXtpText(text: string): string {
	if (text.length <= MAX_XTP_TEXT) return text;
	return `${text.slice(0, MAX_XTP_TEXT)}… (${(text.length - MAX_XTP_TEXT).toLocaleString('en')} more characters)`;
}

/** The event as the page gets it: every text clipped (the worker counts the whole event first). */
export function clipXtpEvent(ev: XtpEvent): XtpEvent {
	if (ev.type === 'group') return { ...ev, name: clipXtpText(ev.name) };
	if (ev.type === 'assert')
		return { ...ev, name: clipXtpText(ev.name), reason: clipXtpText(ev.reason) };
	const clipped: XtpEvent = { ...ev, fn: clipXtpText(ev.fn) };
	if (ev.error) clipped.error = { ...ev.error, message: clipXtpText(ev.error.message) };
	return clipped;
}
