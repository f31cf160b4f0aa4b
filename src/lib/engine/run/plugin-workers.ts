// The plugin workers behind a PluginRunner: one instance per worker, stop = terminate, latest job
// wins, and a warm spare worker takes over after a stop. The runner (runner.ts) says which jobs
// to send; starting workers and matching their answers is util/worker-client.ts.
import { isCustom } from '../stubs/host-stubs';
import type { FromWorker, InstanceParts, JobMessage, ToWorker } from './protocol';
import { runError } from './run-error';
import { isForwarded, type Forwarded, type RunEvent } from './outcomes';
import { WorkerClient, type Conn, type PropertyWorker } from '../util/worker-client';

/** The part of Worker we use; a fake can stand in for it under unit tests. */
export type WorkerLike = PropertyWorker<ToWorker, FromWorker>;

/** A job the runner ended itself. */
export type Ended = { type: 'stopped' | 'timeout' | 'superseded' };

interface SlotState {
	/** The module and settings this worker's instance was made from; null until loaded. */
	loaded: InstanceParts | null;
	/**
	 * Custom stub code ran here. It can change the worker's globals (patch fetch, say) for good,
	 * so the worker ends with its instance and is never reused.
	 */
	custom: boolean;
}

export type Slot = Conn<ToWorker, FromWorker, SlotState>;

/** A job's event as the page hears it: forwarded as it is without its id, or a test's event. */
function toRunEvent(msg: FromWorker): RunEvent | null {
	if (msg.type === 'xtp-event') return { type: 'xtp', event: msg.event };
	if (!isForwarded(msg)) return null;
	const event: Partial<Forwarded> = { ...msg };
	delete event.id;
	return event as RunEvent;
}

/** How long after a run's answer its spare worker starts (see warmSoon). */
export const SPARE_AFTER_MS = 300;

export class PluginWorkers {
	#client: WorkerClient<ToWorker, FromWorker, Ended, SlotState>;
	#warmTimer: ReturnType<typeof setTimeout> | undefined;
	protected onChange: () => void;

	/**
	 * `onChange` hears every change of what `busy` and `hasInstanceFor` answer, so callers need
	 * no guesses about when to ask again.
	 */
	constructor(spawn: () => WorkerLike, onChange: () => void = () => {}) {
		this.onChange = onChange;
		this.#client = new WorkerClient<ToWorker, FromWorker, Ended, SlotState>({
			spawn,
			isReady: (msg) => msg.type === 'ready',
			isEvent: (msg) => isForwarded(msg) || msg.type === 'xtp-event' || msg.type === 'need-bytes',
			spare: true,
			quiet: true,
			crashed: (ev, id) => ({
				type: 'call-failed',
				id,
				error: runError(
					{ kind: 'crashed' },
					ev.message || 'The plugin worker crashed.',
					'WorkerError'
				),
				ms: 0
			}),
			state: () => ({ loaded: null, custom: false }),
			onChange: () => this.onChange()
		});
	}

	/** The worker that holds the instance, if any. */
	protected get slot(): Slot | null {
		return this.#client.current;
	}

	protected nextId(): number {
		return this.#client.nextId();
	}

	/** Start a worker ahead of need, so the SDK is already imported when a run comes. */
	warm(): void {
		this.#client.warm();
	}

	/**
	 * Start the spare a moment from now, once the page has shown the answer just received: a
	 * worker's start-up (a thread, the SDK's import) would otherwise compete for the cores with
	 * the page's rendering on a small machine.
	 */
	protected warmSoon(): void {
		clearTimeout(this.#warmTimer);
		this.#warmTimer = setTimeout(() => this.warm(), SPARE_AFTER_MS);
	}

	/**
	 * Send one job and wait for its answer, a stop, or the timeout (0 = none). `bytes` gives the
	 * main module's bytes when a failure of the job asks for them (see protocol.ts).
	 */
	protected job(
		msg: JobMessage,
		timeoutMs: number,
		onEvent: (ev: RunEvent) => void,
		transfer: Transferable[] = [],
		bytes: () => Uint8Array | null = () => null
	): Promise<FromWorker | Ended> {
		return this.#client.send(msg, {
			transfer,
			timeout: { ms: timeoutMs, end: { type: 'timeout' } },
			onEvent: (msg) => {
				if (msg.type === 'need-bytes') return this.#client.post({ type: 'bytes', bytes: bytes() });
				const event = toRunEvent(msg);
				if (event) onEvent(event);
			}
		});
	}

	/**
	 * The latest job wins: an unfinished one cannot be interrupted any other way than by
	 * terminating its worker, and the instance (and its vars) goes with it.
	 */
	protected supersede(): void {
		if (this.busy) this.#client.end({ type: 'superseded' });
	}

	get busy(): boolean {
		return this.#client.busy;
	}

	/** Stop whatever runs now. */
	stop(): boolean {
		if (!this.busy) return false;
		this.#client.end({ type: 'stopped' });
		return true;
	}

	/**
	 * Drop the instance; the next run makes a fresh one. An idle worker stays and takes the next
	 * instance (making one there is quicker than starting a worker); a busy one is terminated.
	 */
	reset(): void {
		this.supersede();
		if (this.slot?.state.custom) this.discard();
		if (this.slot) this.slot.state.loaded = null;
		this.onChange();
	}

	/** After a trap or a failed start, nothing of that worker is trusted again. */
	protected discard(): void {
		this.#client.end({ type: 'superseded' });
		this.onChange();
	}

	dispose(): void {
		clearTimeout(this.#warmTimer);
		this.reset();
		this.#client.dispose();
	}

	/**
	 * The worker a fresh instance of `spec` goes to, once ready; null when a newer job took it
	 * meanwhile. Its old instance is forgotten.
	 */
	protected claim(spec: InstanceParts): Slot | Promise<Slot | null> {
		if (this.slot?.state.custom) this.discard();
		const slot = this.#client.connect();
		slot.state.loaded = null;
		slot.state.custom ||= (spec.stubs ?? []).some(isCustom);
		// A ready worker takes the job in this very turn: an await would let the page's pending
		// rendering (the new run's line) go first, and the worker would wait for it.
		if (slot.isReady) return slot;
		return slot.ready.then(() => (this.slot === slot ? slot : null));
	}
}
