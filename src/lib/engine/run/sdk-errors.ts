// The one place that reads the text of what the SDK and the browser's wasm engine throw. They
// give no codes, only messages (the SDK is a release candidate: its wording may change), so each
// message recognised here has its own test in sdk-errors.test.ts; everything else is 'unknown'.
// Our own host functions throw a RunFailure that already knows its kind and is never parsed.
import { RunFailure, runError, type RunError, type RunErrorDetail } from './run-error';

type Rule = [RegExp, (m: RegExpMatchArray) => RunErrorDetail];

// Order matters where messages overlap: see the comments.
const RULES: Rule[] = [
	// `Call error: HTTP request to "URL" is not allowed (no allowedHosts match "HOST")`
	[
		/HTTP request to "([^"]*)" is not allowed \(no allowedHosts match "([^"]*)"\)/,
		(m) => ({ kind: 'refused', url: m[1], host: m[2] })
	],
	// Before the plugin's own errors: the SDK reports this limit as "Plugin-originated error: …".
	[/var memory limit exceeded/, () => ({ kind: 'var-limit' })],
	[/^Plugin-originated error: ?([\s\S]*)$/, (m) => ({ kind: 'plugin-error', text: m[1] })],
	[/function "(.+)" does not exist/, (m) => ({ kind: 'no-function', fn: m[1] })],
	[/export "(.+)" is not a function/, (m) => ({ kind: 'not-a-function', fn: m[1] })],
	[/WASI is not enabled/, () => ({ kind: 'wasi-off' })],
	[
		/cannot resolve import "([^"]+)" "([^"]+)"/,
		(m) => ({
			kind: 'missing-import',
			module: m[1],
			field: m[2],
			oldPdk: m[1] === 'env' && m[2].startsWith('extism_')
		})
	],
	[
		/Maximum call stack size exceeded|call stack exhausted|too much recursion/i,
		() => ({ kind: 'trap', trap: 'stack-overflow' })
	],
	[/^(?:RuntimeError: )?unreachable/i, () => ({ kind: 'trap', trap: 'unreachable' })],
	[/memory access out of bounds/i, () => ({ kind: 'trap', trap: 'out-of-bounds' })],
	[/integer divide by zero|divide by zero/i, () => ({ kind: 'trap', trap: 'divide-by-zero' })],
	[
		/Out of memory|Cannot allocate Wasm memory|could not allocate memory/i,
		() => ({ kind: 'out-of-memory' })
	],
	// What the SDK throws when a plugin uses a block its allocation never got (Max memory pages).
	[/Offset is outside the bounds of the DataView/, () => ({ kind: 'memory-block' })],
	[/CompileError|WebAssembly\.Module\(\)|WebAssembly\.compile/, () => ({ kind: 'compile' })]
];

/** What a createPlugin or plugin.call rejection means, as a RunError. */
export function fromSdkError(e: unknown): RunError {
	if (e instanceof RunFailure) return e.error;
	const { name, message } = nameAndMessage(e);
	const raw = name && name !== 'Error' ? `${name}: ${message}` : message;
	for (const [test, detail] of RULES) {
		const m = raw.match(test) ?? message.match(test);
		if (m) return runError(detail(m), message, name);
	}
	return runError({ kind: 'unknown' }, message, name);
}

/**
 * The stack of what a call threw, where the wasm frames are (the engine's trap, or a host
 * function's error thrown with wasm below it); kept for the backtrace rather than dropped.
 */
export function stackOf(e: unknown): string | undefined {
	if (e instanceof Error) return e.stack;
	// The SDK's worker mode rejects with a plain {message, originalStack} object.
	if (e && typeof e === 'object' && 'originalStack' in e) {
		const stack = (e as { originalStack: unknown }).originalStack;
		return typeof stack === 'string' ? stack : undefined;
	}
	return undefined;
}

function nameAndMessage(e: unknown): { name: string; message: string } {
	if (e instanceof Error) return { name: e.name, message: e.message };
	if (e && typeof e === 'object' && 'message' in e) {
		// The SDK's worker mode rejects with a plain {message, originalStack} object.
		return { name: 'Error', message: String((e as { message: unknown }).message) };
	}
	return { name: 'Error', message: String(e) };
}
