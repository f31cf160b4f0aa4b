import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InFlight } from './in-flight.svelte';

describe('InFlight', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('is busy at once, and shows as running only after the quiet time', () => {
		const f = new InFlight();
		const end = f.begin(100);
		expect(f.busy).toBe(true);
		expect(f.running).toBe(false);
		vi.advanceTimersByTime(99);
		expect(f.running).toBe(false);
		vi.advanceTimersByTime(1);
		expect(f.running).toBe(true);
		end();
		expect([f.busy, f.running]).toEqual([false, false]);
	});

	it('never shows a run that ends within the quiet time', () => {
		const f = new InFlight();
		f.begin(100)();
		vi.advanceTimersByTime(1000);
		expect([f.busy, f.running]).toEqual([false, false]);
	});

	it('shows at once with no quiet time, and counts overlapping runs and a repeated end once', () => {
		const f = new InFlight();
		const a = f.begin(0);
		const b = f.begin(0);
		expect(f.running).toBe(true);
		a();
		a();
		expect([f.busy, f.running]).toEqual([true, true]);
		b();
		expect([f.busy, f.running]).toEqual([false, false]);
	});
});
