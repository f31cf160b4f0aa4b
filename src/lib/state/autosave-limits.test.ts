// A save holds what a link cannot: input that does not compress, beyond a link's length. Whatever
// cannot be kept is said; "Saved in this browser" never stands over an empty record.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Session } from './session.svelte';
import { MemoryStorage } from './testing/memory-storage';
import { playgroundPerTest } from './testing/playgrounds';

/** Random base64: text that deflate cannot shrink. */
const incompressible = (bytes: number) => randomBytes(bytes).toString('base64');

/** A valid module that is mostly a custom section of random bytes (no code: nothing to run). */
function randomModule(bytes: number): Uint8Array {
	const payload = new Uint8Array([1, 0x78, ...randomBytes(bytes)]);
	const leb: number[] = [];
	for (let n = payload.length; ;) {
		const b = n & 0x7f;
		n >>>= 7;
		if (!n) {
			leb.push(b);
			break;
		}
		leb.push(b | 0x80);
	}
	// A memory section (one memory of one page), so the module is not empty.
	const memory = [5, 3, 1, 0, 1];
	return new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...memory, 0, ...leb, ...payload]);
}

describe('saving what a link cannot carry', () => {
	const playground = playgroundPerTest();

	it('keeps 150 KiB of incompressible input beside the link, and restores it exactly', async () => {
		const storage = new MemoryStorage();
		const pg = playground();
		await pg.startOver();
		const session = new Session(pg, storage);
		const input = incompressible(112 * 1024); // 150 KiB of base64
		pg.setup.input = input;
		await session.saving.saveNow();
		expect(session.saving.text).toBe('Saved in this browser');
		expect(JSON.parse(storage.state!).link).toMatch(/^#s=1\./);

		const other = playground();
		await new Session(other, storage).start({ hash: '', pathname: '/', search: '' });
		expect(other.setup.input).toBe(input);
	});

	it('says which linked modules will not come back when together they overflow the link', async () => {
		const storage = new MemoryStorage();
		const pg = playground();
		await pg.startOver();
		const session = new Session(pg, storage);
		for (const name of ['a', 'b', 'c', 'd'])
			expect(await pg.extras.link(name, `${name}.wasm`, randomModule(20_000))).toBeNull();
		await session.saving.saveNow();
		expect(session.saving.troubled).toBe(true);
		expect(session.saving.text).toMatch(
			/^Saved, except: the linked modules (?:"[abcd]"(?:, )?){4} \(too large together to keep across reloads\): link them again after a reload\.$/
		);
		expect(JSON.parse(storage.state!).link).toMatch(/^#s=1\./);
	});

	it('never says "saved" over an empty record: a setup no save can hold is not saved, in words', async () => {
		const storage = new MemoryStorage();
		const pg = playground();
		await pg.startOver();
		const session = new Session(pg, storage);
		// Config is never moved beside the link: 40 random values overflow any link.
		for (let i = 0; i < 40; i++) pg.setup.addConfig(`k${i}`, incompressible(1500));
		await session.saving.saveNow();
		expect(session.saving.text).toMatch(/^Not saved in this browser: /);
		expect(storage.state).toBeNull();
	});
});
