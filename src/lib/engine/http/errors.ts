// What went wrong with a plugin's HTTP request, in words for the network log and the console.
// The plugin itself only sees "no response"; these messages say why and what to change.
import type { RunErrorKind } from '../run/run-error';

/** The HTTP kinds of a RunError: the same names, so a run's error and a Network row agree. */
export type HttpFailure = Extract<
	RunErrorKind,
	'refused' | 'redirect' | 'redirect-withheld' | 'cors' | 'network' | 'too-large'
>;

export type HttpFailureContext = {
	url: string;
	hostname?: string;
	/** Max HTTP response bytes, for 'too-large'. */
	limit?: number;
	/** The page's own origin, e.g. "https://playground.example". */
	pageOrigin?: string;
};

export function describeHttpFailure(
	kind: HttpFailure,
	ctx: HttpFailureContext
): { title: string; hint: string } {
	const url = parse(ctx.url);
	const origin = url?.origin ?? ctx.url;
	const host = ctx.hostname ?? url?.hostname ?? ctx.url;
	switch (kind) {
		case 'refused':
			return {
				title: `Refused: "${host}" is not in the allowed hosts.`,
				hint: `Add it under Allowed hosts (or click "Allow ${host}").`
			};
		case 'redirect':
			return {
				title: `Redirect not followed: ${ctx.url} answered with a redirect.`,
				hint:
					'The plugin got no response. A browser does not say where a redirect leads before it ' +
					'sends the request there, so the target could not be checked against the allowed ' +
					'hosts first, and the playground follows no redirects. Request the final address ' +
					'directly (and allow its host). The CLI follows redirects.'
			};
		case 'cors':
			return {
				title: `The server at ${origin} does not allow browser access (CORS).`,
				hint:
					'Browsers only let a page read a cross-origin response when the server sends ' +
					`Access-Control-Allow-Origin: ${ctx.pageOrigin ?? "this page's origin"} (or *) — and for a POST ` +
					'with JSON, answers the OPTIONS preflight with Access-Control-Allow-Methods and ' +
					'Access-Control-Allow-Headers: content-type. The CLI has no such rule; in a browser it ' +
					'cannot be turned off.'
			};
		case 'network':
			return {
				title: `Could not reach ${origin}.`,
				hint: isMixedContent(url, ctx.pageOrigin)
					? 'This page is served over HTTPS, so the browser blocks requests to plain http:// ' +
						'addresses (mixed content). Use an https:// URL.'
					: 'The server did not answer: the name may not resolve (DNS), the connection may have ' +
						'been refused, or the server is down. Check the URL and that the server is running.'
			};
		case 'too-large':
			return {
				title:
					ctx.limit === undefined
						? 'The response was larger than Max HTTP response bytes.'
						: `The response was larger than Max HTTP response bytes (${ctx.limit.toLocaleString('en-US')}).`,
				hint:
					'The plugin got no response body. Raise Max HTTP response bytes in the settings ' +
					'(like --http-response-max for extism call) and run again.'
			};
		case 'redirect-withheld':
			return {
				title: `Redirected to "${host}", which is not in the allowed hosts: the response was withheld.`,
				hint:
					'In this browser plugin HTTP uses synchronous XMLHttpRequest, which follows redirects ' +
					'by itself, so the request did reach that host; the plugin got nothing from it. Allow ' +
					'the host if it is meant to be reached, or request the final URL directly.'
			};
	}
}

function parse(url: string): URL | null {
	try {
		return new URL(url);
	} catch {
		return null;
	}
}

/** Browsers treat loopback addresses as secure, so only other http:// hosts are blocked. */
function isMixedContent(url: URL | null, pageOrigin: string | undefined): boolean {
	if (!url || url.protocol !== 'http:' || !pageOrigin?.startsWith('https:')) return false;
	const host = url.hostname;
	return !(
		host === 'localhost' ||
		host.endsWith('.localhost') ||
		host === '[::1]' ||
		/^127\./.test(host)
	);
}

/**
 * A first guess without touching the network. A failed cross-origin `fetch` gives the same
 * TypeError ("Failed to fetch") for a CORS refusal and for an unreachable server, so 'cors' here
 * only means "possibly CORS": confirm it with {@link probeCors} (or use {@link classifyFetchFailure}).
 */
export function classifyFetchError(
	err: unknown,
	url: string,
	pageOrigin: string
): 'cors' | 'network' {
	if (!(err instanceof TypeError)) return 'network';
	const target = parse(url);
	if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) return 'network';
	// CORS never applies to the page's own origin, and mixed content is blocked before CORS.
	if (target.origin === pageOrigin || isMixedContent(target, pageOrigin)) return 'network';
	return 'cors';
}

/**
 * Tells CORS from network failures after a failed fetch: a `no-cors` request gets an opaque
 * response from any server that answers, so if it resolves, the first failure was CORS.
 * On a page with COEP require-corp, opaque responses without Cross-Origin-Resource-Policy are
 * blocked too, so there a reachable server may still come out as 'network'.
 */
export async function probeCors(
	url: string,
	fetchFn: typeof fetch = fetch,
	timeoutMs = 5000
): Promise<'cors' | 'network'> {
	try {
		await fetchFn(url, {
			mode: 'no-cors',
			method: 'GET',
			credentials: 'omit',
			cache: 'no-store',
			signal: AbortSignal.timeout(timeoutMs)
		});
		return 'cors';
	} catch {
		return 'network';
	}
}

/** {@link classifyFetchError}, confirmed by {@link probeCors} when it says 'cors'. */
export async function classifyFetchFailure(
	err: unknown,
	url: string,
	pageOrigin: string,
	fetchFn: typeof fetch = fetch
): Promise<'cors' | 'network'> {
	if (classifyFetchError(err, url, pageOrigin) === 'network') return 'network';
	return probeCors(url, fetchFn);
}
