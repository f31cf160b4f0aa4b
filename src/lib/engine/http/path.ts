// How plugin HTTP works in this browser. Both paths run inside our plugin worker.

export type HttpPath = 'jspi' | 'sync-xhr';

export interface HttpCapabilities {
	/** WebAssembly JS Promise Integration (WebAssembly.Suspending): Chromium and Firefox have it. */
	jspi: boolean;
}

/**
 * With JSPI the SDK awaits fetch from inside a wasm call. Without it (WebKit/Safari), our own
 * http_request makes a synchronous XMLHttpRequest, which dedicated workers allow; neither path
 * needs cross-origin isolation or SharedArrayBuffer.
 */
export function httpPath(caps: HttpCapabilities): HttpPath {
	return caps.jspi ? 'jspi' : 'sync-xhr';
}

export function describeHttpPath(path: HttpPath): { summary: string; degraded?: string } {
	switch (path) {
		case 'jspi':
			return { summary: 'HTTP runs in the plugin worker (this browser has JSPI).' };
		case 'sync-xhr':
			return {
				summary:
					'HTTP runs in the plugin worker through synchronous XMLHttpRequest (this browser has no JSPI).',
				degraded:
					'The browser follows redirects itself here: one to a host outside the allowed hosts still reaches that host, but its response is withheld from the plugin.'
			};
	}
}

/** `?jspi=off` makes the playground behave as in a browser without JSPI (to test that path). */
export function jspiForcedOff(search: string): boolean {
	return new URLSearchParams(search).get('jspi') === 'off';
}

/** This browser's path, unless `?jspi=off` asks for the one without JSPI. */
export function detectHttpPath(search: string): { path: HttpPath; noJspi: boolean } {
	const noJspi = jspiForcedOff(search);
	const jspi =
		!noJspi && typeof (WebAssembly as { Suspending?: unknown }).Suspending === 'function';
	return { path: httpPath({ jspi }), noJspi };
}
