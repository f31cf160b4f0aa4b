import { describe, expect, it } from 'vitest';
import { judge, type Expectation, type TestCase } from './test-cases';

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
