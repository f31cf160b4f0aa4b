// The page's main-thread tasks during builds, by CPU time, from a Chromium trace. The Long Tasks
// API (the in-page figure) measures wall time: on a loaded 2-core machine a task that waits for a
// core reads long although the page did little (a trace showed 90 ms "tasks" of 26 ms CPU while
// the compiler ran on the other core). The build windows are the page's own marks
// (page-helpers.mjs); only 'toplevel' and user timing are traced, to disturb little.

import { startTrace } from './trace.mjs';

/** Starts tracing `page`; stop() resolves with the longest in-window task's CPU and wall ms. */
export async function traceMainThread(page) {
	const stop = await startTrace(page, ['toplevel', 'blink.user_timing']);
	return async () => longestTask(await stop());
}

/** [start, end] pairs in trace microseconds, from the page's bench-build-start/-end marks. */
function windows(events) {
	const at = (name) =>
		events
			.filter((e) => e.name === name)
			.map((e) => e.ts)
			.sort((a, b) => a - b);
	const starts = at('bench-build-start');
	const ends = at('bench-build-end');
	if (!starts.length || starts.length !== ends.length)
		throw new Error(`build marks do not pair up (${starts.length} starts, ${ends.length} ends)`);
	return starts.map((s, i) => [s, ends[i]]);
}

/** A task without a thread time, shorter than this (µs), is ignored. */
const UNTIMED_MAX_US = 1000;

function longestTask(events) {
	const main = new Set(
		events
			.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
			.map((e) => `${e.pid}:${e.tid}`)
	);
	const spans = windows(events);
	const tasks = events.filter(
		(e) =>
			e.ph === 'X' &&
			/RunTask$/.test(e.name) &&
			main.has(`${e.pid}:${e.tid}`) &&
			spans.some(([s, end]) => e.ts < end && e.ts + e.dur > s)
	);
	if (!tasks.length) throw new Error('the trace holds no main-thread task during a build');
	// Chromium 156 leaves the thread time off the odd task of a few µs; one that long could hide
	// nothing, but a longer one without it could hide the longest task, so that still fails.
	const timed = tasks.filter((t) => t.tdur !== undefined);
	const untimed = tasks.filter((t) => t.tdur === undefined && t.dur >= UNTIMED_MAX_US);
	if (!timed.length || untimed.length)
		throw new Error(
			`the trace has no thread times (${tasks.length - timed.length} of ${tasks.length} tasks)`
		);
	const byCpu = timed.reduce((a, b) => (b.tdur > a.tdur ? b : a));
	const byWall = tasks.reduce((a, b) => (b.dur > a.dur ? b : a));
	return {
		cpuMs: byCpu.tdur / 1000,
		wallOfThatMs: byCpu.dur / 1000,
		wallMs: byWall.dur / 1000,
		builds: spans.length
	};
}
