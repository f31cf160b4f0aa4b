import { describe, expect, it } from 'vitest';
import { emptyForm, formOf, headersText, mockOfForm, parseHeaders, type MockForm } from './form';
import { MAX_MOCK_BODY_BYTES, type Mock } from './mock';

const form = (over: Partial<MockForm> = {}): MockForm => ({
	...emptyForm(),
	url: 'https://api.example.com/todos/*',
	...over
});
const problems = (f: MockForm) => {
	const r = mockOfForm(f);
	return r.ok ? [] : r.problems.map((p) => `${p.field}: ${p.message}`);
};

describe('the mock form', () => {
	it('makes a mock from typed text: method upper-cased, status a number, headers by line', () => {
		const r = mockOfForm(
			form({
				method: 'get',
				status: ' 404 ',
				headers: 'content-type: application/json\n\nx-a: 1\nX-A: 2',
				bodyKind: 'json',
				bodyText: '{"error":"missing"}'
			})
		);
		expect(r).toEqual({
			ok: true,
			mock: {
				url: 'https://api.example.com/todos/*',
				method: 'GET',
				status: 404,
				headers: { 'content-type': 'application/json', 'x-a': '1', 'X-A': '2' },
				body: { kind: 'json', text: '{"error":"missing"}' }
			}
		});
	});

	it('leaves the method out when it is empty (any method) and starts at 200', () => {
		const r = mockOfForm(form());
		expect(r.ok && r.mock).toEqual({
			url: 'https://api.example.com/todos/*',
			status: 200,
			headers: {},
			body: { kind: 'text', text: '' }
		});
	});

	it('says in words what is wrong, field by field', () => {
		expect(problems(form({ url: 'api.example.com/x' }))).toEqual([
			'url: A mock URL starts with http:// or https:// ("api.example.com/x" does not).'
		]);
		expect(problems(form({ status: '600' }))).toEqual([
			'status: A mock status is a whole number from 100 to 599 (got 600).'
		]);
		expect(problems(form({ status: 'ok' }))).toEqual([
			'status: A mock status is a whole number from 100 to 599 (got "ok").'
		]);
		expect(problems(form({ headers: 'content-type application/json' }))).toEqual([
			'headers: Header line 1 ("content-type application/json") is not "name: value".'
		]);
		expect(problems(form({ bodyKind: 'json', bodyText: '{oops' }))[0]).toMatch(
			/^body: The mock body is not valid JSON/
		);
		expect(problems(form({ bodyKind: 'file' }))).toEqual([
			'body: Choose the file whose bytes the mock answers with.'
		]);
		const big = { name: 'big.bin', data: new Uint8Array(MAX_MOCK_BODY_BYTES + 1) };
		expect(problems(form({ bodyKind: 'file', bodyFile: big }))).toEqual([
			'body: The mock body is 262,145 bytes; a mock may hold at most 262,144 bytes (256 KiB).'
		]);
	});

	it('reports every bad field at once', () => {
		expect(
			problems(form({ url: '', status: '99', method: 'G T' })).map((p) => p.split(':')[0])
		).toEqual(['status', 'url', 'method']);
	});

	it('shows a mock as the form it came from', () => {
		const mock: Mock = {
			url: 'https://a.test/x',
			method: 'POST',
			status: 201,
			headers: { 'x-a': '1', 'x-b': 'two' },
			body: { kind: 'file', name: 'b.bin', data: new Uint8Array([1, 2]) }
		};
		const f = formOf(mock);
		expect(f).toMatchObject({ status: '201', headers: 'x-a: 1\nx-b: two', bodyKind: 'file' });
		expect(mockOfForm(f)).toEqual({ ok: true, mock });
		expect(headersText({})).toBe('');
		expect(parseHeaders('a: b: c')).toEqual({ ok: true, value: { a: 'b: c' } });
	});
});
