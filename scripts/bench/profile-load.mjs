#!/usr/bin/env node
// `node scripts/bench/profile-load.mjs [debug|data|code]`: where the time goes when a big plugin
// is chosen and run at once in the built playground. Records a Chromium trace of a few loads
// and prints, per thread, the busiest kinds of work inside the load → output window. Not part
// of `npm run bench`: a tool for finding a gap the bench reports.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../serve.mjs';
import { buildBigPlugin } from './big-plugin.mjs';
import { launchBrowser } from './browser.mjs';
import { fileToFirstOutput, openPlayground } from './playground-runs.mjs';
import { startTrace } from './trace.mjs';

const bulk = process.argv[2] ?? 'debug';
const RUNS = 4;
const site = fileURLToPath(new URL('../../build', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'extism-profile-'));
const path = join(tmp, `big-${bulk}.wasm`);
writeFileSync(path, await buildBigPlugin(bulk));

const server = await startStaticServer({ root: site, isolate: true });
const { browser } = await launchBrowser(() => {});
try {
	const page = await openPlayground(await browser.newContext(), server.url);
	await fileToFirstOutput(page, path, `big-${bulk}.wasm`); // warm-up, untraced
	const stop = await startTrace(page, [
		'devtools.timeline',
		'v8',
		'v8.wasm',
		'blink.user_timing',
		'toplevel'
	]);
	const runs = [];
	for (let i = 0; i < RUNS; i++) runs.push(await fileToFirstOutput(page, path, `big-${bulk}.wasm`));
	summarize(await stop(), runs);
} finally {
	await browser.close();
	await server.close();
}

function summarize(events, runs) {
	console.log(
		`runs (ms to output / to loaded): ${runs.map((r) => `${r.ms.toFixed(0)}/${r.loadedMs.toFixed(0)}`).join(', ')}`
	);
	console.log(`console said: ${runs.at(-1).said}`);
	const threads = new Map();
	for (const e of events) {
		if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
	}
	// Complete events ('X') by thread and name; nested time is counted in each level, so read the
	// figures as "time spent inside", not as a partition.
	const byThread = new Map();
	for (const e of events) {
		if (e.ph !== 'X' || !e.dur) continue;
		const key = `${e.pid}:${e.tid}`;
		const name = threads.get(key) ?? key;
		if (!/CrRendererMain|Worker|DedicatedWorker|ThreadPool/i.test(name)) continue;
		const m = byThread.get(name) ?? new Map();
		const label =
			e.name === 'FunctionCall' || e.name === 'EvaluateScript'
				? `${e.name} ${e.args?.data?.functionName ?? ''} ${(e.args?.data?.url ?? '').split('/').pop()}`.trim()
				: e.name;
		const cur = m.get(label) ?? { ms: 0, n: 0 };
		cur.ms += e.dur / 1000;
		cur.n++;
		m.set(label, cur);
		byThread.set(name, m);
	}
	for (const [thread, m] of byThread) {
		const top = [...m.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 14);
		if (!top.length || top[0][1].ms < 5) continue;
		console.log(`\n${thread} (per load, ms: total / count):`);
		for (const [label, v] of top) {
			console.log(
				`  ${(v.ms / RUNS).toFixed(1).padStart(7)}  ${String(v.n / RUNS).padStart(5)}  ${label}`
			);
		}
	}
}
