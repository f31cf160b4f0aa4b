// A redirect must never hand a plugin a response from a host outside its allowed hosts.
// Synchronous XMLHttpRequest follows redirects by itself (it has no `redirect: 'manual'`), so on
// that path the check comes after the request: the browser has already been there, and all we
// can do is withhold what came back. The wording says exactly that.
import type { HostRule } from './host-rule';

export interface WithheldRedirect {
	/** Where the request ended up (the response's URL). */
	finalUrl: string;
	hostname: string;
}

/** Null when the response may reach the plugin: no redirect, or one to an allowed host. */
export function redirectOutsideHosts(
	requested: string,
	responseUrl: string,
	allows: HostRule
): WithheldRedirect | null {
	// An empty responseURL means the browser did not say; the request itself was allowed.
	if (!responseUrl || responseUrl === requested) return null;
	let final: URL;
	try {
		final = new URL(responseUrl);
	} catch {
		return { finalUrl: responseUrl, hostname: '' };
	}
	if (allows(final)) return null;
	return { finalUrl: final.href, hostname: final.hostname };
}

/** The call's error message (its kind travels with it: run-error.ts). */
export function redirectWithheldMessage(url: string, r: WithheldRedirect): string {
	return (
		`HTTP request to "${url}" was redirected to "${r.finalUrl}" (no allowedHosts match "${r.hostname}"): ` +
		'the browser followed the redirect, and the response was withheld from the plugin'
	);
}
