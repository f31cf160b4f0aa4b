// A fetch for the SDK's `fetch` option that reports every request a plugin makes.
import { classifyFetchFailure } from './errors';
import { bodyCollector, sampleOf, sentOf, type HttpReceived, type HttpSent } from './exchange';
import { answerResponse, responseWith, type MockSet } from './mocks/answer';
import { fail } from '../run/run-error';

export type HttpState = 'pending' | 'done' | 'too-large' | 'failed' | 'redirect';

export interface HttpEvent {
	/** Request number within the worker; later events for the same request replace earlier ones. */
	req: number;
	method: string;
	url: string;
	state: HttpState;
	status?: number;
	/** Response body bytes read so far (all of them once done). */
	bytes?: number;
	ms: number;
	/** 'redirect': the response came from a host outside the allowed hosts and was withheld. */
	failure?: 'cors' | 'network' | 'redirect';
	detail?: string;
	/** Set when a mock answered (the request never reached the network): the mock's URL pattern. */
	mocked?: string;
	/** What was sent; on every event of the request. */
	sent?: HttpSent;
	/**
	 * What came back (status is `status`); on the last event once a response arrived: 'done',
	 * 'too-large' (the body as far as it was read), a 'redirect' that reports its status.
	 */
	received?: HttpReceived;
}

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** The message a redirected request rejects with (its kind travels with it: run-error.ts). */
export function redirectMessage(url: string) {
	return `HTTP request to "${url}" was redirected: redirects are not followed`;
}

/**
 * With `redirect: 'manual'` a browser answers a redirect with an opaque response (type
 * "opaqueredirect", status 0) and hides its target; other fetch implementations give the 3xx.
 */
function isRedirect(res: Response): boolean {
	return res.type === 'opaqueredirect' || isRedirectStatus(res.status);
}

/** The statuses fetch treats as redirects; a mock with one is answered as a server's would be. */
export function isRedirectStatus(status: number): boolean {
	return [301, 302, 303, 307, 308].includes(status);
}

/** The message a failed request rejects with (its kind travels with it: run-error.ts). */
export function httpFailureMessage(url: string, failure: 'cors' | 'network', detail: string) {
	const what =
		failure === 'cors'
			? 'the server does not allow browser access (CORS)'
			: `the server could not be reached (${detail})`;
	return `HTTP request to "${url}" failed: ${what}`;
}

export function createRecordingFetch(
	emit: (ev: HttpEvent) => void,
	opts: { maxBytes?: number; fetchFn?: Fetch; pageOrigin?: string; mocks?: MockSet } = {}
): Fetch {
	const fetchFn = opts.fetchFn ?? ((input, init) => fetch(input, init));
	let seq = 0;
	return async (input, init) => {
		const req = ++seq;
		const url = String(input instanceof Request ? input.url : input);
		const method = (init?.method ?? 'GET').toUpperCase();
		const start = performance.now();
		const ms = () => performance.now() - start;
		// The SDK has checked the allowed hosts before calling this fetch: a mock answers only
		// what a real host would have been asked.
		const hit = opts.mocks?.find(method, url) ?? null;
		const base = {
			req,
			method,
			url,
			sent: sentOf(init?.headers, init?.body),
			...(hit ? { mocked: hit.pattern } : {})
		};
		emit({ ...base, state: 'pending', ms: 0 });
		let res: Response;
		try {
			// A followed redirect would carry the request to a host nobody allowed: the browser
			// hides a redirect's target until it has sent the request there, so none is followed.
			res = hit
				? answerResponse(hit)
				: await fetchFn(input, { ...init, credentials: 'omit', redirect: 'manual' });
		} catch (e) {
			const detail = e instanceof Error ? e.message : String(e);
			const origin = opts.pageOrigin ?? globalThis.location?.origin ?? '';
			const failure = await classifyFetchFailure(e, url, origin, fetchFn as typeof fetch);
			emit({ ...base, state: 'failed', failure, detail, ms: ms() });
			const message = httpFailureMessage(url, failure, detail);
			throw fail(
				failure === 'cors' ? { kind: 'cors', url } : { kind: 'network', url, detail },
				message
			);
		}
		const headers = Object.fromEntries(res.headers);
		if (isRedirect(res)) {
			emit({
				...base,
				state: 'redirect',
				// A browser's opaque redirect says nothing: no status, no headers.
				...(res.status
					? { status: res.status, received: { headers, body: sampleOf(new Uint8Array()) } }
					: {}),
				ms: ms()
			});
			throw fail({ kind: 'redirect', url }, redirectMessage(url));
		}
		const status = res.status;
		emit({ ...base, state: 'pending', status, bytes: 0, ms: ms() });
		// Null-body statuses (204, 304…) cannot be rebuilt with a stream.
		if (!res.body || [101, 204, 205, 304].includes(status)) {
			const received = { headers, body: sampleOf(new Uint8Array()) };
			emit({ ...base, state: 'done', status, bytes: 0, received, ms: ms() });
			return res;
		}
		const body = bodyCollector();
		let over = false;
		const counter = new TransformStream<Uint8Array, Uint8Array>({
			transform(chunk, ctl) {
				body.add(chunk);
				const bytes = body.size;
				// The SDK stops reading at its limit and never cancels the stream: report it here.
				if (!over && opts.maxBytes && bytes >= opts.maxBytes) {
					over = true;
					const received = { headers, body: body.sample(false) };
					emit({ ...base, state: 'too-large', status, bytes, received, ms: ms() });
				}
				ctl.enqueue(chunk);
			},
			flush() {
				if (over) return;
				const received = { headers, body: body.sample(true) };
				emit({ ...base, state: 'done', status, bytes: body.size, received, ms: ms() });
			}
		});
		return responseWith(res.body.pipeThrough(counter), status, res.headers, res.statusText);
	};
}
