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
