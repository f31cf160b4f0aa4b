// Figures → the printed table and bench-results.json rows. A missed target is reported, not fatal.

/** Same definitions as src/lib/engine/run/stats.ts (median of two middles, nearest-rank p95). */
export function summarize(times) {
	const count = times.length;
	const total = times.reduce((s, t) => s + t, 0);
	if (!count) return { count, min: NaN, median: NaN, p95: NaN, max: NaN, mean: NaN, total };
	const sorted = [...times].sort((a, b) => a - b);
	const mid = count >> 1;
	return {
		count,
		min: sorted[0],
		median: count % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2,
		p95: sorted[Math.ceil(0.95 * count) - 1],
		max: sorted[count - 1],
		mean: total / count,
		total
	};
}

/** Calls per second from a summary: count over the summed call times. */
export const callsPerSecond = (s) => (s.count / s.total) * 1000;

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (v, digits = 1) => `${v.toFixed(digits)} ms`;

/**
 * A row: `check` says whether the target is met (true/false), or is absent for a figure with no
 * target; `error` marks a figure that could not be measured.
 */
export function row(figure, value, target = '—', check, error) {
	const status = error ? 'NOT MEASURED' : check === undefined ? 'info' : check ? 'PASS' : 'FAIL';
	return { figure, value: error ? error : value, target, status };
}

export function printTable(rows) {
	const cols = ['figure', 'value', 'target', 'status'];
	const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
	const line = (cells) => cells.map((c, i) => String(c).padEnd(width[i])).join('  ');
	console.log(line(cols));
	console.log(line(width.map((w) => '-'.repeat(w))));
	for (const r of rows) console.log(line(cols.map((c) => r[c])));
}
