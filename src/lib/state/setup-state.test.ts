// SetupState: its answers about the input, which the input panel shows as they are, and config keys.
import { describe, expect, it } from 'vitest';
import { MAX_EMBED_BYTES } from '$lib/engine/persist/codec';
import { SetupState } from './setup-state.svelte';

const file = (size: number) => ({ name: 'big.bin', type: '', bytes: new Uint8Array(size) });

describe('SetupState', () => {
	it('reads the typed input in its encoding, and says why when it does not read', () => {
		const setup = new SetupState();
		setup.input = '00ff';
		setup.inputEncoding = 'hex';
		expect(setup.typed).toEqual({ ok: true, bytes: new Uint8Array([0, 255]) });
		setup.input = 'zz';
		expect(setup.typed).toMatchObject({ ok: false, message: expect.stringMatching(/hex/) });
		// A file replaces the typed input in what is sent, not in what the text box reads.
		setup.inputFile = file(3);
		expect(setup.inputBytes()).toEqual({ ok: true, bytes: new Uint8Array(3) });
		expect(setup.typed.ok).toBe(false);
	});

	it('says when the input file is too large to travel in a link, and only then', () => {
		const setup = new SetupState();
		expect(setup.inputFileNote).toBeNull();
		setup.inputFile = file(MAX_EMBED_BYTES);
		expect(setup.inputFileNote).toBeNull();
		setup.inputFile = file(MAX_EMBED_BYTES + 1);
		expect(setup.inputFileNote).toBe(
			'Too large to travel in a share link (limit 24.0 KiB): a link carries only its name. It is kept in this browser across reloads.'
		);
	});
});

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
