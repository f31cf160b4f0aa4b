// Saved test cases: a plugin author's regression suite, run against the loaded plugin.
import {
	exportCases,
	importCases,
	judge,
	newCaseId,
	type CaseResult,
	type Expectation,
	type TestCase
} from '$lib/engine/test-cases';
import type { Playground } from './playground.svelte';

export class TestSuite {
	cases = $state<TestCase[]>([]);
	results = $state<Record<string, CaseResult>>({});
	running = $state(false);
	#pg: Playground;

	constructor(pg: Playground) {
		this.#pg = pg;
	}

	get summary(): { passed: number; failed: number } | null {
		const done = this.cases.map((c) => this.results[c.id]).filter(Boolean);
		if (!done.length) return null;
		const passed = done.filter((r) => r.pass).length;
		return { passed, failed: done.length - passed };
	}

	/** A case from what is set up now, expecting what the latest run gave (edit it if wrong). */
	add() {
		const pg = this.#pg;
		const last = [...pg.log.entries].reverse().find((e) => e.type === 'run');
		const run = last?.type === 'run' && last.run.fn === pg.fn ? last.run : null;
		const expect: Expectation = run?.error
			? { kind: 'error', text: run.error.raw }
			: { kind: 'output', text: run?.outputText ?? '' };
		this.cases.push({
			id: newCaseId(),
			name: `Case ${this.cases.length + 1}`,
			fn: pg.fn,
			input: pg.input,
			config: { ...pg.settings.config },
			expect
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
				const actual = await this.#pg.runCase(tc);
				if (actual.kind === 'blocked') {
					this.#pg.log.say('error', actual.text);
					return;
				}
				const verdict = judge(tc, actual);
				this.results[tc.id] = { id: tc.id, ...verdict, actual, ms: performance.now() - start };
			}
			const s = this.summary;
			if (s)
				this.#pg.log.say(
					s.failed ? 'warn' : 'info',
					`Tests: ${s.passed} passed, ${s.failed} failed.`
				);
		} finally {
			this.running = false;
		}
	}

	exportJson(): string {
		return exportCases($state.snapshot(this.cases));
	}

	import(text: string) {
		const r = importCases(text);
		if (!r.ok) return this.#pg.log.say('error', `Could not import the test cases: ${r.message}`);
		this.cases.push(...r.cases);
		this.#pg.log.say(
			'info',
			`Imported ${r.cases.length} test case${r.cases.length === 1 ? '' : 's'}.`
		);
	}

	replace(cases: TestCase[]) {
		this.cases = cases;
		this.results = {};
	}
}
