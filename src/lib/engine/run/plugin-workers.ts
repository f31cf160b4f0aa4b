// The plugin workers behind a PluginRunner: one instance per worker, stop = terminate, latest job
// wins, and a warm spare worker takes over after a stop. The runner (runner.ts) says which jobs to send.
import { isCustom } from '../stubs/host-stubs';
import type { FromWorker, InstanceParts, ToWorker } from './protocol';
import { runError } from './run-error';
import { isForwarded, type Forwarded, type RunEvent } from './outcomes';

/** The part of Worker we use; a fake can stand in for it under unit tests. */
export interface WorkerLike {
	postMessage(msg: ToWorker, transfer?: Transferable[]): void;
	terminate(): void;
	onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
	onerror: ((ev: ErrorEvent) => void) | null;
}

export interface Pending {
	id: number;
	settle(msg: FromWorker | { type: 'stopped' | 'timeout' | 'superseded' }): void;
	onEvent(ev: RunEvent): void;
}

export interface Slot {
	worker: WorkerLike;
	ready: Promise<void>;
	/** The module and settings this worker's instance was made from; null until loaded. */
	loaded: InstanceParts | null;
	/**
	 * Custom stub code ran here. It can change the worker's globals (patch fetch, say) for good,
	 * so the worker ends with its instance and is never reused.
	 */
	custom: boolean;
}

export class PluginWorkers {
	#spawn: () => WorkerLike;
	#spare: Slot | null = null;
	protected slot: Slot | null = null;
	protected pending: Pending | null = null;
	protected nextId = 1;
	protected onChange: () => void;

	/**
	 * `onChange` hears every change of what `busy` and `hasInstanceFor` answer, so callers need
	 * no guesses about when to ask again.
	 */
	constructor(spawn: () => WorkerLike, onChange: () => void = () => {}) {
		this.#spawn = spawn;
		this.onChange = onChange;
	}

	/** Start a worker ahead of need, so the SDK is already imported when a run comes. */
	warm(): void {
		this.#spare ??= this.#makeSlot();
	}

	#makeSlot(): Slot {
		const worker = this.#spawn();
		let markReady!: () => void;
		const slot: Slot = {
			worker,
			ready: new Promise((r) => (markReady = r)),
			loaded: null,
			custom: false
		};
		worker.onmessage = (ev) => {
			const msg = ev.data;
			if (msg.type === 'ready') return markReady();
			const p = this.pending;
			if (!p || slot !== this.slot || !('id' in msg) || msg.id !== p.id) return;
			if (isForwarded(msg)) {
				const event: Partial<Forwarded> = { ...msg };
				delete event.id;
				p.onEvent(event as RunEvent);
			} else if (msg.type === 'xtp-event') p.onEvent({ type: 'xtp', event: msg.event });
			else p.settle(msg);
		};
		worker.onerror = (ev) => {
			ev.preventDefault?.();
			const p = this.pending;
			if (p && slot === this.slot) {
				p.settle({
					type: 'call-failed',
					id: p.id,
					error: runError(
						{ kind: 'crashed' },
						ev.message || 'The plugin worker crashed.',
						'WorkerError'
					),
					ms: 0
				});
			}
		};
		return slot;
	}

	/** Send one job and wait for its answer, a stop, or the timeout (0 = none). */
	protected job(
		slot: Slot,
		msg: ToWorker,
		timeoutMs: number,
		onEvent: (ev: RunEvent) => void,
		transfer: Transferable[] = []
	): Promise<FromWorker | { type: 'stopped' | 'timeout' | 'superseded' }> {
		return new Promise((resolve) => {
			let timer: ReturnType<typeof setTimeout> | undefined;
			const pending: Pending = {
				id: msg.id,
				onEvent,
				settle: (answer) => {
					if (this.pending !== pending) return;
					this.pending = null;
					clearTimeout(timer);
					resolve(answer);
					this.onChange();
				}
			};
			this.pending = pending;
			this.onChange();
			if (timeoutMs > 0) timer = setTimeout(() => this.kill(pending, 'timeout'), timeoutMs);
			slot.worker.postMessage(msg, transfer);
		});
	}

	/** Terminating is the only way to stop wasm; the instance (and its vars) goes with it. */
	protected kill(pending: Pending, why: 'stopped' | 'timeout' | 'superseded') {
		if (this.slot) this.slot.worker.terminate();
		this.slot = null;
		pending.settle({ type: why });
		this.warm();
	}

	get busy(): boolean {
		return this.pending !== null;
	}

	/** Stop whatever runs now. */
	stop(): boolean {
		if (!this.pending) return false;
		this.kill(this.pending, 'stopped');
		return true;
	}

	/**
	 * Drop the instance; the next run makes a fresh one. An idle worker stays and takes the next
	 * instance (making one there is quicker than starting a worker); a busy one is terminated.
	 */
	reset(): void {
		if (this.pending) this.kill(this.pending, 'superseded');
		if (this.slot?.custom) this.discard();
		if (this.slot) this.slot.loaded = null;
		this.onChange();
	}

	/** After a trap or a failed start, nothing of that worker is trusted again. */
	protected discard(): void {
		this.slot?.worker.terminate();
		this.slot = null;
		this.warm();
		this.onChange();
	}

	dispose(): void {
		this.reset();
		this.slot?.worker.terminate();
		this.slot = null;
		this.#spare?.worker.terminate();
		this.#spare = null;
	}

	/**
	 * The worker a fresh instance of `spec` goes to, once ready; null when a newer job took it
	 * meanwhile. Its old instance is forgotten.
	 */
	protected async claim(spec: InstanceParts): Promise<Slot | null> {
		if (this.slot?.custom) this.discard();
		if (!this.slot) {
			this.warm();
			this.slot = this.#spare;
			this.#spare = null;
		}
		const slot = this.slot!;
		slot.loaded = null;
		slot.custom ||= (spec.stubs ?? []).some(isCustom);
		await slot.ready;
		return this.slot === slot ? slot : null;
	}
}
