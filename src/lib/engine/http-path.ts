// How plugin HTTP can work in this browser, and what is degraded on each path.

export type HttpPath = 'in-thread' | 'sdk-worker' | 'unavailable';

export interface HttpCapabilities {
	/** WebAssembly JS Promise Integration (WebAssembly.Suspending): Chromium has it. */
	jspi: boolean;
	crossOriginIsolated: boolean;
}

/**
 * With JSPI the SDK awaits fetch from inside a wasm call, in our worker. Without it the SDK must
 * run the plugin in a worker of its own and block on a SharedArrayBuffer, which browsers only
 * allow on cross-origin isolated pages.
 */
export function httpPath(caps: HttpCapabilities): HttpPath {
	if (caps.jspi) return 'in-thread';
	return caps.crossOriginIsolated ? 'sdk-worker' : 'unavailable';
}

export function describeHttpPath(path: HttpPath): { summary: string; degraded?: string } {
	switch (path) {
		case 'in-thread':
			return { summary: 'HTTP runs in the plugin worker (this browser has JSPI).' };
		case 'sdk-worker':
			return {
				summary:
					"HTTP runs through the SDK's own worker mode (no JSPI here; the page is cross-origin isolated).",
				degraded:
					'For plugins that make HTTP requests: WASI stdout/stderr are not captured, and each call costs a few milliseconds more.'
			};
		case 'unavailable':
			return {
				summary:
					'HTTP is unavailable: this browser has no JSPI and the page is not cross-origin isolated.',
				degraded:
					'Plugins run, but their HTTP requests get no response. The page must be served with Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp, or reloaded so its service worker can add them.'
			};
	}
}

/** `?jspi=off` makes the playground behave as in a browser without JSPI (to test that path). */
export function jspiForcedOff(search: string): boolean {
	return new URLSearchParams(search).get('jspi') === 'off';
}
