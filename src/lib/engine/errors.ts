// Turns what the SDK, the browser and wasm throw into sentences a person can act on.
import { describeHttpFailure } from './http-errors';
import { REDIRECT_WITHHELD } from './http-redirect';
import type { WireError } from './protocol';

export interface Explained {
	/** One sentence: what happened. */
	title: string;
	/** What to do about it, or the raw detail when nothing better is known. */
	hint?: string;
	/** The original message, kept for people who want it. */
	raw: string;
}

export interface ErrorContext {
	/** The page's origin, named in CORS advice. */
	pageOrigin?: string;
	/** Max memory pages, when set: only then may a memory failure blame it. */
	maxPages?: number;
}

interface Rule {
	test: RegExp;
	explain(m: RegExpMatchArray, phase: 'load' | 'call', ctx: ErrorContext): Omit<Explained, 'raw'>;
}

/** The URL and hostname of a refused request, from the SDK's refusal message. */
export const REFUSAL =
	/HTTP request to "([^"]*)" is not allowed \(no allowedHosts match "([^"]*)"\)/;

const RULES: Rule[] = [
	{
		test: REFUSAL,
		explain: (m) => describeHttpFailure('refused', { url: m[1], hostname: m[2] })
	},
	{
		// Thrown by http-recorder.ts for a redirect it did not follow.
		test: /HTTP request to "([^"]*)" was redirected: redirects are not followed/,
		explain: (m) => describeHttpFailure('redirect', { url: m[1] })
	},
	{
		// Thrown on the XHR path, which cannot stop the browser from following (http-redirect.ts).
		test: REDIRECT_WITHHELD,
		explain: (m) => describeHttpFailure('redirect-withheld', { url: m[2], hostname: m[3] })
	},
	{
		// Thrown by http-recorder.ts when the browser's fetch fails.
		test: /HTTP request to "([^"]*)" failed: the server (does not allow browser access|could not be reached)/,
		explain: (m, _p, ctx) =>
			describeHttpFailure(m[2].startsWith('does not') ? 'cors' : 'network', {
				url: m[1],
				pageOrigin: ctx.pageOrigin
			})
	},
	// Before the plugin's own errors: the SDK reports this limit as "Plugin-originated error: …".
	{
		test: /var memory limit exceeded/,
		explain: () => ({
			title: 'The plugin stored more in vars than "Max var bytes" allows.',
			hint: 'Raise Max var bytes or press Reset to clear the vars.'
		})
	},
	{
		test: /^Plugin-originated error: ?([\s\S]*)$/,
		explain: (m) => ({
			title: `The plugin reported an error: ${m[1] || '(empty message)'}`,
			hint: 'The plugin set this error itself (error_set) and returned.'
		})
	},
	{
		test: /function "(.+)" does not exist/,
		explain: (m) => ({
			title: `The plugin has no exported function "${m[1]}".`,
			hint: 'Pick one of the functions listed under Function.'
		})
	},
	{
		test: /export "(.+)" is not a function/,
		explain: (m) => ({ title: `"${m[1]}" is exported, but it is not a function.` })
	},
	{
		test: /WASI is not enabled/,
		explain: () => ({
			title: 'This plugin needs WASI, but WASI is off.',
			hint: 'It imports wasi_snapshot_preview1 functions. Switch on WASI and run again.'
		})
	},
	{
		test: /cannot resolve import "env" "(extism_[^"]*)"/,
		explain: () => ({
			title: 'This plugin was built for Extism before 1.0 and cannot run on the current runtime.',
			hint: 'Rebuild it with a current Extism PDK.'
		})
	},
	{
		test: /cannot resolve import "([^"]+)" "([^"]+)"/,
		explain: (m) => ({
			title: `The plugin imports "${m[2]}" from "${m[1]}", which this playground does not provide.`,
			hint: 'It expects a host function from the app that embeds it.'
		})
	},
	{
		test: /Maximum call stack size exceeded|call stack exhausted|too much recursion/i,
		explain: () => ({
			title: 'The plugin overflowed its call stack.',
			hint: 'This usually means unbounded recursion.'
		})
	},
	{
		test: /^(?:RuntimeError: )?unreachable/i,
		explain: (_m, phase) => ({
			title:
				phase === 'load'
					? 'The plugin trapped while starting (an "unreachable" instruction ran during instantiation).'
					: 'The plugin trapped: it executed an "unreachable" instruction.',
			hint: 'Compilers emit this for panics, aborts and failed allocations (running out of memory).'
		})
	},
	{
		test: /memory access out of bounds/i,
		explain: (_m, _p, ctx) => ({
			title: 'The plugin trapped: it accessed memory out of bounds.',
			...(ctx.maxPages === undefined
				? {}
				: {
						hint: `Max memory pages is ${ctx.maxPages}: the plugin's memory cannot grow past it, so an allocation may have failed.`
					})
		})
	},
	{
		test: /integer divide by zero|divide by zero/i,
		explain: () => ({ title: 'The plugin trapped: integer division by zero.' })
	},
	{
		test: /Out of memory|Cannot allocate Wasm memory|could not allocate memory/i,
		explain: () => ({
			title: 'The plugin ran out of memory.',
			hint: 'The browser refused to give it more memory.'
		})
	},
	{
		test: /Offset is outside the bounds of the DataView/,
		explain: (_m, _p, ctx) =>
			ctx.maxPages === undefined
				? {
						title: 'The plugin used an Extism memory block that does not exist.',
						hint: 'It read or wrote past the end of a block, or used a freed or made-up handle.'
					}
				: {
						title: `The plugin hit the Extism memory limit ("Max memory pages" is ${ctx.maxPages}).`,
						hint: 'An allocation was refused, and the plugin then used the missing block.'
					}
	},
	{
		test: /CompileError|WebAssembly\.Module\(\)|WebAssembly\.compile/,
		explain: () => ({ title: 'The browser could not compile this module.' })
	}
];

export function explainError(
	err: WireError,
	phase: 'load' | 'call',
	ctx: ErrorContext = {}
): Explained {
	const raw = err.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : err.message;
	for (const rule of RULES) {
		const m = raw.match(rule.test) ?? err.message.match(rule.test);
		if (m) return { ...rule.explain(m, phase, ctx), raw };
	}
	const where = phase === 'load' ? 'while loading the plugin' : 'while running the plugin';
	return { title: `Something failed ${where}: ${err.message}`, raw };
}
