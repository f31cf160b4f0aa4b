// The XTP panel's state on a stand-in RunController: what it says for each way a test run ends.
import { describe, expect, it } from 'vitest';
import { wat } from '$lib/engine/testing/wasm-builders';
import { runError } from '$lib/engine/run/run-error';
import type { XtpOutcome } from '$lib/engine/run/runner';
import { NO_JSPI_MESSAGE } from '$lib/engine/run/xtp/check';
import type { XtpEvent } from '$lib/engine/run/xtp/report';
import type { RunController } from './run-controller.svelte';
import { RunLog } from './run-log.svelte';
import { XtpSuite, summaryText } from './xtp-suite.svelte';

type Answer = XtpOutcome | { status: 'blocked'; text: string };
const totals = { passed: 0, failed: 0, calls: 0, failedCalls: 0 };

function suite(events: XtpEvent[], answer: Answer, jspi = true) {
	const runs = {
		runTestPlugin: async (
			_t: unknown,
			onEvent: (e: XtpEvent) => void,
			onLog: (level: string, message: string) => void
		) => {
			events.forEach(onEvent);
			onLog('info', 'counted 3 vowels');
			return answer;
		}
	} as unknown as RunController;
	const log = new RunLog();
	return { xtp: new XtpSuite({ runs, log }, { jspi }), log };
}

async function file(name: string, imports = '') {
	const bytes = await wat(`(module ${imports} (func (export "test") (result i32) (i32.const 0)))`);
	return new File([bytes as Uint8Array<ArrayBuffer>], name);
}
const withAssert = '(import "xtp:test/harness" "assert" (func (param i64 i64 i64)))';

describe('XtpSuite', () => {
	it('groups what the test did, counts it and says so in the console', async () => {
		const events: XtpEvent[] = [
			{ type: 'group', name: 'g' },
			{ type: 'assert', name: 'a', pass: true, reason: '' },
			{ type: 'assert', name: 'b', pass: false, reason: 'why' }
		];
		const { xtp, log } = suite(events, {
			status: 'done',
			ms: 1,
			totals: { ...totals, passed: 1, failed: 1 },
			dropped: 0
		});
		await xtp.load(await file('t.wasm', withAssert));
		await xtp.run();
		expect(xtp.groups.map((g) => [g.name, g.assertions.length])).toEqual([['g', 2]]);
		expect(summaryText(xtp.totals!)).toBe('1 passed, 1 failed');
		expect(xtp.ms).toBe(1);
		expect(xtp.logs).toEqual([{ level: 'info', message: 'counted 3 vowels' }]);
		expect(xtp.notes).toEqual([]);
		expect(log.entries.at(-1)).toMatchObject({
			level: 'warn',
			text: 'Test plugin t.wasm: 1 passed, 1 failed.'
		});
	});

	it('says a test plugin without the harness made no assertions', async () => {
		const { xtp } = suite([], { status: 'done', ms: 2, totals, dropped: 0 });
		await xtp.load(await file('plain.wasm'));
		await xtp.run();
		expect(xtp.notes).toEqual([
			expect.stringMatching(
				/^plain\.wasm imports nothing from xtp:test\/harness, so it cannot call the plugin or make assertions\. Its "test" ran \(.+\); no assertions were made\.$/
			)
		]);
	});

	it('words a stop, a failing test and a blocked run', async () => {
		const cases: [Answer, string][] = [
			[
				{ status: 'stopped', error: runError({ kind: 'stopped' }, 'Stopped.') },
				'Stopped. The plugin instance was discarded; the next run starts a fresh one. Results so far are shown.'
			],
			[
				{
					status: 'done',
					ms: 1,
					totals: { ...totals, passed: 1 },
					dropped: 0,
					error: { phase: 'call', error: runError({ kind: 'trap', trap: 'divide-by-zero' }, 'x') }
				},
				'The test plugin\'s "test" failed: The plugin trapped: integer division by zero.'
			],
			[{ status: 'blocked', text: 'Load a plugin first.' }, 'Load a plugin first.']
		];
		for (const [answer, note] of cases) {
			const { xtp } = suite([], answer);
			await xtp.load(await file('t.wasm', withAssert));
			await xtp.run();
			expect(xtp.notes).toEqual([note]);
		}
	});

	it('refuses a file that is not a test plugin and keeps the previous one', async () => {
		const { xtp } = suite([], { status: 'done', ms: 1, totals, dropped: 0 });
		await xtp.load(await file('good.wasm', withAssert));
		await xtp.load(new File(['not wasm'], 'notes.txt'));
		expect(xtp.problem).toMatch(
			/^notes\.txt cannot be used as a test plugin: This is not a WebAssembly module/
		);
		expect(xtp.file?.name).toBe('good.wasm');
	});

	it('is unavailable without JSPI and runs nothing', async () => {
		let ran = false;
		const runs = { runTestPlugin: async () => ((ran = true), null) } as unknown as RunController;
		const xtp = new XtpSuite({ runs, log: new RunLog() }, { jspi: false });
		await xtp.load(await file('t.wasm', withAssert));
		await xtp.run();
		expect(xtp.unavailable).toBe(NO_JSPI_MESSAGE);
		expect(ran).toBe(false);
	});
});
