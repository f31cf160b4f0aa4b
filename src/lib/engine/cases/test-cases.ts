// cases/ — saved test cases: judging a run (this file), the test-case file, the line diff.
// May import util/, and the mock responses a case carries (http/mocks/, persist/mocks.ts).
//
/**
 * Saved test cases: a function, an input and config, and what should come out. `judge` decides
 * whether a run passed and, when it did not, gives a line diff of expected vs actual.
 *
 * Rules:
 * - Expected output: the text must match exactly (case, whitespace, a final newline), except when
 *   both sides are JSON objects or arrays (first non-blank character `{` or `[`): then they are
 *   compared as parsed JSON, so key order and whitespace do not matter (array order does; numbers
 *   compare as JavaScript numbers, so integers beyond 2^53 may look equal).
 * - Expected error: the text is a substring of the actual error message (case-sensitive); an
 *   empty text accepts any error. A run that returns output fails an error case, and vice versa.
 */
import { diffLines, type DiffLine } from './text-diff';
import type { Mock } from '../http/mocks/mock';

export type { DiffLine };

export type Expectation = { kind: 'output'; text: string } | { kind: 'error'; text: string };

export interface TestCase {
	id: string;
	name: string;
	fn: string;
	input: string;
	config: Record<string, string>;
	expect: Expectation;
	/** The case's own mock responses, used instead of the page's (absent: the page's). */
	mocks?: Mock[];
}

export interface Outcome {
	kind: 'output' | 'error';
	text: string;
}

export type CaseResult = {
	id: string;
	pass: boolean;
	actual: Outcome;
	diff?: DiffLine[];
	ms: number;
};

export function judge(tc: TestCase, actual: Outcome): { pass: boolean; diff?: DiffLine[] } {
	const expected = tc.expect;
	if (expected.kind === 'error') {
		if (actual.kind === 'error' && actual.text.includes(expected.text)) return { pass: true };
		return { pass: false, diff: diffLines(expected.text, actual.text) };
	}
	if (actual.kind === 'output') {
		if (actual.text === expected.text) return { pass: true };
		const a = asJson(expected.text);
		const b = asJson(actual.text);
		if (a !== undefined && b !== undefined) {
			// Canonical forms make the diff show real differences, not key order.
			return a === b ? { pass: true } : { pass: false, diff: diffLines(a, b) };
		}
	}
	return { pass: false, diff: diffLines(expected.text, actual.text) };
}

/** Pretty JSON with sorted keys if the text is a JSON object or array; otherwise undefined. */
function asJson(text: string): string | undefined {
	const start = text.trimStart()[0];
	if (start !== '{' && start !== '[') return undefined;
	try {
		return JSON.stringify(sortKeys(JSON.parse(text)), null, 2);
	} catch {
		return undefined;
	}
}

function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value === null || typeof value !== 'object') return value;
	const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
	return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
