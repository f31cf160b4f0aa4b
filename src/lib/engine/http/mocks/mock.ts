// A mock response: what answers a plugin's request instead of the network, and the words for a
// mock that cannot be one. The page checks a mock with mockProblems before it is used; the worker
// checks again (compileMocks) and refuses to start with a bad one.
import { patternProblem } from './pattern';

/**
 * The largest body a mock holds. Mocks stand in for API answers (JSON, mostly far smaller); the
 * bound keeps a saved setup (carried as link JSON, at most 2 MiB) able to hold a few of them, and
 * the Network panel keeps response bodies up to the same size (MAX_RECORDED_BODY_BYTES), so any
 * body a mock may hold can be recorded from a real response.
 */
export const MAX_MOCK_BODY_BYTES = 256 * 1024;
export const MAX_MOCKS = 64;
export const MAX_MOCK_HEADERS = 64;
export const MAX_HEADER_NAME_CHARS = 256;
export const MAX_HEADER_VALUE_CHARS = 8 * 1024;

/** Exact, so a body one byte over the limit does not read as the limit itself. */
export function bytesText(n: number): string {
	const exact = `${n.toLocaleString('en')} bytes`;
	return n % 1024 === 0 ? `${exact} (${n / 1024} KiB)` : exact;
}

/** Statuses whose response has no body (fetch refuses to make one with a body). */
export const NULL_BODY_STATUSES: readonly number[] = [101, 204, 205, 304];

export type MockBody =
	| { kind: 'text'; text: string }
	/**
	 * JSON text, sent as written. Without a content-type header of its own, the response says
	 * `content-type: application/json`, as an API would.
	 */
	| { kind: 'json'; text: string }
	/** A file's bytes; null when it was too large to travel in a link (named, loaded by hand). */
	| { kind: 'file'; name: string; data: Uint8Array | null };

export interface Mock {
	/** An exact URL or a glob (pattern.ts). */
	url: string;
	/** Answers only this method (upper case); absent: any method. */
	method?: string;
	/** 100–599. */
	status: number;
	/** Response headers, as sent. */
	headers: Record<string, string>;
	body: MockBody;
}

export type MockField = 'url' | 'method' | 'status' | 'headers' | 'body';
export interface MockProblem {
	field: MockField;
	message: string;
}

/** A mock as the page's form starts it: 200, no headers, empty text. */
export function newMock(url = ''): Mock {
	return { url, status: 200, headers: {}, body: { kind: 'text', text: '' } };
}

export function methodProblem(method: string | undefined): string | null {
	if (method === undefined || method === '') return null;
	return /^[A-Za-z]{1,16}$/.test(method)
		? null
		: `A mock method is a word such as GET or POST (got "${method.slice(0, 20)}").`;
}

export function statusProblem(status: number): string | null {
	return Number.isInteger(status) && status >= 100 && status <= 599
		? null
		: `A mock status is a whole number from 100 to 599 (got ${String(status).slice(0, 20)}).`;
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function headersProblem(headers: Record<string, string>): string | null {
	const entries = Object.entries(headers);
	if (entries.length > MAX_MOCK_HEADERS)
		return `A mock may have at most ${MAX_MOCK_HEADERS} headers.`;
	for (const [name, value] of entries) {
		if (!TOKEN.test(name) || name.length > MAX_HEADER_NAME_CHARS)
			return `"${name.slice(0, 40)}" is not a header name: use letters, digits and - (such as content-type).`;
		// Neither fetch nor XMLHttpRequest ever shows these to a page, so no plugin here sees them.
		if (['set-cookie', 'set-cookie2'].includes(name.toLowerCase()))
			return `A browser never passes ${name} on to a page, so a mock cannot send it.`;
		if (typeof value !== 'string' || /[\r\n\0]/.test(value))
			return `The header ${name} has a value with a line break or NUL, which HTTP does not allow.`;
		if (value.length > MAX_HEADER_VALUE_CHARS)
			return `The header ${name} is longer than ${MAX_HEADER_VALUE_CHARS.toLocaleString('en')} characters.`;
	}
	return null;
}

/** The bytes a body answers with: UTF-8 for text and JSON, the file's own bytes. */
export function bodyBytes(body: MockBody): Uint8Array {
	if (body.kind === 'file') return body.data ?? new Uint8Array();
	return new TextEncoder().encode(body.text);
}

export function bodyProblem(body: MockBody, status: number): string | null {
	if (body.kind === 'file' && body.data === null)
		return `The mock body file "${body.name}" did not come with this setup: choose it again.`;
	if (body.kind === 'json') {
		try {
			JSON.parse(body.text);
		} catch (e) {
			return `The mock body is not valid JSON (${e instanceof Error ? e.message : String(e)}).`;
		}
	}
	const size = bodyBytes(body).length;
	if (size > MAX_MOCK_BODY_BYTES)
		return `The mock body is ${bytesText(size)}; a mock may hold at most ${bytesText(MAX_MOCK_BODY_BYTES)}.`;
	if (size > 0 && NULL_BODY_STATUSES.includes(status))
		return `A ${status} response has no body: clear the mock body or choose another status.`;
	return null;
}

/** Every problem of a mock, one per field at most; empty when it can answer requests. */
export function mockProblems(mock: Mock): MockProblem[] {
	const found: [MockField, string | null][] = [
		['url', patternProblem(mock.url)],
		['method', methodProblem(mock.method)],
		['status', statusProblem(mock.status)],
		['headers', headersProblem(mock.headers)],
		['body', bodyProblem(mock.body, mock.status)]
	];
	return found.flatMap(([field, message]) => (message ? [{ field, message }] : []));
}

/** The problem of a list of mocks, naming the first bad one; null when all can be used. */
export function mocksProblem(mocks: readonly Mock[]): string | null {
	if (mocks.length > MAX_MOCKS) return `At most ${MAX_MOCKS} mocks can be set.`;
	for (const [i, m] of mocks.entries()) {
		const p = mockProblems(m)[0];
		if (p) return `Mock ${i + 1} (${m.url.slice(0, 60) || 'no URL'}): ${p.message}`;
	}
	return null;
}

/** Whether two lists answer every request alike (instances are made per list). */
export function sameMocks(a: readonly Mock[], b: readonly Mock[]): boolean {
	return a.length === b.length && a.every((m, i) => sameMock(m, b[i]));
}

function sameMock(a: Mock, b: Mock): boolean {
	const key = (m: Mock) =>
		JSON.stringify([m.url, m.method ?? '', m.status, m.headers, m.body.kind, bodyName(m.body)]);
	const x = bodyBytes(a.body);
	const y = bodyBytes(b.body);
	return key(a) === key(b) && x.length === y.length && x.every((v, i) => v === y[i]);
}

const bodyName = (b: MockBody) => (b.kind === 'file' ? b.name : '');
