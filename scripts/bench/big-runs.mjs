// Load-to-first-output for a big plugin, the FIRST load on a fresh page (what a person waits for):
// through the playground's file input, and through the SDK alone. A later load on the same page
// finds the worker, the SDK and V8's caches warm and reads much faster, so every measured load
// gets a new browser context (no cache, no saved setup) and a page of its own. Playground and raw
// loads alternate, so drift in the machine's load hits both alike.
import { fileToFirstOutput, openPlayground } from './playground-runs.mjs';
import { openRaw } from './raw.mjs';
import { summarize } from './report.mjs';
import { BIG_FUNCTION } from './big-plugin.mjs';

/** Resolves once the page has had `n` full idle periods in a row (nothing left starting up). */
export function waitIdle(n = 5) {
	return new Promise((resolve) => {
		let quiet = 0;
		const next = () =>
			requestIdleCallback((d) => {
				quiet = d.timeRemaining() >= 45 ? quiet + 1 : 0;
				if (quiet >= n) resolve();
				else next();
			});
		next();
	});
}

/**
 * A fresh playground, idle after its default example: choose the file, Run, wait for output.
 * `around(page, load)` may wrap the measured load (the profiler traces it).
 */
export async function playgroundFirstLoad(browser, siteUrl, path, name, input, around) {
	const ctx = await browser.newContext();
	try {
		const page = await openPlayground(ctx, siteUrl);
		await page.evaluate(waitIdle);
		const load = () => fileToFirstOutput(page, path, name);
		const r = await (around ? around(page, load) : load());
		if (r.text !== input) throw new Error(`${name} echoed ${JSON.stringify(r.text)}`);
		return r;
	} finally {
		await ctx.close();
	}
}

/**
 * A fresh raw page: a file picked from disk → bytes → createPlugin (in-thread) → first call,
 * timed from the input's change event exactly as the playground's load is.
 */
export async function rawFirstLoad(browser, rawUrl, path, input, around) {
	const ctx = await browser.newContext();
	try {
		const page = await openRaw(ctx, rawUrl);
		await page.evaluate(waitIdle);
		const load = async () => {
			await page.evaluate((o) => window.rawBench.armFileRun(o), { fn: BIG_FUNCTION, input });
			await page.getByLabel('Plugin file', { exact: true }).setInputFiles(path);
			return page.evaluate(() => window.rawBench.fileRun);
		};
		const r = await (around ? around(page, load) : load());
		if (r.output !== input) throw new Error(`${path} did not echo its input`);
		return r;
	} finally {
		await ctx.close();
	}
}

/**
 * `runs` first loads each way, alternating which goes first. Returns both medians and the
 * ratio of each interleaved pair, whose median is the figure least hurt by a busy machine.
 */
export async function bigFirstLoads(browser, urls, { path, name, input, runs }) {
	const pg = [];
	const raw = [];
	for (let i = 0; i < runs; i++) {
		const a = () => playgroundFirstLoad(browser, urls.site, path, name, input);
		const b = () => rawFirstLoad(browser, urls.raw, path, input);
		if (i % 2 === 0) {
			pg.push(await a());
			raw.push(await b());
		} else {
			raw.push(await b());
			pg.push(await a());
		}
	}
	const pairRatios = pg.map((p, i) => p.ms / raw[i].ms);
	return {
		playground: {
			runs: pg,
			median: summarize(pg.map((r) => r.ms)).median,
			loadedMedian: summarize(pg.map((r) => r.loadedMs)).median
		},
		raw: { ms: raw.map((r) => r.ms), median: summarize(raw.map((r) => r.ms)).median },
		pairRatios,
		pairRatioMedian: summarize(pairRatios).median
	};
}
