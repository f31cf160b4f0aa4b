// Every message between the page and a plugin worker, typed in one place.
import type { HostCall, StubSpec } from './host-stubs';
import type { HttpEvent } from './http-recorder';
import type { RunError } from './run-error';
import type { LogLevel, PluginSettings } from './settings';

export type { LogLevel };
export type StreamName = 'stdout' | 'stderr';

export type ToWorker =
	| {
			type: 'load';
			id: number;
			module: WebAssembly.Module;
			settings: PluginSettings;
			/** Stand-ins for the host functions the module imports (default or custom code). */
			stubs?: StubSpec[];
			/** Extra modules the main one imports from, by name (`extism call --link name=file`). */
			linked?: { name: string; module: WebAssembly.Module }[];
	  }
	/** `repeat` calls run back to back on the same instance (vars persist), like `--loop N`. */
	| { type: 'call'; id: number; fn: string; input: Uint8Array; repeat?: number };

export type FromWorker =
	| { type: 'ready' }
	| { type: 'loaded'; id: number; ms: number }
	| { type: 'load-failed'; id: number; error: RunError; ms: number }
	| { type: 'log'; id: number; level: LogLevel; message: string }
	/** Log lines of a job past the forwarding cap: counted, not sent (see worker-host.ts). */
	| { type: 'logs-dropped'; id: number; count: number }
	| { type: 'stream'; id: number; stream: StreamName; text: string }
	| { type: 'http'; id: number; event: HttpEvent }
	/** A call the plugin made to a stubbed host function. */
	| { type: 'host-call'; id: number; call: HostCall }
	/** A custom stub that could not be compiled (it throws when called). */
	| { type: 'stub-error'; id: number; message: string }
	/**
	 * The last call's output and time. With repeat > 1, `times` holds every call's time in ms
	 * (in order); on failure it holds those of the calls that succeeded before the failing one.
	 */
	| { type: 'result'; id: number; output: Uint8Array | null; ms: number; times?: number[] }
	| { type: 'call-failed'; id: number; error: RunError; ms: number; times?: number[] };
