// Summary of a repeat run's per-call times (ms), as the console and the benchmark show them.

export interface TimeSummary {
	count: number;
	min: number;
	/** The middle value; with an even count, the mean of the two middle values. */
	median: number;
	/** Nearest-rank 95th percentile: the ⌈0.95·n⌉-th smallest value (1-based). */
	p95: number;
	max: number;
	mean: number;
	total: number;
}

/**
 * Summarises times without changing the array. An empty array has no order statistics: count
 * and total are 0 and every other field is NaN, so a caller cannot mistake "no calls" for
 * "0 ms per call".
 */
export function summarize(times: readonly number[]): TimeSummary {
	const count = times.length;
	const total = times.reduce((sum, t) => sum + t, 0);
	if (count === 0) {
		return { count, min: NaN, median: NaN, p95: NaN, max: NaN, mean: NaN, total };
	}
	const sorted = [...times].sort((a, b) => a - b);
	const mid = count >> 1;
	const median = count % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	return {
		count,
		min: sorted[0],
		median,
		p95: sorted[Math.ceil(0.95 * count) - 1],
		max: sorted[count - 1],
		mean: total / count,
		total
	};
}
