// Every message between the page and a plugin worker, typed in one place.
import type { Backtrace } from '../debug/backtrace';
import type { HostCall, StubSpec } from '../stubs/host-stubs';
import type { HttpEvent } from '../http/recorder';
import type { Mock } from '../http/mocks/mock';
import type { RunError } from './run-error';
import type { LogLevel, PluginSettings } from '../setup/settings';
import type { XtpEvent, XtpTotals } from './xtp/report';
import type { CallFacts, VarEdit } from './call-facts';

export type { LogLevel };
export type StreamName = 'stdout' | 'stderr';

/** What a plugin instance is made from. */
export interface InstanceParts {
	module: WebAssembly.Module;
	settings: PluginSettings;
	/** Stand-ins for the host functions the module imports (default or custom code). */
	stubs?: StubSpec[];
	/** Extra modules the main one imports from, by name (`extism call --link name=file`). */
	linked?: { name: string; module: WebAssembly.Module }[];
	/** Answers to the plugin's HTTP requests, tried in order after the grants (http/mocks/). */
	mocks?: Mock[];
}

/** An XTP test plugin, checked on the page (xtp/check.ts). */
export interface XtpTestPlugin {
	module: WebAssembly.Module;
	useWasi: boolean;
	assertArity: 2 | 3;
}

export type ToWorker =
	/** `vars` are set in the fresh instance before its first call (a person's seed state). */
	| ({ type: 'load'; id: number; vars?: VarEdit[] } & InstanceParts)
	/**
	 * `repeat` calls run back to back on the same instance (vars persist), like `--loop N`;
	 * `vars` are a person's edits, made before the first of them.
	 */
	| { type: 'call'; id: number; fn: string; input: Uint8Array; repeat?: number; vars?: VarEdit[] }
	/**
	 * Runs the test plugin's `test` against fresh instances of `target` (`xtp plugin test
	 * --with`); `input` is what mock_input gives. The worker's own instance is dropped first.
	 */
	| { type: 'xtp'; id: number; target: InstanceParts; test: XtpTestPlugin; input: Uint8Array }
	/**
	 * The answer to `need-bytes`, not a job: the main module's bytes exactly as compiled (after
	 * any memory cap), or null when the page has none. Sent only when a failure needs them, so a
	 * run that does not fail never pays for copying megabytes of debug info across.
	 */
	| { type: 'bytes'; bytes: Uint8Array | null };

/** The messages that are jobs, answered by their id. */
export type JobMessage = Exclude<ToWorker, { type: 'bytes' }>;

export type FromWorker =
	| { type: 'ready' }
	/** `memoryPages`: the plugin's own memory once instantiated (see call-facts.ts). */
	| { type: 'loaded'; id: number; ms: number; memoryPages?: number | null }
	| { type: 'load-failed'; id: number; error: RunError; ms: number; backtrace?: Backtrace }
	| { type: 'log'; id: number; level: LogLevel; message: string }
	/** Log lines of a job past the forwarding cap: counted, not sent (see worker-host.ts). */
	| { type: 'logs-dropped'; id: number; count: number }
	| { type: 'stream'; id: number; stream: StreamName; text: string }
	| { type: 'http'; id: number; event: HttpEvent }
	/** A call the plugin made to a stubbed host function. */
	| { type: 'host-call'; id: number; call: HostCall }
	/** A custom stub that could not be compiled (it throws when called). */
	| { type: 'stub-error'; id: number; message: string }
	/** A failure of this job has wasm frames: the worker needs the module's bytes to name them. */
	| { type: 'need-bytes'; id: number }
	/**
	 * The last call's output and time. With repeat > 1, `times` holds every call's time in ms
	 * (in order); on failure it holds those of the calls that succeeded before the failing one.
	 */
	| {
			type: 'result';
			id: number;
			output: Uint8Array | null;
			ms: number;
			times?: number[];
			facts?: CallFacts;
	  }
	/** `facts` is absent when no call was made (no instance). */
	| {
			type: 'call-failed';
			id: number;
			error: RunError;
			ms: number;
			times?: number[];
			/** The wasm frames of a trap or of a host function's error, made in the worker. */
			backtrace?: Backtrace;
			facts?: CallFacts;
	  }
	/** What a test plugin did, as it happens; only the first MAX_FORWARDED_XTP_EVENTS are sent. */
	| { type: 'xtp-event'; id: number; event: XtpEvent }
	/**
	 * The test run's answer. `error` is set when the test plugin could not start or its `test`
	 * failed; `dropped` counts events not forwarded, which `totals` still counts.
	 */
	| {
			type: 'xtp-done';
			id: number;
			ms: number;
			totals: XtpTotals;
			dropped: number;
			error?: { phase: 'load' | 'call'; error: RunError };
	  };
