// Saved test cases: a plugin author's regression suite, run against the loaded plugin.
import {
	judge,
	type CaseResult,
	type Expectation,
	type TestCase
} from '$lib/engine/cases/test-cases';
import { exportCases, importCases, newCaseId } from '$lib/engine/cases/test-cases-file';
import type { MockResponses } from './mocks.svelte';
import type { RunController } from './run-controller.svelte';
import type { RunLog } from './run-log.svelte';
import type { SetupState } from './setup-state.svelte';

export class TestSuite {
	cases = $state<TestCase[]>([]);
	results = $state<Record<string, CaseResult>>({});
	running = $state(false);
	#setup: SetupState;
	#runs: RunController;
	#log: RunLog;
	#mocks: MockResponses;

	constructor(parts: {
		setup: SetupState;
		runs: RunController;
		log: RunLog;
		mocks: MockResponses;
	}) {
		this.#setup = parts.setup;
		this.#mocks = parts.mocks;
		this.#runs = parts.runs;
		this.#log = parts.log;
	}

	readonly summary: { passed: number; failed: number } | null = $derived.by(() => {
		const done = this.cases.map((c) => this.results[c.id]).filter(Boolean);
		if (!done.length) return null;
		const passed = done.filter((r) => r.pass).length;
		return { passed, failed: done.length - passed };
	});

	/**
	 * A case from what is set up now, expecting what the latest run gave (edit it if wrong). It
	 * keeps the mock responses set now, so it answers the same whatever the page's mocks become.
	 */
	add() {
		const setup = this.#setup;
		const latest = this.#log.latestRun;
		const run = latest?.fn === setup.fn ? latest : null;
		const expect: Expectation = run?.error
			? { kind: 'error', text: run.error.raw }
			: { kind: 'output', text: run?.outputText ?? '' };
		this.cases.push({
			id: newCaseId(),
			name: `Case ${this.cases.length + 1}`,
			fn: setup.fn,
			input: setup.input,
			config: { ...setup.settings.config },
			expect,
			...(this.#mocks.list.length ? { mocks: this.#mocks.snapshot() } : {})
		});
	}

	remove(id: string) {
		this.cases = this.cases.filter((c) => c.id !== id);
		delete this.results[id];
	}

	async runAll() {
		if (this.running) return;
		this.running = true;
		this.results = {};
		try {
			for (const tc of $state.snapshot(this.cases)) {
				const start = performance.now();
				const actual = await this.#runs.runCase(tc);
				if (actual.kind === 'blocked') {
					this.#log.say('error', actual.text);
					return;
				}
				const verdict = judge(tc, actual);
				this.results[tc.id] = { id: tc.id, ...verdict, actual, ms: performance.now() - start };
			}
			const s = this.summary;
			if (s)
				this.#log.say(s.failed ? 'warn' : 'info', `Tests: ${s.passed} passed, ${s.failed} failed.`);
		} finally {
			this.running = false;
		}
	}

	exportJson(): string {
		return exportCases($state.snapshot(this.cases));
	}

	import(text: string) {
		const r = importCases(text);
		if (!r.ok) return this.#log.say('error', `Could not import the test cases: ${r.message}`);
		this.cases.push(...r.cases);
		this.#log.say(
			'info',
			`Imported ${r.cases.length} test case${r.cases.length === 1 ? '' : 's'}.`
		);
	}

	replace(cases: TestCase[]) {
		this.cases = cases;
		this.results = {};
	}
}
