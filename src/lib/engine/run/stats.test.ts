import { describe, expect, it } from 'vitest';
import { summarize } from './stats';

describe('summarize', () => {
	it('gives NaN order statistics and zero count and total for no times', () => {
		const s = summarize([]);
		expect(s.count).toBe(0);
		expect(s.total).toBe(0);
		for (const k of ['min', 'median', 'p95', 'max', 'mean'] as const) expect(s[k]).toBeNaN();
	});

	it('summarises one time as itself', () => {
		expect(summarize([2.5])).toEqual({
			count: 1,
			min: 2.5,
			median: 2.5,
			p95: 2.5,
			max: 2.5,
			mean: 2.5,
			total: 2.5
		});
	});

	it('takes the middle of an odd count and the mean of the two middles of an even count', () => {
		expect(summarize([9, 1, 5]).median).toBe(5);
		expect(summarize([4, 1, 3, 2]).median).toBe(2.5);
	});

	it('uses the nearest rank for p95', () => {
		// n = 20: rank ⌈19⌉ = 19, the 19th smallest.
		const twenty = Array.from({ length: 20 }, (_, i) => 20 - i);
		expect(summarize(twenty).p95).toBe(19);
		// n = 21: rank ⌈19.95⌉ = 20.
		const twentyOne = Array.from({ length: 21 }, (_, i) => i + 1);
		expect(summarize(twentyOne).p95).toBe(20);
		// n = 10: rank ⌈9.5⌉ = 10, the maximum.
		expect(summarize([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]).p95).toBe(100);
	});

	it('reports min, max, mean and total, and leaves the input unsorted', () => {
		const times = [3, 1, 4, 1, 5, 9, 2, 6];
		const s = summarize(times);
		expect(s).toMatchObject({ count: 8, min: 1, max: 9, total: 31, mean: 3.875, median: 3.5 });
		expect(times).toEqual([3, 1, 4, 1, 5, 9, 2, 6]);
	});
});
