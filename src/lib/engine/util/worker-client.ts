// The page's side of one kind of Worker, for both of ours (the plugin runner and the build
// client): workers come from a factory, jobs are messages with an `id` and are answered by it,
// and a job ends with its answer, its worker's error, or that worker's end. Ending a worker is
// also how a job is stopped (wasm and compilers cannot be interrupted), so a client may keep a
// started worker in reserve for the job after a stop. Each client says only what its messages
// mean: which are events of a job, and what a job that lost its worker answers.

type Handler<E> = ((ev: E) => void) | null;

/** A worker handled through `onmessage`/`onerror` (the plugin runner's fakes are). */
export interface PropertyWorker<In, Out> {
	postMessage(msg: In, transfer?: Transferable[]): void;
	terminate(): void;
	onmessage: Handler<MessageEvent<Out>>;
	onerror: Handler<ErrorEvent>;
}

/** A worker handled through `addEventListener` (the build client's fakes are). */
export interface ListeningWorker<In, Out> {
	postMessage(msg: In, transfer?: Transferable[]): void;
	terminate(): void;
	addEventListener(type: 'message', fn: (ev: MessageEvent<Out>) => void): void;
	addEventListener(type: 'error', fn: (ev: ErrorEvent) => void): void;
}

/** What we use of a Worker; a real one is both kinds. */
export type WorkerLike<In, Out> = PropertyWorker<In, Out> | ListeningWorker<In, Out>;

/** One started worker, and what its client keeps about it (the instance it holds, say). */
export interface Conn<In, Out, S> {
	worker: WorkerLike<In, Out>;
	/** Resolves once the worker said it can take jobs (at once without `isReady`). */
	ready: Promise<void>;
	/** Whether `ready` has resolved: a caller can go on in the same turn, with no await. */
	isReady: boolean;
	state: S;
}

export interface WorkerClientOptions<In, Out, End, S> {
	spawn: () => WorkerLike<In, Out>;
	/** What a job answers when its worker fails (an error event). */
	crashed: (ev: ErrorEvent, id: number) => Out | End;
	/** The message a worker sends when it can take jobs. */
	isReady?: (msg: Out) => boolean;
	/** Messages a job hears while it runs; any other message with its id answers it. */
	isEvent?: (msg: Out) => boolean;
	/** Keep a started worker in reserve after every end, so the next job need not start one. */
	spare?: boolean;
	/** End a worker that failed, rather than leave that to the answer of its job. */
	endOnError?: boolean;
	/** Keep a worker's errors off the console: its jobs report them. */
	quiet?: boolean;
	/** Jobs told first when their worker ends or fails (the rest follow as sent). */
	endFirst?: (msg: In) => boolean;
	/** A fresh worker's state. */
	state?: () => S;
	/** Hears every change of `busy`. */
	onChange?: () => void;
}

interface Job<In, Out, End> {
	id: number;
	msg: In;
	settle(answer: Out | End): void;
	onEvent?: (msg: Out) => void;
	timer?: ReturnType<typeof setTimeout>;
}

const idOf = (msg: object): number | undefined =>
	'id' in msg && typeof msg.id === 'number' ? msg.id : undefined;

export class WorkerClient<In extends object, Out extends object, End, S = undefined> {
	#o: WorkerClientOptions<In, Out, End, S>;
	#current: Conn<In, Out, S> | null = null;
	#spare: Conn<In, Out, S> | null = null;
	#jobs = new Map<number, Job<In, Out, End>>();
	#seq = 0;

	constructor(options: WorkerClientOptions<In, Out, End, S>) {
		this.#o = options;
	}

	/** The worker jobs go to; null until one is needed, and after an end. */
	get current(): Conn<In, Out, S> | null {
		return this.#current;
	}

	get busy(): boolean {
		return this.#jobs.size > 0;
	}

	/** Whether a job of this kind waits for its answer. */
	waits(test: (msg: In) => boolean): boolean {
		return [...this.#jobs.values()].some((job) => test(job.msg));
	}

	/** Ids are never reused, so a late answer cannot reach a newer job. */
	nextId(): number {
		return ++this.#seq;
	}

	/** Start a worker ahead of need (its start-up is the slow part). */
	warm(): void {
		this.#spare ??= this.#start();
	}

	/** The current worker, started (or taken from the reserve) when there is none. */
	connect(): Conn<In, Out, S> {
		if (!this.#current) {
			this.warm();
			this.#current = this.#spare;
			this.#spare = null;
		}
		return this.#current!;
	}

	/** A message that is no job (nothing answers it). */
	post(msg: In, transfer: Transferable[] = []): void {
		this.connect().worker.postMessage(msg, transfer);
	}

	/**
	 * Send a job to the current worker and wait for its answer, its worker's failure, or an end;
	 * `timeout` ends the worker with `end` after `ms` (0: never).
	 */
	send(
		msg: In & { id: number },
		opts: {
			onEvent?: (msg: Out) => void;
			transfer?: Transferable[];
			timeout?: { ms: number; end: End };
		} = {}
	): Promise<Out | End> {
		return new Promise((resolve) => {
			const id = msg.id;
			const job: Job<In, Out, End> = {
				id,
				msg,
				onEvent: opts.onEvent,
				settle: (answer) => {
					if (this.#jobs.get(id) !== job) return;
					this.#jobs.delete(id);
					clearTimeout(job.timer);
					resolve(answer);
					this.#o.onChange?.();
				}
			};
			this.#jobs.set(id, job);
			this.#o.onChange?.();
			const t = opts.timeout;
			if (t && t.ms > 0) job.timer = setTimeout(() => this.end(t.end), t.ms);
			this.connect().worker.postMessage(msg, opts.transfer ?? []);
		});
	}

	/** End the current worker: its jobs answer `why`, then a spare is started if kept. */
	end(why: End): void {
		this.#drop();
		for (const job of this.#ordered()) job.settle(why);
		if (this.#o.spare) this.warm();
	}

	/** End every worker; jobs still waiting are dropped unanswered. */
	dispose(): void {
		for (const job of this.#jobs.values()) clearTimeout(job.timer);
		this.#jobs.clear();
		this.#current?.worker.terminate();
		this.#current = null;
		this.#spare?.worker.terminate();
		this.#spare = null;
	}

	#drop() {
		this.#current?.worker.terminate();
		this.#current = null;
	}

	#ordered(): Job<In, Out, End>[] {
		const jobs = [...this.#jobs.values()];
		const first = this.#o.endFirst;
		return first
			? [...jobs.filter((j) => first(j.msg)), ...jobs.filter((j) => !first(j.msg))]
			: jobs;
	}

	#start(): Conn<In, Out, S> {
		const worker = this.#o.spawn();
		let resolveReady!: () => void;
		const conn: Conn<In, Out, S> = {
			worker,
			ready: new Promise((r) => (resolveReady = r)),
			isReady: false,
			state: this.#o.state?.() as S
		};
		const markReady = () => {
			conn.isReady = true;
			resolveReady();
		};
		if (!this.#o.isReady) markReady();
		const onMessage = (ev: MessageEvent<Out>) => {
			const msg = ev.data;
			if (this.#o.isReady?.(msg)) return markReady();
			const id = idOf(msg);
			const job = id === undefined ? undefined : this.#jobs.get(id);
			// A worker that was ended, or the spare, has no jobs: what it still says is stale.
			if (!job || conn !== this.#current) return;
			if (this.#o.isEvent?.(msg)) job.onEvent?.(msg);
			else job.settle(msg);
		};
		const onError = (ev: ErrorEvent) => {
			if (this.#o.quiet) ev.preventDefault?.();
			if (conn !== this.#current) return;
			if (this.#o.endOnError) this.#drop();
			for (const job of this.#ordered()) job.settle(this.#o.crashed(ev, job.id));
			if (this.#o.endOnError && this.#o.spare) this.warm();
		};
		if ('addEventListener' in worker && typeof worker.addEventListener === 'function') {
			worker.addEventListener('message', onMessage);
			worker.addEventListener('error', onError);
		} else {
			const w = worker as PropertyWorker<In, Out>;
			w.onmessage = onMessage;
			w.onerror = onError;
		}
		return conn;
	}
}
