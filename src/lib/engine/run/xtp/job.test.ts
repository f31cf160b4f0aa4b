import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol';
import { DEFAULT_SETTINGS } from '../../setup/settings';
import type { CreatePlugin, SdkPlugin } from '../sdk-plugin';
import { NO_JSPI_MESSAGE } from './check';
import type { HarnessContext } from './harness';
import { MAX_FORWARDED_XTP_EVENTS, runXtpJob } from './job';
import { clipXtpText, MAX_XTP_TEXT } from './report';

const enc = new TextEncoder();
const dec = new TextDecoder();
type Harness = Record<string, (ctx: HarnessContext, ...a: bigint[]) => unknown>;

/** A stand-in test plugin whose `test` is this script over the harness functions. */
function fakeSdk(script: (h: Harness, ctx: HarnessContext) => Promise<void>, loadError?: Error) {
	const blocks: Uint8Array[] = [new Uint8Array()];
	const ctx: HarnessContext = {
		store: (d) => BigInt(blocks.push(typeof d === 'string' ? enc.encode(d) : d) - 1),
		read: (a) => {
			const b = blocks[Number(a)];
			return b ? { bytes: () => b, string: () => dec.decode(b) } : null;
		}
	};
	const closed: string[] = [];
	const createPlugin: CreatePlugin = async (_manifest, options) => {
		if (loadError) throw loadError;
		const h = options.functions['xtp:test/harness'] as unknown as Harness;
		return {
			async call(fn) {
				if (fn !== 'test') throw new Error(`Plugin error: function "${fn}" does not exist`);
				await script(h, ctx);
				return null;
			},
			async close() {
				closed.push('test');
			}
		};
	};
	const instantiate = async (): Promise<SdkPlugin> => ({
		call: async (fn, input) => ({ bytes: () => enc.encode(`${fn}:${dec.decode(input)}`) }),
		close: async () => void closed.push('target')
	});
	return { ctx, createPlugin, instantiate, closed, str: (s: string) => ctx.store(s) };
}

const msg: Extract<ToWorker, { type: 'xtp' }> = {
	type: 'xtp',
	id: 7,
	target: { module: {} as WebAssembly.Module, settings: DEFAULT_SETTINGS },
	test: { module: {} as WebAssembly.Module, useWasi: false, assertArity: 3 },
	input: enc.encode('in')
};
const logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };

async function job(sdk: ReturnType<typeof fakeSdk>, jspi = true) {
	const posted: FromWorker[] = [];
	await runXtpJob(msg, { post: (m) => posted.push(m), logger, jspi, ...sdk });
	const done = posted.at(-1);
	if (done?.type !== 'xtp-done') throw new Error('no answer');
	return { events: posted.slice(0, -1), done };
}

describe('runXtpJob', () => {
	it('runs test, streams what it did, answers with totals and closes both plugins', async () => {
		const sdk = fakeSdk(async (h, ctx) => {
			h.group(ctx, sdk.str('g'));
			const out = (await h.call(ctx, sdk.str('count'), h.mock_input(ctx) as bigint)) as bigint;
			h.assert(ctx, sdk.str('echo'), 1n, ctx.store(ctx.read(out)!.bytes()));
			h.assert(ctx, sdk.str('nope'), 0n, sdk.str('why'));
		});
		const { events, done } = await job(sdk);
		expect(events.map((e) => e.type === 'xtp-event' && e.id === 7 && e.event)).toEqual([
			{ type: 'group', name: 'g' },
			{ type: 'call', fn: 'count', ms: expect.any(Number), timed: false },
			{ type: 'assert', name: 'echo', pass: true, reason: 'count:in' },
			{ type: 'assert', name: 'nope', pass: false, reason: 'why' }
		]);
		expect(done).toMatchObject({
			id: 7,
			totals: { passed: 1, failed: 1, calls: 1, failedCalls: 0 }
		});
		expect(done.error).toBeUndefined();
		expect(sdk.closed.sort()).toEqual(['target', 'test']);
	});

	it('forwards huge names clipped, and counts them all', async () => {
		const sdk = fakeSdk(async (h, ctx) => {
			for (let i = 0; i < 3; i++) h.assert(ctx, sdk.str(`${i}`.repeat(64 * 1024)), 1n, sdk.str(''));
		});
		const { events, done } = await job(sdk);
		const names = events.map((e) =>
			e.type === 'xtp-event' && e.event.type === 'assert' ? e.event.name : ''
		);
		expect(names).toEqual([0, 1, 2].map((i) => clipXtpText(`${i}`.repeat(64 * 1024))));
		expect(names[0].length).toBeLessThan(MAX_XTP_TEXT + 40);
		expect(done.totals.passed).toBe(3);
	});

	it('without JSPI says so and runs nothing', async () => {
		let ran = false;
		const { events, done } = await job(
			fakeSdk(async () => void (ran = true)),
			false
		);
		expect(events).toEqual([]);
		expect(ran).toBe(false);
		expect(done.error).toMatchObject({ phase: 'load', error: { message: NO_JSPI_MESSAGE } });
	});

	it('a test plugin that cannot start is a load failure', async () => {
		const sdk = fakeSdk(
			async () => {},
			new Error('WASI is not enabled; see the "useWasi" plugin option')
		);
		const { done } = await job(sdk);
		expect(done.error).toMatchObject({ phase: 'load', error: { kind: 'wasi-off' } });
	});

	it('a test that traps keeps what it did before and says it failed', async () => {
		const sdk = fakeSdk(async (h, ctx) => {
			h.assert(ctx, sdk.str('first'), 1n, sdk.str(''));
			throw new Error('RuntimeError: unreachable');
		});
		const { events, done } = await job(sdk);
		expect(events).toHaveLength(1);
		expect(done).toMatchObject({
			totals: { passed: 1 },
			error: { phase: 'call', error: { kind: 'trap', trap: 'unreachable' } }
		});
		expect(sdk.closed).toContain('test');
	});

	it('forwards a bounded number of events and counts the rest', async () => {
		const extra = 5;
		const sdk = fakeSdk(async (h, ctx) => {
			const name = sdk.str('loop');
			for (let i = 0; i < MAX_FORWARDED_XTP_EVENTS + extra; i++) h.assert(ctx, name, 1n, name);
		});
		const { events, done } = await job(sdk);
		expect(events).toHaveLength(MAX_FORWARDED_XTP_EVENTS);
		expect(done).toMatchObject({
			dropped: extra,
			totals: { passed: MAX_FORWARDED_XTP_EVENTS + extra }
		});
	});
});
