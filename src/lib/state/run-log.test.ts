import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RUN_QUIET_MS, RunLog } from './run-log.svelte';

const ok = { outcome: { status: 'ok' as const, output: null, callMs: 1 }, discarded: false };
const ctx = { timeoutMs: 0, pageOrigin: '' };

describe('RunLog: a run in its quiet time', () => {
	beforeEach(() => vi.useFakeTimers());
	afterEach(() => vi.useRealTimers());

	it('is recorded at once but shown, and counted as the latest, only when it ends', () => {
		const log = new RunLog();
		const first = log.begin('a', 0);
		first.finish(ok, ctx);
		const second = log.begin('b', 0);
		expect(log.entries.map((e) => e.id)).toEqual([1, 2]);
		expect(second.shown).toBe(false);
		expect(log.latestRun).toBe(first);
		second.finish(ok, ctx);
		expect(second.shown).toBe(true);
		expect(log.latestRun).toBe(second);
	});

	it('is shown once it has lasted the quiet time, still running', () => {
		const log = new RunLog();
		const run = log.begin('slow', 0);
		vi.advanceTimersByTime(RUN_QUIET_MS - 1);
		expect(run.shown).toBe(false);
		vi.advanceTimersByTime(1);
		expect([run.shown, run.status]).toEqual([true, 'running']);
		expect(log.latestRun).toBe(run);
	});
});
