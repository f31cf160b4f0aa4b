// run/xtp/ — XTP test plugins: reading one before it runs (check), the harness host functions,
// the worker's side of a test run (job) and its events (report). May import run/ and wasm/.
//
// The worker's side of an XTP test run. Both plugins live in the plugin worker: the test plugin
// in-thread with the harness as its host functions, and each instance of the plugin under test
// made exactly as a normal run makes it (same grants, stubs, limits), so allowed hosts still hold.
// Why not the SDK's worker mode: it needs cross-origin isolation, costs ~6 ms per call (DESIGN.md)
// and hangs after a host-function error; why not the page: a looping test would freeze the tab.
// Inside our worker, Stop and Timeout terminate it, as for any run. The cost: `call` and `time`
// must suspend the test plugin while the plugin under test runs, which needs JSPI; browsers
// without it (WebKit) are told so before anything runs.
import type { FromWorker, InstanceParts, LogLevel, ToWorker } from '../protocol';
import { runError, type RunError } from '../run-error';
import { fromSdkError } from '../sdk-errors';
import type { CreatePlugin, SdkPlugin } from '../sdk-plugin';
import { NO_JSPI_MESSAGE, TEST_EXPORT } from './check';
import { createHarness, HARNESS_MODULE } from './harness';
import { NO_TOTALS, addToTotals, clipXtpEvent, type XtpEvent } from './report';

/** Events past this many are counted, not sent: a test asserting in a loop must not flood the page. */
export const MAX_FORWARDED_XTP_EVENTS = 2000;

export interface XtpJobDeps {
	post: (msg: FromWorker) => void;
	/** Makes an instance of the plugin under test the way a normal run's load does. */
	instantiate: (spec: InstanceParts) => Promise<SdkPlugin>;
	createPlugin: CreatePlugin;
	logger: Record<LogLevel, (message: string) => void>;
	jspi: boolean;
}

export async function runXtpJob(
	msg: Extract<ToWorker, { type: 'xtp' }>,
	deps: XtpJobDeps
): Promise<void> {
	const start = performance.now();
	let totals = NO_TOTALS;
	let seen = 0;
	const emit = (event: XtpEvent) => {
		totals = addToTotals(totals, event);
		if (++seen <= MAX_FORWARDED_XTP_EVENTS)
			deps.post({ type: 'xtp-event', id: msg.id, event: clipXtpEvent(event) });
	};
	const done = (error?: { phase: 'load' | 'call'; error: RunError }) =>
		deps.post({
			type: 'xtp-done',
			id: msg.id,
			ms: performance.now() - start,
			totals,
			dropped: Math.max(0, seen - MAX_FORWARDED_XTP_EVENTS),
			...(error ? { error } : {})
		});
	if (!deps.jspi)
		return done({ phase: 'load', error: runError({ kind: 'unknown' }, NO_JSPI_MESSAGE) });

	const harness = createHarness({
		start: () => deps.instantiate(msg.target),
		input: msg.input,
		assertArity: msg.test.assertArity,
		emit
	});
	let test: SdkPlugin | null = null;
	let failure: { phase: 'load' | 'call'; error: RunError } | undefined;
	try {
		test = await deps.createPlugin(
			{ wasm: [{ module: msg.test.module, name: 'main' }] },
			{
				useWasi: msg.test.useWasi,
				enableWasiOutput: msg.test.useWasi,
				runInWorker: false,
				logLevel: msg.target.settings.logLevel,
				config: {},
				allowedHosts: [],
				allowHttpResponseHeaders: false,
				memory: {},
				logger: deps.logger,
				fetch,
				functions: { [HARNESS_MODULE]: harness.functions as never }
			}
		);
	} catch (e) {
		failure = { phase: 'load', error: fromSdkError(e) };
	}
	if (test) {
		try {
			await test.call(TEST_EXPORT, new Uint8Array());
		} catch (e) {
			failure = { phase: 'call', error: fromSdkError(e) };
		}
	}
	await harness.finish();
	await test?.close().catch(() => {});
	done(failure);
}
