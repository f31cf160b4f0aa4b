// http_request for browsers without JSPI: a synchronous XMLHttpRequest inside our plugin worker.
// The XHR standard allows synchronous requests (with responseType) in dedicated workers, so a
// plain, non-async host function can make the request, and nothing needs cross-origin isolation.
// It keeps the SDK's promises: the same host rule and refusal text, the response size limit,
// response headers only when granted, and a network log entry per request.
import { classifyFetchFailure } from './errors';
import { sampleOf, sentOf } from './exchange';
import type { MockSet } from './mocks/answer';
import { httpFailureMessage, isRedirectStatus, redirectMessage, type HttpEvent } from './recorder';
import type { HostRule } from './host-rule';
import { redirectOutsideHosts, redirectWithheldMessage } from './redirect';
import { fail } from '../run/run-error';

/** The part of XMLHttpRequest we use; a fake stands in for it under unit tests. */
export interface XhrLike {
	open(method: string, url: string, async: false): void;
	setRequestHeader(name: string, value: string): void;
	send(body?: Uint8Array | null): void;
	responseType: XMLHttpRequestResponseType;
	withCredentials: boolean;
	readonly status: number;
	readonly response: unknown;
	readonly responseURL: string;
	getAllResponseHeaders(): string;
}

interface CallContext {
	read(addr: bigint): { json(): unknown; bytes(): Uint8Array } | null;
	store(input: string | Uint8Array): bigint;
}

interface RequestSpec {
	url: string;
	method?: string;
	headers?: Record<string, string>;
	header?: Record<string, string>;
}

export interface XhrHttpOptions {
	/** Whether the allowed hosts let a URL through (host-rule.ts). */
	allows: HostRule;
	maxBytes?: number;
	allowHeaders: boolean;
	emit(ev: HttpEvent): void;
	/** Where the SDK would log "Response body exceeded N bytes". */
	logError(message: string): void;
	newXhr?: () => XhrLike;
	fetchFn?: typeof fetch;
	pageOrigin?: string;
	/** Consulted after the host rule: a mock answers only what the allowed hosts let through. */
	mocks?: MockSet;
}

/** A request the browser could not complete; told apart (CORS or network) after the call. */
class XhrFailed extends Error {
	constructor(
		readonly url: string,
		readonly detail: string,
		readonly event: HttpEvent
	) {
		super(`HTTP request to "${url}" failed: ${detail}`);
	}
}

export function parseResponseHeaders(raw: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const line of raw.split(/\r?\n/)) {
		const i = line.indexOf(':');
		if (i <= 0) continue;
		const name = line.slice(0, i).trim().toLowerCase();
		const value = line.slice(i + 1).trim();
		out[name] = name in out ? `${out[name]}, ${value}` : value;
	}
	return out;
}

export function createXhrHttpFunctions(opts: XhrHttpOptions) {
	const newXhr = opts.newXhr ?? (() => new XMLHttpRequest() as unknown as XhrLike);
	let status = 0;
	let headers: Record<string, string> = {};
	let seq = 0;

	function httpRequest(ctx: CallContext, reqAddr: bigint, bodyAddr: bigint): bigint {
		status = 0;
		headers = {};
		const spec = ctx.read(reqAddr)?.json() as RequestSpec | undefined;
		if (!spec) return 0n;
		const method = (spec.method ?? 'GET').toUpperCase();
		const target = new URL(spec.url);
		// The SDK's own refusal, word for word (people see it as the raw message), typed like ours.
		if (!opts.allows(target)) {
			throw fail(
				// The method too, which the SDK's refusal on the JSPI path does not say.
				{ kind: 'refused', url: String(target), host: target.hostname, method },
				`Call error: HTTP request to "${target}" is not allowed (no allowedHosts match "${target.hostname}")`
			);
		}
		const url = spec.url;
		const body =
			bodyAddr === 0n || method === 'GET' || method === 'HEAD' ? null : ctx.read(bodyAddr)?.bytes();
		const requestHeaders = spec.headers ?? spec.header ?? {};
		const hit = opts.mocks?.find(method, url) ?? null;
		const req = ++seq;
		const start = performance.now();
		const ms = () => performance.now() - start;
		const base = {
			req,
			method,
			url,
			sent: sentOf(requestHeaders, body),
			...(hit ? { mocked: hit.pattern } : {})
		};
		opts.emit({ ...base, state: 'pending', ms: 0 });
		if (hit) {
			// Not followed, as on the fetch path: the mock's target is never asked.
			if (isRedirectStatus(hit.status)) {
				const received = { headers: hit.headers, body: sampleOf(hit.body) };
				opts.emit({ ...base, state: 'redirect', status: hit.status, received, ms: ms() });
				throw fail({ kind: 'redirect', url }, redirectMessage(url));
			}
			return answer(ctx, base, hit.status, hit.headers, hit.body, ms);
		}

		const xhr = newXhr();
		let detail = '';
		try {
			xhr.open(method, url, false);
			xhr.responseType = 'arraybuffer';
			xhr.withCredentials = false;
			for (const [k, v] of Object.entries(requestHeaders)) {
				xhr.setRequestHeader(k, String(v));
			}
			xhr.send(body ? body.slice() : null);
		} catch (e) {
			detail = e instanceof Error ? e.message : String(e);
		}
		// Firefox reports a CORS refusal as status 0 without throwing.
		if (detail || xhr.status === 0) {
			const ev: HttpEvent = { ...base, state: 'failed', ms: ms() };
			throw new XhrFailed(url, detail || 'no response (status 0)', ev);
		}
		const withheld = redirectOutsideHosts(url, xhr.responseURL, opts.allows);
		if (withheld) {
			opts.emit({
				...base,
				state: 'failed',
				failure: 'redirect',
				status: xhr.status,
				detail: withheld.finalUrl,
				ms: ms()
			});
			throw fail(
				{ kind: 'redirect-withheld', url, finalUrl: withheld.finalUrl, host: withheld.hostname },
				redirectWithheldMessage(url, withheld)
			);
		}
		const bytes = new Uint8Array((xhr.response as ArrayBuffer | null) ?? new ArrayBuffer(0));
		const got = parseResponseHeaders(xhr.getAllResponseHeaders());
		return answer(ctx, base, xhr.status, got, bytes, ms);
	}

	/** Hands a response (a server's or a mock's) to the plugin, under the same rules. */
	function answer(
		ctx: CallContext,
		base: Pick<HttpEvent, 'req' | 'method' | 'url' | 'sent' | 'mocked'>,
		code: number,
		got: Record<string, string>,
		bytes: Uint8Array,
		ms: () => number
	): bigint {
		status = code;
		headers = got;
		// The SDK's rule: a body that reaches the limit is dropped and the plugin gets 0.
		if (opts.maxBytes && bytes.length >= opts.maxBytes) {
			// Unlike the SDK's reader, XHR has read it all: the Network panel may show it.
			const received = { headers: got, body: sampleOf(bytes) };
			opts.emit({ ...base, state: 'too-large', status, bytes: bytes.length, received, ms: ms() });
			opts.logError(`Response body exceeded ${opts.maxBytes} bytes`);
			return 0n;
		}
		const received = { headers: got, body: sampleOf(bytes) };
		opts.emit({ ...base, state: 'done', status, bytes: bytes.length, received, ms: ms() });
		return ctx.store(bytes);
	}

	const functions = {
		'extism:host/env': {
			http_request: httpRequest,
			http_status_code: () => status,
			http_headers: (ctx: CallContext) =>
				opts.allowHeaders ? ctx.store(JSON.stringify(headers)) : 0n
		}
	};

	/**
	 * After a call failed: if a request did, tell CORS from network (that needs an await, which a
	 * synchronous host function cannot do), log it, and return the error to report instead.
	 */
	async function explainFailure(e: unknown): Promise<unknown> {
		if (!(e instanceof XhrFailed)) return e;
		const origin = opts.pageOrigin ?? globalThis.location?.origin ?? '';
		const failure = await classifyFetchFailure(
			new TypeError(e.detail),
			e.url,
			origin,
			opts.fetchFn ?? ((input, init) => fetch(input, init))
		);
		opts.emit({ ...e.event, failure, detail: e.detail });
		const message = httpFailureMessage(e.url, failure, e.detail);
		return fail(
			failure === 'cors'
				? { kind: 'cors', url: e.url }
				: { kind: 'network', url: e.url, detail: e.detail },
			message
		);
	}

	return { functions, explainFailure };
}
