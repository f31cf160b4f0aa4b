/**
 * The test-case file: `{"version": 1, "cases": [...]}`, pretty JSON. Ids are local to one
 * playground, so they are not written, and every import gets fresh ones. Imports are checked
 * field by field, with messages that say which case is wrong and how.
 */
import type { Expectation, TestCase } from './test-cases';
import type { Mock } from '../http/mocks/mock';
import { isObject, kindOf, utf8Length } from '../util/validate';
import { readMocks, writeMocks } from '../persist/mocks';

export const CASE_LIMITS = {
	cases: 200,
	nameChars: 200,
	fnChars: 200,
	/** UTF-8 bytes, for the input and for the expected text. */
	textBytes: 256 * 1024,
	configEntries: 100,
	/** Characters of the whole file, checked before parsing. */
	fileChars: 128 * 1024 * 1024
} as const;

const VERSION = 1;
const CASE_KEYS = ['id', 'name', 'fn', 'input', 'config', 'expect', 'mocks'];

/** The file's JSON value; share links carry the same value. */
export function casesToJson(cases: TestCase[]) {
	const stored = cases.map(({ name, fn, input, config, expect, mocks }) => ({
		name,
		fn,
		input,
		config,
		expect,
		...(mocks ? { mocks: writeMocks(mocks) } : {})
	}));
	return { version: VERSION, cases: stored };
}

export function exportCases(cases: TestCase[]): string {
	return `${JSON.stringify(casesToJson(cases), null, 2)}\n`;
}

/** casesToJson's inverse for an already parsed value; never throws. */
export function casesFromJson(
	data: unknown
): { ok: true; cases: TestCase[] } | { ok: false; message: string } {
	try {
		return { ok: true, cases: parseValue(data) };
	} catch (err) {
		const message =
			err instanceof Invalid ? err.message : `The test cases could not be read: ${err}`;
		return { ok: false, message };
	}
}

/** A random id (not a UUID: crypto.randomUUID needs a secure context, getRandomValues does not). */
export function newCaseId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	return `case-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

class Invalid extends Error {}

export function importCases(
	text: string
): { ok: true; cases: TestCase[] } | { ok: false; message: string } {
	try {
		return { ok: true, cases: parseFile(text) };
	} catch (err) {
		const message = err instanceof Invalid ? err.message : `This file could not be read: ${err}`;
		return { ok: false, message };
	}
}

function parseFile(text: string): TestCase[] {
	if (text.length > CASE_LIMITS.fileChars) {
		throw new Invalid('This file is too large to be a test-case file.');
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (err) {
		throw new Invalid(`This file is not JSON: ${(err as Error).message}`);
	}
	return parseValue(data);
}

function parseValue(data: unknown): TestCase[] {
	if (!isObject(data) || !('cases' in data) || !('version' in data)) {
		throw new Invalid(
			'This is not a test-case file: expected {"version": 1, "cases": [...]} at the top.'
		);
	}
	if (data.version !== VERSION) {
		throw new Invalid(
			`This file has version ${JSON.stringify(data.version)}; this playground reads version ${VERSION}.`
		);
	}
	const { cases } = data;
	if (!Array.isArray(cases)) throw new Invalid('"cases" must be a list of test cases.');
	if (cases.length > CASE_LIMITS.cases) {
		throw new Invalid(
			`This file has ${cases.length} test cases; at most ${CASE_LIMITS.cases} can be imported.`
		);
	}
	return cases.map((item, i) => parseCase(item, i + 1));
}

function parseCase(item: unknown, n: number): TestCase {
	if (!isObject(item)) throw new Invalid(`Case ${n} is not an object.`);
	const fail = (message: string): never => {
		const name =
			typeof item.name === 'string' && item.name ? ` (${JSON.stringify(item.name)})` : '';
		throw new Invalid(`Case ${n}${name}: ${message}`);
	};
	const unknown = Object.keys(item).find((k) => !CASE_KEYS.includes(k));
	if (unknown !== undefined) fail(`unknown field ${JSON.stringify(unknown)}.`);
	const name = text(item.name, 'name', fail);
	if (name.trim() === '') fail('"name" must not be empty.');
	if (name.length > CASE_LIMITS.nameChars) {
		fail(`"name" is longer than ${CASE_LIMITS.nameChars} characters.`);
	}
	const fn = text(item.fn, 'fn', fail);
	if (fn === '') fail('"fn" (the function to call) must not be empty.');
	if (fn.length > CASE_LIMITS.fnChars)
		fail(`"fn" is longer than ${CASE_LIMITS.fnChars} characters.`);
	const input = sizedText(item.input ?? '', 'input', fail);
	return {
		id: newCaseId(),
		name,
		fn,
		input,
		config: config(item.config, fail),
		expect: expectation(item.expect, fail),
		...(item.mocks !== undefined ? { mocks: mocks(item.mocks, fail) } : {})
	};
}

function mocks(value: unknown, fail: Fail): Mock[] {
	try {
		return readMocks(value);
	} catch (err) {
		return fail(`"mocks": ${err instanceof Error ? err.message : String(err)}`);
	}
}

type Fail = (message: string) => never;

function text(value: unknown, field: string, fail: Fail): string {
	if (value === undefined) fail(`"${field}" is missing.`);
	if (typeof value !== 'string') fail(`"${field}" must be text, not ${kindOf(value)}.`);
	return value as string;
}

function sizedText(value: unknown, field: string, fail: Fail): string {
	const s = text(value, field, fail);
	// A string of n characters has at least n and at most 3n UTF-8 bytes: encode only when it matters.
	if (s.length > CASE_LIMITS.textBytes / 3 && utf8Length(s) > CASE_LIMITS.textBytes) {
		fail(`"${field}" is larger than ${CASE_LIMITS.textBytes / 1024} KiB.`);
	}
	return s;
}

function config(value: unknown, fail: Fail): Record<string, string> {
	if (value === undefined) return {};
	if (!isObject(value)) fail(`"config" must be an object of text values, not ${kindOf(value)}.`);
	const entries = Object.entries(value as object);
	if (entries.length > CASE_LIMITS.configEntries) {
		fail(`"config" has more than ${CASE_LIMITS.configEntries} entries.`);
	}
	for (const [key, v] of entries) {
		if (typeof v !== 'string')
			fail(`config value ${JSON.stringify(key)} must be text, not ${kindOf(v)}.`);
	}
	return Object.fromEntries(entries) as Record<string, string>;
}

function expectation(value: unknown, fail: Fail): Expectation {
	if (value === undefined) fail('"expect" is missing.');
	if (!isObject(value))
		fail(`"expect" must be {"kind": "output" or "error", "text": "…"}, not ${kindOf(value)}.`);
	const { kind, text: expected } = value as Record<string, unknown>;
	if (kind !== 'output' && kind !== 'error') {
		fail(`"expect.kind" must be "output" or "error", not ${kindOf(kind)}.`);
	}
	return { kind: kind as Expectation['kind'], text: sizedText(expected, 'expect.text', fail) };
}
