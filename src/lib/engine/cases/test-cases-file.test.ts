import { describe, expect, it } from 'vitest';
import type { Expectation, TestCase } from './test-cases';
import { CASE_LIMITS, exportCases, importCases, newCaseId } from './test-cases-file';

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

describe('a test case with its own mocks', () => {
	const mock = {
		url: 'https://api.example.com/todos/*',
		method: 'GET',
		status: 404,
		headers: { 'x-a': '1' },
		body: { kind: 'file' as const, name: 'b.bin', data: new Uint8Array([0, 255]) }
	};

	it('exports and imports them, bytes included', () => {
		const text = exportCases([tc(output('x'), { mocks: [mock] })]);
		expect(JSON.parse(text).cases[0].mocks).toEqual([
			{ ...mock, body: { kind: 'file', name: 'b.bin', data: 'AP8=' } }
		]);
		const back = importCases(text);
		expect(back.ok && back.cases[0].mocks).toEqual([mock]);
		expect(JSON.parse(exportCases([tc(output('x'))])).cases[0]).not.toHaveProperty('mocks');
	});

	it('refuses a bad mock in words, naming the case and the mock', () => {
		const file = {
			version: 1,
			cases: [
				{
					name: 'todo',
					fn: 'f',
					expect: output(''),
					mocks: [
						{ url: 'https://a.test/', status: 700, headers: {}, body: { kind: 'text', text: '' } }
					]
				}
			]
		};
		expect(importCases(JSON.stringify(file))).toEqual({
			ok: false,
			message:
				'Case 1 ("todo"): "mocks": Mock response 1 is refused: A mock status is a whole number from 100 to 599 (got 700).'
		});
	});
});
