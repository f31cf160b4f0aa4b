// Answering a request from the mocks, for both HTTP paths (recorder.ts with JSPI, xhr.ts without).
// Both ask only after the allowed hosts let the request through, and treat the answer as they
// treat a server's: same redirect rule, size limit and header grant.
import { bodyBytes, mocksProblem, type Mock } from './mock';
import { compilePattern } from './pattern';

/** What a mock answers with, ready to hand over. */
export interface MockAnswer {
	/** The mock's URL pattern, for the Network panel's "mocked" mark. */
	pattern: string;
	status: number;
	/** Lower-case names, as a browser reports a response's headers. */
	headers: Record<string, string>;
	body: Uint8Array;
}

export interface MockSet {
	/** The first mock that answers this request, or null: it goes to the network. */
	find(method: string, url: string): MockAnswer | null;
}

export const NO_MOCKS: MockSet = { find: () => null };

/** Throws an Error in words when a mock is invalid: no instance starts with one. */
export function compileMocks(mocks: readonly Mock[]): MockSet {
	if (mocks.length === 0) return NO_MOCKS;
	const problem = mocksProblem(mocks);
	if (problem) throw new Error(problem);
	const compiled = mocks.map((m) => ({
		test: compilePattern(m.url),
		method: m.method?.toUpperCase(),
		answer: toAnswer(m)
	}));
	return {
		find(method, url) {
			let parsed: URL;
			try {
				parsed = new URL(url);
			} catch {
				return null;
			}
			const m = method.toUpperCase();
			const hit = compiled.find((c) => (!c.method || c.method === m) && c.test(parsed));
			// A copy each time: the caller may hand the bytes on (transfer, store).
			return hit ? { ...hit.answer, body: hit.answer.body.slice() } : null;
		}
	};
}

function toAnswer(m: Mock): MockAnswer {
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(m.headers)) {
		// As fetch's Headers keep them, so both paths hand the plugin the same text.
		const name = k.toLowerCase();
		const value = v.trim();
		headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
	}
	if (m.body.kind === 'json' && !('content-type' in headers))
		headers['content-type'] = 'application/json';
	return { pattern: m.url, status: m.status, headers, body: bodyBytes(m.body) };
}

/**
 * The answer as a fetch Response. Fetch makes none with a 1xx status, so such a response is
 * made as 200 and then reports its own status, which is all the SDK and the recorder read.
 */
export function answerResponse(a: MockAnswer): Response {
	return responseWith(
		a.body.length ? (a.body as Uint8Array<ArrayBuffer>) : null,
		a.status,
		a.headers
	);
}

/** A Response with any status from 100 to 599 (see answerResponse). */
export function responseWith(
	body: BodyInit | null,
	status: number,
	headers: HeadersInit,
	statusText = ''
): Response {
	if (status >= 200) return new Response(body, { status, statusText, headers });
	const res = new Response(body, { status: 200, statusText, headers });
	Object.defineProperty(res, 'status', { value: status });
	return res;
}
