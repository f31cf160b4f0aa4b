// What went wrong in a run, as data. The kind is set where the failure happens (our host
// functions, the runner, or sdk-errors.ts for what the SDK and the browser throw); code that
// decides something switches on it, and errors.ts makes the words from it. Nobody matches text.

/** One failure and the details its words and decisions need. */
export type RunErrorDetail =
	/** A request to a host outside the allowed hosts, refused before it was sent. */
	| { kind: 'refused'; url: string; host: string; method?: string }
	/** The server answered, but without the CORS headers a page needs to read the response. */
	| { kind: 'cors'; url: string }
	/** The server could not be reached at all. */
	| { kind: 'network'; url: string; detail: string }
	/** A redirect the fetch path did not follow (its target cannot be checked first). */
	| { kind: 'redirect'; url: string }
	/** The XHR path followed a redirect to a host outside the allowed hosts; nothing was passed on. */
	| { kind: 'redirect-withheld'; url: string; finalUrl: string; host: string }
	/**
	 * A response over Max HTTP response bytes. Not a failure of the call (the plugin gets no body
	 * and carries on): the run reports it as a note, in words made here like the others.
	 */
	| { kind: 'too-large'; url: string; limit?: number }
	/** The plugin set an error itself (error_set) and returned. */
	| { kind: 'plugin-error'; text: string }
	/** The SDK refused the call before running anything: no such export. */
	| { kind: 'no-function'; fn: string }
	/** The SDK refused the call before running anything: the export is not a function. */
	| { kind: 'not-a-function'; fn: string }
	/** A var_set over Max var bytes. */
	| { kind: 'var-limit' }
	/** An Extism memory block that does not exist: over Max memory pages, or a bad handle. */
	| { kind: 'memory-block' }
	/** The browser would not give the plugin more memory. */
	| { kind: 'out-of-memory' }
	/** The wasm engine stopped the plugin. */
	| { kind: 'trap'; trap: 'unreachable' | 'stack-overflow' | 'out-of-bounds' | 'divide-by-zero' }
	/** The module imports WASI and WASI is off. */
	| { kind: 'wasi-off' }
	/** An import nobody provides; `oldPdk` when it is a pre-1.0 `env.extism_*` one. */
	| { kind: 'missing-import'; module: string; field: string; oldPdk: boolean }
	| { kind: 'compile' }
	/** The worker died without answering. */
	| { kind: 'crashed' }
	/** A call reached a worker that holds no instance. */
	| { kind: 'no-instance' }
	/** The runner's timer ran out; `ms` is the timeout that was set. */
	| { kind: 'timeout'; ms: number }
	/** Someone pressed Stop. */
	| { kind: 'stopped' }
	/** Anything not recognised: shown with its own message. */
	| { kind: 'unknown' };

export type RunErrorKind = RunErrorDetail['kind'];

/**
 * As it crosses postMessage. `name` and `message` are what was thrown (shown to people who want
 * the original); decisions never read them.
 */
export type RunError = RunErrorDetail & { name: string; message: string };

export function runError(detail: RunErrorDetail, message: string, name = 'Error'): RunError {
	return { ...detail, name, message };
}

/**
 * Thrown by our own host functions and fetch. The SDK passes a host function's exception through
 * the wasm call unchanged, so it reaches the worker host as this object, kind and all.
 */
export class RunFailure extends Error {
	constructor(readonly error: RunError) {
		super(error.message);
	}
}

export function fail(detail: RunErrorDetail, message: string): RunFailure {
	return new RunFailure(runError(detail, message));
}

/**
 * Whether the instance may take the next call after this failure. A trap can leave it
 * half-updated; the plugin's own error_set, the var limit (the SDK refuses the write) or a call
 * the SDK refused before running anything cannot. Every kind is listed, so a new one needs a
 * decision.
 */
export function keepsInstance(e: RunError): boolean {
	switch (e.kind) {
		case 'plugin-error':
		case 'var-limit':
		case 'no-function':
		case 'not-a-function':
			return true;
		case 'refused':
		case 'cors':
		case 'network':
		case 'redirect':
		case 'redirect-withheld':
		case 'too-large':
		case 'memory-block':
		case 'out-of-memory':
		case 'trap':
		case 'wasi-off':
		case 'missing-import':
		case 'compile':
		case 'crashed':
		case 'no-instance':
		case 'timeout':
		case 'stopped':
		case 'unknown':
			return false;
	}
}
