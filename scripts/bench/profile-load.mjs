#!/usr/bin/env node
// `node scripts/bench/profile-load.mjs [debug|data|code] [--raw] [--timeline]`: where the time goes when a
// big plugin is chosen and run at once in the built playground, on a FRESH page each time (the
// first load, which the bench measures; a warmed-up page hides the cold costs). Each load is
// traced alone and the per-thread figures are averaged over the loads. With --raw, the same for
// the SDK alone in a bare page, for comparison. With --timeline, also the last load's tasks in
// order, from the file input's change event, on the page's thread and the workers': the critical
// path (what waits for what) that per-thread sums hide. Not part of `npm run bench`: a tool for
// finding a gap the bench reports.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../serve.mjs';
import { buildBigPlugin } from './big-plugin.mjs';
import { playgroundFirstLoad, rawFirstLoad } from './big-runs.mjs';
import { launchBrowser } from './browser.mjs';
import { makeRawRoot } from './raw.mjs';
import { startTrace } from './trace.mjs';

const args = process.argv.slice(2);
const bulk = args.find((a) => !a.startsWith('--')) ?? 'debug';
const raw = args.includes('--raw');
const timeline = args.includes('--timeline');
const RUNS = 4;
const INPUT = 'Hello, Extism!';
const CATEGORIES = [
	'v8.gc',
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'v8',
	'v8.wasm',
	'blink.user_timing',
	'toplevel'
];
const site = fileURLToPath(new URL('../../build', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'extism-profile-'));
const name = `big-${bulk}.wasm`;
const path = join(tmp, name);
const bytes = await buildBigPlugin(bulk);
writeFileSync(path, bytes);
makeRawRoot(join(tmp, 'raw'), { [name]: bytes });

const server = await startStaticServer({
	root: raw ? join(tmp, 'raw') : site,
	isolate: true
});
const { browser } = await launchBrowser(() => {});
try {
	const runs = [];
	const traces = [];
	/** Traces exactly the measured load. */
	const around = async (page, load) => {
		const stop = await startTrace(page, CATEGORIES);
		const r = await load();
		traces.push(await stop());
		return r;
	};
	for (let i = 0; i < RUNS; i++) {
		runs.push(
			raw
				? await rawFirstLoad(browser, server.url, path, INPUT, around)
				: await playgroundFirstLoad(browser, server.url, path, name, INPUT, around)
		);
	}
	summarize(traces, runs);
	if (timeline) printTimeline(traces.at(-1));
} finally {
	await browser.close();
	await server.close();
}

function summarize(traces, runs) {
	console.log(
		`first loads (ms to output${raw ? '' : ' / to loaded'}): ${runs.map((r) => `${r.ms.toFixed(1)}${raw ? '' : `/${r.loadedMs.toFixed(1)}`}`).join(', ')}`
	);
	if (!raw) console.log(`console said: ${runs.at(-1).said}`);
	// Complete events ('X') by thread and name, wall (dur) and CPU (tdur); nested time is counted
	// in each level, so read the figures as "time spent inside", not as a partition.
	const byThread = new Map();
	for (const events of traces) {
		const threads = new Map();
		for (const e of events) {
			if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
		}
		for (const e of events) {
			if (e.ph !== 'X' || !e.dur) continue;
			const name = threads.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
			if (!/CrRendererMain|Worker|DedicatedWorker|ThreadPool/i.test(name)) continue;
			const m = byThread.get(name) ?? new Map();
			const label =
				e.name === 'FunctionCall' || e.name === 'EvaluateScript'
					? `${e.name} ${e.args?.data?.functionName ?? ''} ${(e.args?.data?.url ?? '').split('/').pop()}`.trim()
					: e.name;
			const cur = m.get(label) ?? { ms: 0, cpu: 0, n: 0 };
			cur.ms += e.dur / 1000;
			cur.cpu += (e.tdur ?? 0) / 1000;
			cur.n++;
			m.set(label, cur);
			byThread.set(name, m);
		}
	}
	const n = traces.length;
	for (const [thread, m] of byThread) {
		const top = [...m.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 16);
		if (!top.length || top[0][1].ms / n < 1) continue;
		console.log(`\n${thread} (per load: wall ms / CPU ms / count):`);
		for (const [label, v] of top) {
			console.log(
				`  ${(v.ms / n).toFixed(1).padStart(7)} ${(v.cpu / n).toFixed(1).padStart(7)}  ${String(v.n / n).padStart(6)}  ${label}`
			);
		}
	}
}

/** Tasks of one load over 0.3 ms, and what ran inside them, by start time from the change event. */
function printTimeline(events) {
	const threads = new Map();
	for (const e of events)
		if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
	const start =
		events.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'change') ??
		events.find((e) => e.name === 'bench-raw-start');
	if (!start) return console.log('\n(no change event in the trace)');
	const SHOWN = new Set([
		'RunTask',
		'EventDispatch',
		'HandlePostMessage',
		'RunMicrotasks',
		'MinorGC',
		'MajorGC',
		'UpdateLayoutTree',
		'Layout',
		'Paint',
		'Commit',
		'ParseHTML',
		'TimerFire'
	]);
	console.log('\ntimeline of the last load (ms from the change event, duration, thread, event):');
	const rows = events
		.filter((e) => e.ph === 'X' && e.dur >= 300 && SHOWN.has(e.name))
		.map((e) => ({ e, thread: threads.get(`${e.pid}:${e.tid}`) ?? '' }))
		.filter(({ thread }) => /CrRendererMain|DedicatedWorker/.test(thread))
		.map(({ e, thread }) => ({ at: (e.ts - start.ts) / 1000, e, thread }))
		.filter(({ at }) => at >= -1)
		.sort((a, b) => a.at - b.at);
	for (const { at, e, thread } of rows) {
		const what = e.args?.data?.type ?? '';
		const who = thread.startsWith('CrRendererMain') ? 'page' : 'worker';
		console.log(
			`${at.toFixed(1).padStart(7)} ${(e.dur / 1000).toFixed(1).padStart(6)}  ${who.padEnd(6)} ${e.name} ${what}`
		);
	}
}
