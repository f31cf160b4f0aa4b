// The allowed-hosts decision for our own http_request (the synchronous-XHR path), as a function.
// It is loaded with the instance rather than with the worker: an instance granted no host refuses
// every request without minimatch (9 KB gzip), and most plugins are granted none. With JSPI the
// SDK decides with its own bundled copy, so Chromium never fetches ours.
export type HostRule = (url: URL) => boolean;

/** Refuses every host: what a plugin without grants gets. */
export const NO_HOSTS: HostRule = () => false;

/**
 * The rule for these patterns, the SDK's own (host-match.ts). When the matcher cannot be fetched
 * this rejects, so the instance is never made: a grant is never widened by a failure.
 */
export async function loadHostRule(patterns: readonly string[]): Promise<HostRule> {
	if (patterns.length === 0) return NO_HOSTS;
	const { matchingPattern } = await import('./host-match').catch((e: unknown) => {
		const why = e instanceof Error ? e.message : String(e);
		throw new Error(
			`The allowed-hosts check could not be fetched (${why}), so the plugin was not started. Check the connection and run again.`
		);
	});
	const fixed = [...patterns];
	return (url) => matchingPattern(url, fixed) !== null;
}
