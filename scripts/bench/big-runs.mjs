// Load-to-first-output for a big plugin: through the playground's file input, and the SDK alone.
import { fileToFirstOutput, openPlayground } from './playground-runs.mjs';
import { rawLoadToFirstOutput } from './raw.mjs';
import { summarize } from './report.mjs';
import { BIG_FUNCTION } from './big-plugin.mjs';

/** `runs` times on one page: choose the file, Run as soon as it is loaded, wait for the output. */
export async function bigPlayground(ctx, siteUrl, path, name, input, runs) {
	const page = await openPlayground(ctx, siteUrl);
	try {
		const all = [];
		for (let i = 0; i < runs; i++) {
			const r = await fileToFirstOutput(page, path, name);
			if (r.text !== input) throw new Error(`${name} echoed ${JSON.stringify(r.text)}`);
			all.push(r);
		}
		return {
			runs: all,
			median: summarize(all.map((r) => r.ms)).median,
			loadedMedian: summarize(all.map((r) => r.loadedMs)).median
		};
	} finally {
		await page.close();
	}
}

/** The same plugin through the raw page: bytes → createPlugin (in-thread) → first call. */
export async function bigRaw(ctx, rawUrl, name, input, runs) {
	const opts = { wasmUrl: name, fn: BIG_FUNCTION, input };
	const all = await rawLoadToFirstOutput(ctx, rawUrl, opts, runs);
	if (all.some((r) => r.output !== input)) throw new Error(`${name} did not echo its input`);
	return { ms: all.map((r) => r.ms), median: summarize(all.map((r) => r.ms)).median };
}
