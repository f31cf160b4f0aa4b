// The plugin worker's logic, apart from the Worker global so it can run under unit tests in Node.
import { createHttpHostFunctions } from '../http/functions';
import { createRecordingFetch } from '../http/recorder';
import { httpPath, type HttpCapabilities } from '../http/path';
import { loadHostRule } from '../http/host-rule';
import { compileMocks } from '../http/mocks/answer';
import { watchRequests, type RequestWatch } from '../http/request-watch';
import type { HttpEvent } from '../http/recorder';
import type { FromWorker, InstanceParts, JobMessage } from './protocol';
import { RunFailure, runError } from './run-error';
import { fromSdkError, stackOf } from './sdk-errors';
import { createBacktracer, STACK_TRACE_LIMIT, type DebugTarget } from './worker-backtrace';
import { LOG_LEVELS, toSdkOptions } from '../setup/settings';
import { runXtpJob } from './xtp/job';
import type { CreatePlugin, Logger, SdkOutput, SdkPlugin } from './sdk-plugin';
import { probeInstance, type InstanceProbe } from './return-codes';
import { createVarStore, type VarStore } from './var-store';
import type { CallFacts, VarEdit } from './call-facts';

type Post = (msg: FromWorker, transfer?: Transferable[]) => void;

/** The SDK's refusal of a host (JSPI path), with the request's method when it was seen. */
function withRefusedMethod(e: unknown, requests: RequestWatch): unknown {
	const error = fromSdkError(e);
	if (error.kind !== 'refused' || error.method) return e;
	const method = requests.methodFor(error.url);
	return method ? new RunFailure({ ...error, method }) : e;
}

/**
 * A job forwards at most this many log lines and stream characters; the rest is only counted.
 * A plugin logging a million lines would otherwise send a million messages and freeze the page,
 * which keeps just as few (run-log.svelte.ts).
 */
export const MAX_FORWARDED_LOGS = 200;
export const MAX_FORWARDED_STREAM_CHARS = 256 * 1024;

/** How long a failure waits for the module's bytes before it is reported without its lines. */
export const BYTES_WAIT_MS = 10_000;

/**
 * One worker holds at most one plugin instance. Logs and WASI streams are tagged with the id of
 * the job that produced them, so the page can drop stragglers from a job it gave up on.
 */
export function createWorkerHost(
	send: Post,
	createPlugin: CreatePlugin,
	caps: HttpCapabilities,
	fetchFn?: typeof fetch
) {
	let plugin: SdkPlugin | null = null;
	/** The module the instance was made from, for a failed call's backtrace. */
	let target: DebugTarget | null = null;
	const backtraceOf = createBacktracer();
	Error.stackTraceLimit = STACK_TRACE_LIMIT;
	/** The last instance made: its exports seen from outside the SDK, and its vars. */
	let aids: { probe: InstanceProbe; vars: VarStore } | null = null;
	/** Settles the failing job's request for the module's bytes (see askBytes). */
	let bytesWanted: ((bytes: Uint8Array | null) => void) | null = null;
	/** Set on the synchronous-XHR path: it explains failed requests once the call is over. */
	let explainFailure: (e: unknown) => Promise<unknown> = async (e) => e;
	let jobId = 0;
	let logs = 0;
	const streamed = { stdout: 0, stderr: 0 };

	const logger = Object.fromEntries(
		LOG_LEVELS.map((level) => [
			level,
			(message: string) => {
				if (++logs <= MAX_FORWARDED_LOGS)
					post({ type: 'log', id: jobId, level, message: String(message) });
			}
		])
	) as Logger;

	/** WASI stdout/stderr reach the worker's console (the SDK's shim calls console.log/error). */
	function stream(name: 'stdout' | 'stderr', args: unknown[]) {
		if (streamed[name] > MAX_FORWARDED_STREAM_CHARS) return;
		const text = args.map(String).join(' ');
		streamed[name] += text.length + 1;
		post({ type: 'stream', id: jobId, stream: name, text });
	}

	/** Said just before a job's answer (after it the page listens no more), so it can count. */
	function post(msg: FromWorker, transfer?: Transferable[]) {
		const answer = ['loaded', 'load-failed', 'result', 'call-failed', 'xtp-done'].includes(
			msg.type
		);
		if (answer && logs > MAX_FORWARDED_LOGS)
			send({ type: 'logs-dropped', id: jobId, count: logs - MAX_FORWARDED_LOGS });
		send(msg, transfer);
	}

	/** The module's bytes, asked of the page only when a failure needs them to name its frames. */
	function askBytes(): Promise<Uint8Array | null> {
		return new Promise((resolve) => {
			const settle = (bytes: Uint8Array | null) => {
				clearTimeout(timer);
				bytesWanted = null;
				resolve(bytes);
			};
			const timer = setTimeout(() => settle(null), BYTES_WAIT_MS);
			bytesWanted = settle;
			post({ type: 'need-bytes', id: jobId });
		});
	}

	/** The page's answer to need-bytes; it comes while that job waits, outside the job queue. */
	function takeBytes(bytes: Uint8Array | null) {
		bytesWanted?.(bytes);
	}

	async function handle(msg: JobMessage): Promise<void> {
		jobId = msg.id;
		logs = 0;
		streamed.stdout = streamed.stderr = 0;
		await handleJob(msg);
	}

	/** An instance made from `spec` with our HTTP functions and stubs; for loads and for tests. */
	async function instantiate(spec: InstanceParts): Promise<SdkPlugin> {
		const options = toSdkOptions(spec.settings);
		const emit = (event: HttpEvent) => post({ type: 'http', id: jobId, event });
		const mocks = compileMocks(spec.mocks ?? []);
		let http: { functions: Record<string, Record<string, (...a: never[]) => unknown>> };
		let sdkFetch: typeof fetch | undefined;
		if (httpPath(caps) === 'sync-xhr') {
			// Fetched only where it is used (engines without JSPI), like the stubs below: the worker's
			// script counts in the page's initial JS. A fetch that fails fails this load, in words.
			const { createXhrHttpFunctions } = await import('../http/xhr');
			const xhr = createXhrHttpFunctions({
				allows: await loadHostRule(options.allowedHosts),
				maxBytes: spec.settings.maxHttpResponseBytes,
				allowHeaders: options.allowHttpResponseHeaders,
				emit,
				logError: logger.error,
				fetchFn,
				mocks
			});
			http = xhr;
			explainFailure = xhr.explainFailure;
			// Our http_request enforces them; the SDK refuses allowedHosts without JSPI.
			options.allowedHosts = [];
		} else {
			const recording = createRecordingFetch(emit, {
				maxBytes: spec.settings.maxHttpResponseBytes,
				fetchFn,
				mocks
			});
			const fetchHttp = createHttpHostFunctions(recording, options.allowHttpResponseHeaders);
			// The SDK refuses a host itself here, naming no method; the watch knows it.
			const requests = watchRequests();
			const fetchEnv = fetchHttp.functions['extism:host/env'];
			http = {
				functions: {
					'extism:host/env': {
						...fetchEnv,
						http_status_code: requests.capturing(fetchEnv.http_status_code)
					}
				}
			};
			sdkFetch = fetchHttp.fetch as typeof fetch;
			explainFailure = async (e) => withRefusedMethod(e, requests);
		}
		const stubs = spec.stubs?.length
			? (await import('../stubs/host-stubs')).buildHostFunctions(spec.stubs, (call) =>
					post({ type: 'host-call', id: jobId, call })
				)
			: { functions: {}, errors: [] };
		for (const e of stubs.errors) post({ type: 'stub-error', id: jobId, message: e.message });
		const vars = createVarStore(options.memory.maxVarBytes, logger.error);
		// Stubs never use extism:host/env, so only our HTTP and var functions share it.
		const env = 'extism:host/env';
		const functions = {
			...stubs.functions,
			...http.functions,
			[env]: { ...http.functions[env], ...vars.functions[env] }
		} as Record<string, Record<string, (...a: never[]) => unknown>>;
		// The SDK calls the last module "main"; linked ones keep the names the main one imports.
		const wasm = [
			...(spec.linked ?? []).map((l) => ({ module: l.module, name: l.name })),
			{ module: spec.module, name: 'main' }
		];
		const made = await probeInstance(spec.module, () =>
			createPlugin({ wasm }, { ...options, logger, fetch: sdkFetch ?? fetchFn ?? fetch, functions })
		);
		aids = { probe: made.probe, vars };
		return made.value;
	}

	function facts(): CallFacts | undefined {
		if (!aids) return undefined;
		return {
			returnCode: aids.probe.returnCode(),
			memoryPages: aids.probe.memoryPages(),
			vars: aids.vars.list()
		};
	}

	/** A person's var edits; any refused is said in the job's log. */
	function editVars(edits: VarEdit[] | undefined) {
		if (!aids || !edits?.length) return;
		for (const message of aids.vars.apply(edits)) logger.error(message);
	}

	async function handleJob(msg: JobMessage): Promise<void> {
		if (msg.type === 'xtp') {
			await plugin?.close();
			plugin = null;
			aids = null;
			return runXtpJob(msg, { post, instantiate, createPlugin, logger, jspi: caps.jspi });
		}
		if (msg.type === 'load') {
			const start = performance.now();
			try {
				await plugin?.close();
				plugin = null;
				target = { module: msg.module, bytes: askBytes };
				aids = null;
				plugin = await instantiate(msg);
				editVars(msg.vars);
				post({
					type: 'loaded',
					id: msg.id,
					ms: performance.now() - start,
					memoryPages: facts()?.memoryPages ?? null
				});
			} catch (e) {
				const ms = performance.now() - start;
				const backtrace = await backtraceOf(stackOf(e), { module: msg.module, bytes: askBytes });
				post({
					type: 'load-failed',
					id: msg.id,
					error: fromSdkError(e),
					ms,
					...(backtrace && { backtrace })
				});
			}
			return;
		}
		if (!plugin) {
			post({
				type: 'call-failed',
				id: msg.id,
				error: runError({ kind: 'no-instance' }, 'No plugin is loaded in this worker.'),
				ms: 0
			});
			return;
		}
		// Per-call times are taken around plugin.call alone, so they measure the plugin and the
		// SDK, not our messaging; one answer for the whole job keeps repeat free of round trips.
		const repeat = msg.repeat && msg.repeat > 1 ? Math.floor(msg.repeat) : 1;
		const times: number[] = [];
		let out: SdkOutput | null = null;
		let started = performance.now();
		editVars(msg.vars);
		const probe = aids?.probe;
		probe?.prepare(msg.fn);
		try {
			for (let i = 0; i < repeat; i++) {
				probe?.begin();
				started = performance.now();
				out = await plugin.call(msg.fn, msg.input);
				times.push(performance.now() - started);
			}
		} catch (e) {
			const ms = performance.now() - started;
			const error = fromSdkError(await explainFailure(e));
			// From what was thrown where it happened: an explained failure is made later, without wasm.
			const backtrace = target ? await backtraceOf(stackOf(e), target) : undefined;
			post({
				type: 'call-failed',
				id: msg.id,
				error,
				ms,
				...(repeat > 1 ? { times } : {}),
				...(backtrace && { backtrace }),
				facts: facts()
			});
			return;
		}
		const bytes = out ? out.bytes() : null;
		post(
			{
				type: 'result',
				id: msg.id,
				output: bytes,
				ms: times[times.length - 1],
				...(repeat > 1 ? { times } : {}),
				facts: facts()
			},
			bytes ? [bytes.buffer as ArrayBuffer] : []
		);
	}

	return { handle, stream, takeBytes };
}
