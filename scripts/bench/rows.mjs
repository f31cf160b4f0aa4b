// The bench's figures as table rows, each with its target (from the issue "Benchmarks, repeat
// runs and quality gates").
import { callsPerSecond, kb, ms, row } from './report.mjs';

const INITIAL_JS_MAX = 150 * 1024;
const REPEAT_RATIO_MAX = 1.5;
const CLICK_MAX_MS = 16;
const BIG_RATIO_MAX = 1.2;
/** "No growth": less than this after GC, so allocator noise and caches do not count. */
const HEAP_GROWTH_MAX = 1024 * 1024;
// Writing plugins (issue "Write plugins here", Performance).
const COLD_BUILD_MAX_MS = 4000;
const EDIT_TO_OUTPUT_MAX_MS = 500;
const LONG_TASK_MAX_MS = 50;

const perCall = (s) => `${ms(s.median, 4)} median, ${Math.round(callsPerSecond(s))} calls/s`;

export function buildRows(res, n) {
	const e = res.errors;
	const rows = [];
	const s = res.sizes;
	rows.push(
		row(
			'Initial JS before the editor (gzip)',
			s &&
				`${kb(s.initialGzip)} (plugin worker ${kb(s.initialWorkerGzip)}; ${s.buildWorkerInitial ? 'the build worker too' : 'no compiler'})`,
			'≤ 150 KB, no compiler',
			s && s.initialGzip <= INITIAL_JS_MAX && !s.buildWorkerInitial,
			e.sizes
		),
		row(
			'Total JS of the build (gzip)',
			s && `${kb(s.totalGzip)} in ${s.files} files (editor ${kb(s.editorGzip)})`,
			undefined,
			undefined,
			e.sizes
		)
	);
	const t = res.timeToRun;
	rows.push(
		row(
			`Time to Run usable (median of ${n.loads})`,
			t && ms(t.median, 0),
			'—',
			undefined,
			e.timeToRun
		)
	);

	const [a, b, c] = [res.playgroundRepeat, res.rawInThread, res.rawSdkWorker];
	rows.push(
		row(`(a) playground, Repeat ${n.calls}`, a && perCall(a), '—', undefined, e.playgroundRepeat),
		row(`(b) raw SDK in-thread, ${n.calls} calls`, b && perCall(b), '—', undefined, e.rawInThread),
		row(
			`(c) raw SDK worker mode, ${n.calls} calls`,
			c && perCall(c),
			'—',
			undefined,
			e.rawSdkWorker
		),
		row(
			'Per-call median a/b',
			a && b && (a.median / b.median).toFixed(2),
			`≤ ${REPEAT_RATIO_MAX}`,
			a && b && a.median / b.median <= REPEAT_RATIO_MAX,
			e.playgroundRepeat ?? e.rawInThread
		),
		row(
			'Per-call median c/b',
			b && c && (c.median / b.median).toFixed(1),
			'—',
			undefined,
			e.rawSdkWorker ?? e.rawInThread
		)
	);

	const k = res.clickToOutput;
	rows.push(
		row(
			`Click Run → output (median of ${n.clicks})`,
			k && `${ms(k.median)} (p95 ${ms(k.p95)})`,
			`≤ ${CLICK_MAX_MS} ms`,
			k && k.median <= CLICK_MAX_MS,
			k ? undefined : e.heap
		)
	);

	rows.push(...bigRows(res, n));

	const w = res.write;
	rows.push(
		row(
			'Cold first build, count vowels (compiler download included)',
			w && `${ms(w.cold.ms, 0)} (console: ${w.cold.said})`,
			`≤ ${COLD_BUILD_MAX_MS} ms`,
			w && w.cold.ms <= COLD_BUILD_MAX_MS,
			e.write
		),
		row(
			`Warm edit → output (median of ${n.edits})`,
			w && `${ms(w.warm.median, 0)} (p95 ${ms(w.warm.p95, 0)})`,
			`≤ ${EDIT_TO_OUTPUT_MAX_MS} ms`,
			w && w.warm.median <= EDIT_TO_OUTPUT_MAX_MS,
			e.write
		),
		row(
			'Longest main-thread task during a build (CPU)',
			w &&
				`${ms(w.longestTaskCpu.cpuMs, 0)} CPU (${ms(w.longestTaskCpu.wallOfThatMs, 0)} wall); longest by wall ${ms(w.longestTaskCpu.wallMs, 0)}`,
			`≤ ${LONG_TASK_MAX_MS} ms CPU`,
			w && w.longestTaskCpu.cpuMs <= LONG_TASK_MAX_MS,
			e.write
		),
		row(
			'Longest task by the Long Tasks API (wall)',
			w &&
				(w.longestTaskMs
					? `${ms(w.longestTaskMs, 0)} (warm builds ${w.longestWarmTaskMs ? ms(w.longestWarmTaskMs, 0) : 'none'})`
					: `none over ${LONG_TASK_MAX_MS} ms`),
			'—',
			undefined,
			e.write
		)
	);

	const h = res.heap;
	const growth = (after) => after - h.before;
	const heapValue = (after) => `${kb(h.before)} → ${kb(after)} (${kb(growth(after))})`;
	rows.push(
		row(
			`Heap around ${n.calls} runs (Run clicks)`,
			h && heapValue(h.afterRuns),
			'< 1 MB growth',
			h && growth(h.afterRuns) < HEAP_GROWTH_MAX,
			e.heap
		),
		row(
			`Heap around Repeat ${n.calls} (after those)`,
			h?.afterRepeat !== undefined &&
				`${kb(h.afterRuns)} → ${kb(h.afterRepeat)} (${kb(h.afterRepeat - h.afterRuns)})`,
			'< 1 MB growth',
			h?.afterRepeat !== undefined && h.afterRepeat - h.afterRuns < HEAP_GROWTH_MAX,
			e.heap ?? h?.repeatError
		)
	);
	return rows;
}

/** Gated: the data plugin (the issue's) and the real-shaped debug build; code is a second opinion. */
const BIG = { big: ['data', true], bigCode: ['code', false], bigDebug: ['debug', true] };

/** The big plugins' first loads (big-runs.mjs): both medians and the interleaved pairs' ratio. */
export function bigRows(res, n, keys = Object.keys(BIG)) {
	const e = res.errors;
	const rows = [];
	for (const key of keys) {
		const [bulk, gated] = BIG[key];
		const r = res[key];
		const size = res.bigBytes?.[bulk]
			? `${(res.bigBytes[bulk] / 1048576).toFixed(1)} MiB`
			: '2 MiB';
		const what = `${size} plugin (${bulk}), first load on a fresh page`;
		const ratio = r && r.playground.median / r.raw.median;
		rows.push(
			row(
				`(a) ${what}: file → output, playground (median of ${n.bigRuns})`,
				r && `${ms(r.playground.median)} (loaded at ${ms(r.playground.loadedMedian)})`,
				'—',
				undefined,
				e[key]
			),
			row(`(b) ${what}: file → output, raw SDK`, r && ms(r.raw.median), '—', undefined, e[key]),
			row(
				`Load-to-first-output a/b (${bulk})`,
				r && `${ratio.toFixed(2)} (median of interleaved pairs ${r.pairRatioMedian.toFixed(2)})`,
				gated ? `≤ ${BIG_RATIO_MAX}` : '—',
				gated && r ? ratio <= BIG_RATIO_MAX : undefined,
				e[key]
			)
		);
	}
	return rows;
}
