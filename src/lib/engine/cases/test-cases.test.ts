import { describe, expect, it } from 'vitest';
import {
	CASE_LIMITS,
	exportCases,
	importCases,
	judge,
	newCaseId,
	type Expectation,
	type TestCase
} from './test-cases';

const tc = (expect: Expectation, extra: Partial<TestCase> = {}): TestCase => ({
	id: 'case-1',
	name: 'vowels',
	fn: 'count_vowels',
	input: 'Hello',
	config: {},
	expect,
	...extra
});
const output = (text: string) => ({ kind: 'output' as const, text });
const error = (text: string) => ({ kind: 'error' as const, text });

describe('judge: expected output', () => {
	it('passes on the exact text', () => {
		expect(judge(tc(output('hello\n')), output('hello\n'))).toEqual({ pass: true });
	});

	it('fails on any other text, with a line diff', () => {
		expect(judge(tc(output('a\nb\nc')), output('a\nB\nc'))).toEqual({
			pass: false,
			diff: [
				{ op: ' ', text: 'a' },
				{ op: '-', text: 'b' },
				{ op: '+', text: 'B' },
				{ op: ' ', text: 'c' }
			]
		});
		expect(judge(tc(output('hello')), output('hello\n')).pass).toBe(false);
		expect(judge(tc(output('Hello')), output('hello')).pass).toBe(false);
	});

	it('compares JSON objects and arrays as parsed JSON', () => {
		const expected = '{"count": 2, "vowels": "aeiou", "list": [1, {"b": 1, "a": 2}]}';
		const actual = '{"list":[1,{"a":2,"b":1}],"vowels":"aeiou","count":2.0}';
		expect(judge(tc(output(expected)), output(actual))).toEqual({ pass: true });
		expect(judge(tc(output('[1, 2]')), output('[2, 1]')).pass).toBe(false);
	});

	it('diffs JSON as sorted, pretty-printed JSON', () => {
		const result = judge(tc(output('{"b": 1, "a": 1}')), output('{"a":1,"b":2}'));
		expect(result).toEqual({
			pass: false,
			diff: [
				{ op: ' ', text: '{' },
				{ op: ' ', text: '  "a": 1,' },
				{ op: '-', text: '  "b": 1' },
				{ op: '+', text: '  "b": 2' },
				{ op: ' ', text: '}' }
			]
		});
	});

	it('compares other JSON values, and broken JSON, as text', () => {
		expect(judge(tc(output('42')), output('42.0')).pass).toBe(false);
		expect(judge(tc(output('"a"')), output(' "a"')).pass).toBe(false);
		expect(judge(tc(output('{"a": 1}')), output('{"a": 1')).pass).toBe(false);
	});

	it('fails when the run errors', () => {
		expect(judge(tc(output('3')), error('Plugin-originated error: boom'))).toEqual({
			pass: false,
			diff: [
				{ op: '-', text: '3' },
				{ op: '+', text: 'Plugin-originated error: boom' }
			]
		});
	});
});

describe('judge: expected error', () => {
	it('passes when the expected text is part of the error', () => {
		const want = tc(error('disk full'));
		expect(judge(want, error('Plugin-originated error: disk full (42)'))).toEqual({ pass: true });
		expect(judge(tc(error('')), error('anything'))).toEqual({ pass: true });
	});

	it('fails on another error, a different case, or output', () => {
		expect(judge(tc(error('disk full')), error('Plugin-originated error: out of memory'))).toEqual({
			pass: false,
			diff: [
				{ op: '-', text: 'disk full' },
				{ op: '+', text: 'Plugin-originated error: out of memory' }
			]
		});
		expect(judge(tc(error('Disk full')), error('disk full')).pass).toBe(false);
		expect(judge(tc(error('disk full')), output('disk full')).pass).toBe(false);
	});
});

describe('file format', () => {
	const cases: TestCase[] = [
		tc(output('{"count":2}'), { id: 'a', config: { mode: 'strict' } }),
		tc(error('bad input'), { id: 'b', name: 'rejects ünïcode', input: '\u0000é\n' })
	];

	it('exports pretty JSON without ids', () => {
		expect(exportCases(cases.slice(0, 1))).toBe(
			[
				'{',
				'  "version": 1,',
				'  "cases": [',
				'    {',
				'      "name": "vowels",',
				'      "fn": "count_vowels",',
				'      "input": "Hello",',
				'      "config": {',
				'        "mode": "strict"',
				'      },',
				'      "expect": {',
				'        "kind": "output",',
				'        "text": "{\\"count\\":2}"',
				'      }',
				'    }',
				'  ]',
				'}',
				''
			].join('\n')
		);
	});

	it('imports what it exports, with fresh ids', () => {
		const result = importCases(exportCases(cases));
		if (!result.ok) throw new Error(result.message);
		const withoutId = (c: TestCase) => ({ ...c, id: undefined });
		expect(result.cases.map(withoutId)).toEqual(cases.map(withoutId));
		const ids = result.cases.map((c) => c.id);
		expect(ids.every((id) => /^case-[0-9a-f]{24}$/.test(id))).toBe(true);
		expect(new Set([...ids, 'a', 'b']).size).toBe(4);
	});

	it('defaults a missing input and config, and ignores an id', () => {
		const file = {
			version: 1,
			cases: [{ id: 'x', name: 'n', fn: 'f', expect: { kind: 'error', text: '' } }]
		};
		const result = importCases(JSON.stringify(file));
		expect(result).toMatchObject({
			ok: true,
			cases: [{ name: 'n', fn: 'f', input: '', config: {} }]
		});
		if (result.ok) expect(result.cases[0].id).not.toBe('x');
	});

	const file = (cases: unknown, version: unknown = 1) => JSON.stringify({ version, cases });
	const good = { name: 'n', fn: 'f', input: '', config: {}, expect: { kind: 'output', text: '' } };

	it.each([
		['not JSON', 'nope', /^This file is not JSON: Unexpected token/],
		[
			'no version',
			'{"cases": []}',
			'This is not a test-case file: expected {"version": 1, "cases": [...]} at the top.'
		],
		[
			'a list at the top',
			'[]',
			'This is not a test-case file: expected {"version": 1, "cases": [...]} at the top.'
		],
		['a later version', file([], 2), 'This file has version 2; this playground reads version 1.'],
		[
			'a version as text',
			file([], '1'),
			'This file has version "1"; this playground reads version 1.'
		],
		['cases not a list', file({}), '"cases" must be a list of test cases.'],
		[
			'too many cases',
			file(Array(201).fill(good)),
			'This file has 201 test cases; at most 200 can be imported.'
		],
		['a case that is not an object', file([good, 'x']), 'Case 2 is not an object.'],
		['a missing name', file([{ ...good, name: undefined }]), 'Case 1: "name" is missing.'],
		[
			'a numeric name',
			file([{ ...good, name: 5 }]),
			'Case 1: "name" must be text, not the number 5.'
		],
		['a blank name', file([{ ...good, name: '  ' }]), 'Case 1 ("  "): "name" must not be empty.'],
		[
			'a long name',
			file([{ ...good, name: 'x'.repeat(201) }]),
			/^Case 1 \("x+"\): "name" is longer than 200 characters\.$/
		],
		[
			'an empty fn',
			file([{ ...good, fn: '' }]),
			'Case 1 ("n"): "fn" (the function to call) must not be empty.'
		],
		[
			'an unknown field',
			file([{ ...good, expected: 'x' }]),
			'Case 1 ("n"): unknown field "expected".'
		],
		[
			'a list as input',
			file([{ ...good, input: [] }]),
			'Case 1 ("n"): "input" must be text, not a list.'
		],
		[
			'config as a list',
			file([{ ...good, config: ['a'] }]),
			'Case 1 ("n"): "config" must be an object of text values, not a list.'
		],
		[
			'a numeric config value',
			file([{ ...good, config: { a: 1 } }]),
			'Case 1 ("n"): config value "a" must be text, not the number 1.'
		],
		['no expect', file([{ ...good, expect: undefined }]), 'Case 1 ("n"): "expect" is missing.'],
		[
			'a bad expect kind',
			file([{ ...good, expect: { kind: 'exact', text: '' } }]),
			'Case 1 ("n"): "expect.kind" must be "output" or "error", not "exact".'
		],
		[
			'expect text missing',
			file([{ ...good, expect: { kind: 'error' } }]),
			'Case 1 ("n"): "expect.text" is missing.'
		]
	])('refuses %s', (_, text, message) => {
		const result = importCases(text);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(message);
	});

	it('limits the input to 256 KiB of UTF-8', () => {
		const max = CASE_LIMITS.textBytes;
		expect(importCases(file([{ ...good, input: 'a'.repeat(max) }])).ok).toBe(true);
		// 'é' is 2 bytes: half as many characters already exceed the limit by one byte.
		const result = importCases(file([{ ...good, input: 'é'.repeat(max / 2) + 'a' }]));
		expect(result).toEqual({ ok: false, message: 'Case 1 ("n"): "input" is larger than 256 KiB.' });
	});

	it('never throws', () => {
		for (const text of ['', 'null', '{"version":1,"cases":null}', '{"version":1,"cases":[null]}']) {
			expect(() => importCases(text)).not.toThrow();
			expect(importCases(text).ok).toBe(false);
		}
	});
});

describe('newCaseId', () => {
	it('makes distinct ids', () => {
		const ids = new Set(Array.from({ length: 100 }, newCaseId));
		expect(ids.size).toBe(100);
	});
});
