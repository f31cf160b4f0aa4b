import { describe, expect, it } from 'vitest';
import { SetupState } from './setup-state.svelte';

describe('SetupState config', () => {
	it('keeps a key named __proto__ as a key of its own, and removes it again', () => {
		const setup = new SetupState();
		expect(setup.addConfig('__proto__', 'p')).toBe(true);
		expect(setup.addConfig('a=b', 'c')).toBe(true);
		expect(Object.entries(setup.settings.config)).toEqual([
			['__proto__', 'p'],
			['a=b', 'c']
		]);
		expect(Object.getPrototypeOf(setup.settings.config)).toBe(Object.prototype);
		setup.removeConfig('__proto__');
		expect(Object.keys(setup.settings.config)).toEqual(['a=b']);
	});
});
