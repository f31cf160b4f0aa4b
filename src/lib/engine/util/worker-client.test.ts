import { describe, expect, it, vi } from 'vitest';
import { WorkerClient, type WorkerClientOptions, type WorkerLike } from './worker-client';

type In = { type: 'job'; id: number; kind?: 'a' | 'b' } | { type: 'hello' };
type Out =
	{ type: 'ready' } | { type: 'done'; id: number; n: number } | { type: 'tick'; id: number };
type End = { type: 'ended'; why: string } | { type: 'crashed'; id: number; message: string };

/** A worker that records what it is sent and answers only when told to. */
class FakeWorker {
	sent: In[] = [];
	terminated = false;
	onmessage: ((ev: MessageEvent<Out>) => void) | null = null;
	onerror: ((ev: ErrorEvent) => void) | null = null;
	#listeners = new Map<string, (ev: never) => void>();
	constructor(listening: boolean) {
		if (listening)
			Object.assign(this, {
				addEventListener: (type: string, fn: (ev: never) => void) => this.#listeners.set(type, fn)
			});
	}
	postMessage(msg: In) {
		this.sent.push(msg);
	}
	terminate() {
		this.terminated = true;
	}
	say(data: Out) {
		const ev = { data } as MessageEvent<Out>;
		(this.#listeners.get('message') ?? this.onmessage)?.(ev as never);
	}
	fail(message: string) {
		const ev = { message, preventDefault: vi.fn() } as unknown as ErrorEvent;
		(this.#listeners.get('error') ?? this.onerror)?.(ev as never);
		return ev;
	}
}

function setup(
	opts: Partial<WorkerClientOptions<In, Out, End, undefined>> = {},
	listening = false
) {
	const workers: FakeWorker[] = [];
	const client = new WorkerClient<In, Out, End>({
		spawn: () => {
			const w = new FakeWorker(listening);
			workers.push(w);
			return w as unknown as WorkerLike<In, Out>;
		},
		crashed: (ev, id) => ({ type: 'crashed', id, message: ev.message }),
		...opts
	});
	const job = (kind?: 'a' | 'b', more = {}) =>
		client.send({ type: 'job', id: client.nextId(), ...(kind ? { kind } : {}) }, more);
	return { client, workers, job };
}

describe('WorkerClient answers', () => {
	for (const listening of [false, true]) {
		it(`match jobs by id, in any order (${listening ? 'addEventListener' : 'onmessage'})`, async () => {
			const { workers, job } = setup({}, listening);
			const first = job();
			const second = job();
			expect(workers).toHaveLength(1);
			expect(workers[0].sent).toEqual([
				{ type: 'job', id: 1 },
				{ type: 'job', id: 2 }
			]);
			workers[0].say({ type: 'done', id: 2, n: 20 });
			workers[0].say({ type: 'done', id: 1, n: 10 });
			expect(await first).toEqual({ type: 'done', id: 1, n: 10 });
			expect(await second).toEqual({ type: 'done', id: 2, n: 20 });
		});
	}

	it('passes a job its events and ignores messages of no job', async () => {
		const { client, workers, job } = setup({ isEvent: (m) => m.type === 'tick' });
		const ticks: Out[] = [];
		const running = job(undefined, { onEvent: (m: Out) => ticks.push(m) });
		workers[0].say({ type: 'tick', id: 1 });
		workers[0].say({ type: 'done', id: 7, n: 0 });
		expect(client.busy).toBe(true);
		workers[0].say({ type: 'done', id: 1, n: 1 });
		expect(await running).toEqual({ type: 'done', id: 1, n: 1 });
		expect(ticks).toEqual([{ type: 'tick', id: 1 }]);
		expect(client.busy).toBe(false);
	});

	it('is ready once the worker says so', async () => {
		const { client, workers } = setup({ isReady: (m) => m.type === 'ready' });
		const conn = client.connect();
		let ready = false;
		void conn.ready.then(() => (ready = true));
		await Promise.resolve();
		expect(ready).toBe(false);
		workers[0].say({ type: 'ready' });
		await conn.ready;
		expect(ready).toBe(true);
	});

	it('tells onChange when a job starts and when it ends', async () => {
		const seen: boolean[] = [];
		const { client, workers, job } = setup({ onChange: () => seen.push(client.busy) });
		const running = job();
		workers[0].say({ type: 'done', id: 1, n: 1 });
		await running;
		expect(seen).toEqual([true, false]);
	});
});

describe('a worker error', () => {
	it('settles the waiting jobs with the words of the client, and keeps the worker', async () => {
		const { client, workers, job } = setup();
		const running = job();
		const ev = workers[0].fail('boom');
		expect(await running).toEqual({ type: 'crashed', id: 1, message: 'boom' });
		expect(ev.preventDefault).not.toHaveBeenCalled();
		expect(workers[0].terminated).toBe(false);
		expect(client.current?.worker).toBe(workers[0]);
	});

	it('ends the worker with endOnError, and is kept off the console with quiet', async () => {
		const { client, workers, job } = setup({ endOnError: true, quiet: true });
		const running = job();
		const ev = workers[0].fail('no load');
		expect(await running).toMatchObject({ type: 'crashed', message: 'no load' });
		expect(ev.preventDefault).toHaveBeenCalled();
		expect(workers[0].terminated).toBe(true);
		expect(client.current).toBeNull();
		void job();
		expect(workers).toHaveLength(2);
		expect(workers[1].sent).toEqual([{ type: 'job', id: 2 }]);
	});
});

describe('ending a worker', () => {
	it('settles every job with why, terminates the worker and starts a spare', async () => {
		const { client, workers, job } = setup({ spare: true });
		const a = job();
		const b = job();
		client.end({ type: 'ended', why: 'stop' });
		expect(await a).toEqual({ type: 'ended', why: 'stop' });
		expect(await b).toEqual({ type: 'ended', why: 'stop' });
		expect(workers[0].terminated).toBe(true);
		expect(workers).toHaveLength(2);
		expect(workers[1].sent).toEqual([]);
		// The next job goes to the spare, and a new spare waits only after the next end.
		void job();
		expect(workers).toHaveLength(2);
		expect(workers[1].sent).toEqual([{ type: 'job', id: 3 }]);
	});

	it('starts no worker after an end without spare, until one is needed', () => {
		const { client, workers, job } = setup();
		void job();
		client.end({ type: 'ended', why: 'stop' });
		expect(workers).toHaveLength(1);
		client.post({ type: 'hello' });
		expect(workers).toHaveLength(2);
		expect(workers[1].sent).toEqual([{ type: 'hello' }]);
	});

	it('tells the jobs endFirst picks before the others', async () => {
		const { client, job } = setup({ endFirst: (m) => m.type === 'job' && m.kind === 'b' });
		const order: string[] = [];
		const jobs = [job('a'), job('b'), job('a'), job('b')];
		jobs.forEach((p, i) => void p.then(() => order.push(`${'abab'[i]}${i}`)));
		client.end({ type: 'ended', why: 'stop' });
		await Promise.all(jobs);
		expect(order).toEqual(['b1', 'b3', 'a0', 'a2']);
	});

	it('on a timeout, with the end the job was sent with', async () => {
		vi.useFakeTimers();
		try {
			const { workers, job } = setup();
			const running = job(undefined, { timeout: { ms: 50, end: { type: 'ended', why: 'late' } } });
			vi.advanceTimersByTime(49);
			expect(workers[0].terminated).toBe(false);
			vi.advanceTimersByTime(1);
			expect(await running).toEqual({ type: 'ended', why: 'late' });
			expect(workers[0].terminated).toBe(true);
		} finally {
			vi.useRealTimers();
		}
	});

	it('ignores what the ended worker still says', async () => {
		const { client, workers, job } = setup({ spare: true });
		const old = job();
		client.end({ type: 'ended', why: 'stop' });
		const next = job();
		// A late answer to the old job, one that names the new job's id, and a late error.
		workers[0].say({ type: 'done', id: 1, n: 1 });
		workers[0].say({ type: 'done', id: 2, n: 666 });
		workers[0].fail('late');
		expect(await old).toEqual({ type: 'ended', why: 'stop' });
		expect(client.busy).toBe(true);
		workers[1].say({ type: 'done', id: 2, n: 2 });
		expect(await next).toEqual({ type: 'done', id: 2, n: 2 });
	});

	it('dispose ends every worker and drops the jobs unanswered', async () => {
		const { client, workers, job } = setup({ spare: true });
		let settled = false;
		void job().then(() => (settled = true));
		client.warm();
		client.dispose();
		await Promise.resolve();
		expect(settled).toBe(false);
		expect(client.busy).toBe(false);
		expect(workers.map((w) => w.terminated)).toEqual([true, true]);
	});
});
