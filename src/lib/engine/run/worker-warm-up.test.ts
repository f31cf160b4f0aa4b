import createPlugin from '@extism/extism';
import { describe, expect, it } from 'vitest';
import type { CreatePlugin } from './sdk-plugin';
import { WARM_UP_MODULE, warmUp } from './worker-warm-up';

describe('the plugin worker warm-up', () => {
	it('is a valid module that the SDK loads and calls through the worker host', async () => {
		expect(WebAssembly.validate(WARM_UP_MODULE)).toBe(true);
		expect(await warmUp(createPlugin as unknown as CreatePlugin, { jspi: false })).toBe(true);
	});

	it('swallows an SDK that fails: the worker then only starts cold', async () => {
		const failing = (async () => {
			throw new Error('no SDK here');
		}) as unknown as CreatePlugin;
		expect(await warmUp(failing, { jspi: false })).toBe(false);
	});
});
