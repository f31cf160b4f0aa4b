// A fresh plugin worker's first load and call paid for compiling the SDK's code, its kernel and
// ours: ~8 ms on a 2-core machine, on the way to a person's first output. A worker warms up
// before it says it is ready: a throwaway host loads and calls a tiny module of ours (never a
// plugin a person gave, and nothing it says reaches the page), then is dropped.
import { DEFAULT_SETTINGS } from '../setup/settings';
import { leb } from '../wasm/reader';
import type { HttpCapabilities } from '../http/path';
import type { CreatePlugin } from './sdk-plugin';
import { createWorkerHost } from './worker-host';

const text = (s: string) => [...leb(s.length), ...new TextEncoder().encode(s)];
const section = (id: number, body: number[]) => [id, ...leb(body.length), ...body];
const ENV = text('extism:host/env');

/**
 * (module
 *   (import "extism:host/env" "input_length" (func $in (result i64)))
 *   (import "extism:host/env" "output_set" (func $out (param i64 i64)))
 *   (func (export "warm") (result i32) (drop (call $in)) (call $out (i64.const 0) (i64.const 0))
 *     (i32.const 0)))
 */
export const WARM_UP_MODULE = new Uint8Array([
	...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
	// types: () → i64, (i64, i64) → (), () → i32
	...section(1, [3, 0x60, 0, 1, 0x7e, 0x60, 2, 0x7e, 0x7e, 0, 0x60, 0, 1, 0x7f]),
	...section(2, [2, ...ENV, ...text('input_length'), 0, 0, ...ENV, ...text('output_set'), 0, 1]),
	...section(3, [1, 2]),
	...section(7, [1, ...text('warm'), 0, 2]),
	// call 0, drop, i64.const 0, i64.const 0, call 1, i32.const 0, end
	...section(10, [1, 13, 0, 0x10, 0, 0x1a, 0x42, 0, 0x42, 0, 0x10, 1, 0x41, 0, 0x0b])
]);

/** Loads and calls WARM_UP_MODULE once; a failure only means the worker starts cold. */
export async function warmUp(createPlugin: CreatePlugin, caps: HttpCapabilities): Promise<boolean> {
	try {
		const module = await WebAssembly.compile(WARM_UP_MODULE);
		const answers: string[] = [];
		const host = createWorkerHost((msg) => answers.push(msg.type), createPlugin, caps);
		await host.handle({ type: 'load', id: 1, module, settings: DEFAULT_SETTINGS });
		await host.handle({ type: 'call', id: 2, fn: 'warm', input: new Uint8Array([1]) });
		return answers.includes('result');
	} catch {
		return false;
	}
}
