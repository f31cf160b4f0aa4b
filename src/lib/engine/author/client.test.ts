import { describe, expect, it } from 'vitest';
import { BuildClient, type BuildWorkerLike } from './client';
import type { BuildRequest } from './protocol';

/** A worker that records what it is sent and never answers (a build in progress). */
function silentWorker() {
	const w = {
		sent: [] as BuildRequest[],
		terminated: false,
		postMessage: (m: BuildRequest) => void w.sent.push(m),
		addEventListener: () => {},
		terminate: () => void (w.terminated = true)
	};
	return w;
}

describe('BuildClient.stop', () => {
	it('ends the build in progress as stopped, and warms a fresh worker', async () => {
		const workers: ReturnType<typeof silentWorker>[] = [];
		const client = new BuildClient(() => {
			const w = silentWorker();
			workers.push(w);
			return w as unknown as BuildWorkerLike;
		});
		const pending = client.build('wat', '(module)');
		client.stop();
		expect(await pending).toEqual({
			ok: false,
			diagnostics: [],
			ms: 0,
			message: 'The build was stopped.',
			stopped: true
		});
		expect(workers).toHaveLength(2);
		expect(workers[0].terminated).toBe(true);
		// The new worker warms the compiler of the language that was building, and only that one.
		expect(workers[1].sent).toEqual([{ type: 'preload', language: 'wat' }]);
		// With nothing building, Stop does nothing.
		client.stop();
		expect(workers).toHaveLength(2);
		client.dispose();
	});
});

describe('a compiler that did not load', () => {
	it('replaces the worker, so the next build downloads it anew', async () => {
		const workers: { sent: BuildRequest[]; terminated: boolean; reply?: (d: unknown) => void }[] =
			[];
		const client = new BuildClient(() => {
			const w = {
				sent: [] as BuildRequest[],
				terminated: false,
				reply: undefined as ((d: unknown) => void) | undefined,
				postMessage: (m: BuildRequest) => void w.sent.push(m),
				addEventListener: (type: string, fn: (e: { data: unknown }) => void) => {
					if (type === 'message') w.reply = (data) => fn({ data });
				},
				terminate: () => void (w.terminated = true)
			};
			workers.push(w);
			return w as unknown as BuildWorkerLike;
		});
		const first = client.build('assemblyscript', 'x');
		const message = 'The AssemblyScript compiler did not load (blocked).';
		const result = { ok: false, diagnostics: [], ms: 1, message, reload: true };
		workers[0].reply!({ type: 'built', id: 1, result });
		expect(await first).toEqual(result);
		expect(workers[0].terminated).toBe(true);
		void client.build('assemblyscript', 'x');
		expect(workers).toHaveLength(2);
		expect(workers[1].sent[0]).toMatchObject({ type: 'build', text: 'x' });
		client.dispose();
	});
});

/** A worker whose answers and error the test sends. */
function scriptedWorkers() {
	const workers: {
		sent: BuildRequest[];
		terminated: boolean;
		reply: (d: unknown) => void;
		fail: (message: string) => void;
	}[] = [];
	const spawn = () => {
		const on: Record<string, (e: unknown) => void> = {};
		const w = {
			sent: [] as BuildRequest[],
			terminated: false,
			reply: (data: unknown) => on.message?.({ data }),
			fail: (message: string) => on.error?.({ message }),
			postMessage: (m: BuildRequest) => void w.sent.push(m),
			addEventListener: (type: string, fn: (e: unknown) => void) => void (on[type] = fn),
			terminate: () => void (w.terminated = true)
		};
		workers.push(w);
		return w as unknown as BuildWorkerLike;
	};
	return { workers, spawn };
}

describe('a build worker that fails', () => {
	it('ends every build and print in words, builds first, and the next build starts afresh', async () => {
		const { workers, spawn } = scriptedWorkers();
		const client = new BuildClient(spawn);
		const order: string[] = [];
		const print = client.print(new Uint8Array([0]));
		const build = client.build('wat', '(module)');
		void print.then(() => order.push('print'));
		void build.then(() => order.push('build'));
		workers[0].fail('');
		const message = 'The build worker failed: it did not load.';
		expect(await build).toEqual({
			ok: false,
			diagnostics: [{ severity: 'error', message }],
			ms: 0,
			message,
			stopped: false
		});
		expect(await print).toEqual({ ok: false, message });
		expect(order).toEqual(['build', 'print']);
		expect(workers[0].terminated).toBe(true);
		void client.build('wat', '(module)');
		expect(workers).toHaveLength(2);
		client.dispose();
	});

	it('answers each job by its id, and a compiler reload ends the jobs still waiting', async () => {
		const { workers, spawn } = scriptedWorkers();
		const client = new BuildClient(spawn);
		const first = client.build('assemblyscript', 'a');
		const print = client.print(new Uint8Array([0]));
		const second = client.build('assemblyscript', 'b');
		const printed = { ok: true, text: '(module)', truncated: false };
		workers[0].reply({ type: 'printed', id: 2, result: printed });
		expect(await print).toEqual(printed);
		const failed = { ok: false, diagnostics: [], ms: 1, message: 'no asc', reload: true };
		workers[0].reply({ type: 'built', id: 1, result: failed });
		expect(await first).toEqual(failed);
		expect(await second).toMatchObject({
			ok: false,
			message: 'The build worker restarted after a compiler failed to load.'
		});
		client.dispose();
	});

	it('Stop leaves a print alone: only a build is stopped', () => {
		const { workers, spawn } = scriptedWorkers();
		const client = new BuildClient(spawn);
		void client.print(new Uint8Array([0]));
		client.stop();
		expect(workers).toHaveLength(1);
		expect(workers[0].terminated).toBe(false);
		client.dispose();
	});
});
