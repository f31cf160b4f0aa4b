// The words for a person, made from a RunError's kind in this one place (run-error.ts says why
// nothing reads the message). HTTP failures share their words with the Network panel.
import { describeHttpFailure } from '../http/errors';
import type { RunError, RunErrorDetail } from './run-error';
import { SETTINGS } from '../setup/settings-table';

const MAX_PAGES = SETTINGS.maxPages.label;

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

export function explainError(
	err: RunError,
	phase: 'load' | 'call',
	ctx: ErrorContext = {}
): Explained {
	const raw = err.name && err.name !== 'Error' ? `${err.name}: ${err.message}` : err.message;
	return { ...words(err, phase, ctx), raw };
}

function words(
	err: RunError,
	phase: 'load' | 'call',
	ctx: ErrorContext
): { title: string; hint?: string } {
	switch (err.kind) {
		case 'refused':
			return describeHttpFailure('refused', { url: err.url, hostname: err.host });
		case 'redirect':
			return describeHttpFailure('redirect', { url: err.url });
		case 'redirect-withheld':
			return describeHttpFailure('redirect-withheld', { url: err.finalUrl, hostname: err.host });
		case 'cors':
		case 'network':
			return describeHttpFailure(err.kind, { url: err.url, pageOrigin: ctx.pageOrigin });
		case 'too-large':
			return describeHttpFailure('too-large', { url: err.url, limit: err.limit });
		case 'var-limit':
			return {
				title: 'The plugin stored more in vars than "Max var bytes" allows.',
				hint: 'Raise Max var bytes or press Reset to clear the vars.'
			};
		case 'plugin-error':
			return {
				title: `The plugin reported an error: ${err.text || '(empty message)'}`,
				hint: 'The plugin set this error itself (error_set) and returned.'
			};
		case 'no-function':
			return {
				title: `The plugin has no exported function "${err.fn}".`,
				hint: 'Pick one of the functions listed under Function.'
			};
		case 'not-a-function':
			return { title: `"${err.fn}" is exported, but it is not a function.` };
		case 'wasi-off':
			return {
				title: 'This plugin needs WASI, but WASI is off.',
				hint: 'It imports wasi_snapshot_preview1 functions. Switch on WASI and run again.'
			};
		case 'missing-import':
			return err.oldPdk
				? {
						title:
							'This plugin was built for Extism before 1.0 and cannot run on the current runtime.',
						hint: 'Rebuild it with a current Extism PDK.'
					}
				: {
						title: `The plugin imports "${err.field}" from "${err.module}", which this playground does not provide.`,
						hint: 'It expects a host function from the app that embeds it.'
					};
		case 'trap':
			return trapWords(err.trap, phase, ctx);
		case 'out-of-memory':
			return {
				title: 'The plugin ran out of memory.',
				hint: 'The browser refused to give it more memory.'
			};
		case 'memory-block':
			return ctx.maxPages === undefined
				? {
						title: 'The plugin used an Extism memory block that does not exist.',
						hint: 'It read or wrote past the end of a block, or used a freed or made-up handle.'
					}
				: {
						title: `The plugin hit the Extism memory limit ("${MAX_PAGES}" is ${ctx.maxPages}).`,
						hint: 'An allocation was refused, and the plugin then used the missing block.'
					};
		case 'compile':
			return { title: 'The browser could not compile this module.' };
		case 'stopped':
			return {
				title: 'Stopped.',
				hint: 'The plugin instance was discarded; the next run starts a fresh one.'
			};
		case 'timeout':
			return {
				title: `Timed out after ${err.ms} ms and stopped.`,
				hint: 'The instance was discarded; raise "Timeout (ms)" if the plugin needs longer.'
			};
		case 'crashed':
		case 'no-instance':
		case 'unknown': {
			const where = phase === 'load' ? 'while loading the plugin' : 'while running the plugin';
			return { title: `Something failed ${where}: ${err.message}` };
		}
	}
}

function trapWords(
	trap: (RunError & { kind: 'trap' })['trap'],
	phase: 'load' | 'call',
	ctx: ErrorContext
): { title: string; hint?: string } {
	switch (trap) {
		case 'stack-overflow':
			return {
				title: 'The plugin overflowed its call stack.',
				hint: 'This usually means unbounded recursion.'
			};
		case 'unreachable':
			return {
				title:
					phase === 'load'
						? 'The plugin trapped while starting (an "unreachable" instruction ran during instantiation).'
						: 'The plugin trapped: it executed an "unreachable" instruction.',
				hint: 'Compilers emit this for panics, aborts and failed allocations (running out of memory).'
			};
		case 'out-of-bounds':
			return {
				title: 'The plugin trapped: it accessed memory out of bounds.',
				...(ctx.maxPages === undefined
					? {}
					: {
							hint: `${MAX_PAGES} is ${ctx.maxPages}: the plugin's memory cannot grow past it, so an allocation may have failed.`
						})
			};
		case 'divide-by-zero':
			return { title: 'The plugin trapped: integer division by zero.' };
	}
}

/** Title and hint as one line, for a run's notes (a stop, a timeout, a response too large). */
export function explainNote(err: RunErrorDetail): string {
	const x = words({ name: 'Error', message: '', ...err }, 'call', {});
	return x.hint ? `${x.title} ${x.hint}` : x.title;
}
