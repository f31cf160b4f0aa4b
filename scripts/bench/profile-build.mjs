#!/usr/bin/env node
// `node scripts/bench/profile-build.mjs`: what the page's main thread does during the cold first
// build (Write plugin → "Built") and a few edits, each run: the windows whose longest task
// `npm run bench` reports. Records a Chromium trace and prints the main-thread tasks with the most
// CPU (over 30 ms) and the work inside them, by wall time and by the thread's own CPU time (a task
// that waits for a busy core is long but cheap).
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../serve.mjs';
import { launchBrowser } from './browser.mjs';
import { openPlayground } from './playground-runs.mjs';
import { startTrace } from './trace.mjs';
import { typeEdit } from './write-runs.mjs';

const LONG_MS = 30;
const EDITS = 5;
const site = fileURLToPath(new URL('../../build', import.meta.url));
const server = await startStaticServer({ root: site, isolate: true });
const { browser } = await launchBrowser(() => {});
try {
	const page = await openPlayground(await browser.newContext(), server.url);
	const stop = await startTrace(page, [
		'devtools.timeline',
		'v8',
		'blink.user_timing',
		'toplevel',
		'disabled-by-default-devtools.timeline'
	]);
	const cold = await page.evaluate(() => window.__bench.coldBuild());
	for (let i = 0; i < EDITS; i++) {
		await typeEdit(page, i);
		await page.evaluate(() => window.__bench.editRun());
	}
	const events = await stop();
	console.log(`cold build: ${cold.ms.toFixed(0)} ms, longest task ${cold.longestTaskMs} ms`);
	summarize(events);
} finally {
	await browser.close();
	await server.close();
}

function summarize(events) {
	const main = events.find((e) => e.ph === 'M' && e.args?.name === 'CrRendererMain');
	const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
	const tasks = onMain
		.filter((e) => /RunTask$/.test(e.name) && (e.tdur ?? e.dur) / 1000 > LONG_MS)
		.sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
		.slice(0, 6);
	for (const t of tasks) {
		const cpu = t.tdur === undefined ? '?' : (t.tdur / 1000).toFixed(0);
		console.log(`\ntask ${(t.dur / 1000).toFixed(0)} ms wall, ${cpu} ms CPU:`);
		const inside = onMain
			.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e.dur > 2000)
			.sort((a, b) => a.ts - b.ts);
		for (const e of inside.slice(0, 25)) {
			const d = e.args?.data ?? {};
			const what = [d.functionName, (d.url ?? '').split('/').pop()].filter(Boolean).join(' ');
			const ecpu = e.tdur === undefined ? '' : ` (${(e.tdur / 1000).toFixed(0)} CPU)`;
			console.log(
				`  +${((e.ts - t.ts) / 1000).toFixed(0).padStart(4)} ${(e.dur / 1000).toFixed(0).padStart(4)} ms${ecpu} ${e.name} ${what}`
			);
		}
	}
}
