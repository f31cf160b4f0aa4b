import { describe, expect, it } from 'vitest';
import {
	bodyBytes,
	MAX_MOCK_BODY_BYTES,
	MAX_MOCKS,
	mockProblems,
	mocksProblem,
	newMock,
	sameMocks,
	type Mock
} from './mock';

const mock = (over: Partial<Mock> = {}): Mock => ({ ...newMock('https://a.test/x'), ...over });
const messages = (m: Mock) => mockProblems(m).map((p) => `${p.field}: ${p.message}`);

describe('mock validation', () => {
	it('accepts a plain mock: 200, no headers, empty text', () => {
		expect(mockProblems(mock())).toEqual([]);
		expect(newMock()).toEqual({
			url: '',
			status: 200,
			headers: {},
			body: { kind: 'text', text: '' }
		});
	});

	it('refuses a status outside 100-599, in words', () => {
		expect(messages(mock({ status: 99 }))).toEqual([
			'status: A mock status is a whole number from 100 to 599 (got 99).'
		]);
		expect(messages(mock({ status: 600 }))).toEqual([
			'status: A mock status is a whole number from 100 to 599 (got 600).'
		]);
		expect(messages(mock({ status: 200.5 }))).toHaveLength(1);
		expect(messages(mock({ status: 100 }))).toEqual([]);
		expect(messages(mock({ status: 599 }))).toEqual([]);
	});

	it('refuses a body over the limit, naming both sizes', () => {
		const data = new Uint8Array(MAX_MOCK_BODY_BYTES + 1);
		expect(messages(mock({ body: { kind: 'file', name: 'big.bin', data } }))).toEqual([
			'body: The mock body is 262,145 bytes; a mock may hold at most 262,144 bytes (256 KiB).'
		]);
		const fits = new Uint8Array(MAX_MOCK_BODY_BYTES);
		expect(messages(mock({ body: { kind: 'file', name: 'ok.bin', data: fits } }))).toEqual([]);
		const text = 'é'.repeat(MAX_MOCK_BODY_BYTES / 2 + 1); // counted in UTF-8 bytes
		expect(messages(mock({ body: { kind: 'text', text } }))[0]).toMatch(/^body: The mock body is/);
	});

	it('refuses an invalid pattern, method, headers, JSON or a body on a no-body status', () => {
		expect(messages(mock({ url: 'a.test' }))).toEqual([
			'url: A mock URL starts with http:// or https:// ("a.test" does not).'
		]);
		expect(messages(mock({ method: 'GE T' }))).toEqual([
			'method: A mock method is a word such as GET or POST (got "GE T").'
		]);
		expect(messages(mock({ headers: { 'bad name': 'x' } }))).toEqual([
			'headers: "bad name" is not a header name: use letters, digits and - (such as content-type).'
		]);
		expect(messages(mock({ headers: { 'x-a': 'one\r\nx-b: two' } }))).toEqual([
			'headers: The header x-a has a value with a line break or NUL, which HTTP does not allow.'
		]);
		expect(messages(mock({ headers: { 'Set-Cookie': 'a=1' } }))).toEqual([
			'headers: A browser never passes Set-Cookie on to a page, so a mock cannot send it.'
		]);
		expect(messages(mock({ body: { kind: 'json', text: '{"a":' } }))[0]).toMatch(
			/^body: The mock body is not valid JSON \(.+\)\.$/
		);
		expect(messages(mock({ status: 204, body: { kind: 'text', text: 'x' } }))).toEqual([
			'body: A 204 response has no body: clear the mock body or choose another status.'
		]);
		expect(messages(mock({ status: 204 }))).toEqual([]);
		expect(messages(mock({ body: { kind: 'file', name: 'r.bin', data: null } }))).toEqual([
			'body: The mock body file "r.bin" did not come with this setup: choose it again.'
		]);
	});

	it('names the first bad mock of a list, and caps the list', () => {
		expect(mocksProblem([mock(), mock({ status: 7 })])).toBe(
			'Mock 2 (https://a.test/x): A mock status is a whole number from 100 to 599 (got 7).'
		);
		expect(mocksProblem([mock()])).toBeNull();
		expect(mocksProblem(Array.from({ length: MAX_MOCKS + 1 }, () => mock()))).toBe(
			`At most ${MAX_MOCKS} mocks can be set.`
		);
	});

	it('gives the body bytes: UTF-8 of text and JSON, a file as it is', () => {
		expect([...bodyBytes({ kind: 'text', text: 'é' })]).toEqual([0xc3, 0xa9]);
		expect([...bodyBytes({ kind: 'json', text: '[1]' })]).toEqual([0x5b, 0x31, 0x5d]);
		expect([...bodyBytes({ kind: 'file', name: 'f', data: new Uint8Array([0, 255]) })]).toEqual([
			0, 255
		]);
	});

	it('tells lists that answer alike from lists that do not', () => {
		const file = (b: number) =>
			mock({ body: { kind: 'file', name: 'f', data: new Uint8Array([b]) } });
		expect(sameMocks([mock()], [mock()])).toBe(true);
		expect(sameMocks([file(1)], [file(1)])).toBe(true);
		expect(sameMocks([file(1)], [file(2)])).toBe(false);
		expect(sameMocks([mock()], [mock({ status: 404 })])).toBe(false);
		expect(sameMocks([mock()], [mock({ method: 'POST' })])).toBe(false);
		expect(sameMocks([mock()], [mock({ headers: { a: '1' } })])).toBe(false);
		expect(sameMocks([mock()], [])).toBe(false);
		expect(
			sameMocks(
				[mock(), mock({ url: 'https://b.test/' })],
				[mock({ url: 'https://b.test/' }), mock()]
			)
		).toBe(false);
	});
});
