// The XTP test plugin survives a reload (stored apart from the setup) and goes with New.
import { describe, expect, it } from 'vitest';
import { wat } from '$lib/engine/testing/wasm-builders';
import type { Playground } from './playground.svelte';
import { Session } from './session.svelte';
import { MemoryStorage, playgroundPerTest } from './state-test-utils';

const testPlugin = () =>
	wat(`(module
  (import "xtp:test/harness" "reset" (func))
  (func (export "test") (result i32) (i32.const 0)))`);
/** A page load: restores what is saved; the setup is saved at once (the page saves on change). */
async function start(pg: Playground, storage: MemoryStorage) {
	const session = new Session(pg, storage);
	await session.start({ hash: '', pathname: '/', search: '' });
	await session.saving.saveNow();
	return pg;
}

describe('saving the XTP test plugin', () => {
	const playground = playgroundPerTest();

	it('comes back after a reload, and New forgets it', async () => {
		const storage = new MemoryStorage();
		const pg = await start(playground(), storage);
		expect(await pg.xtp.loadBytes('t.wasm', await testPlugin())).toBe(true);
		expect(storage.testPlugin).toMatchObject({ name: 't.wasm', sha256: pg.xtp.file!.sha256 });

		const reloaded = await start(playground(), storage);
		expect(reloaded.xtp.file).toMatchObject({ name: 't.wasm', uses: ['reset'] });

		const session = new Session(reloaded, storage);
		await session.reset();
		expect(reloaded.xtp.file).toBeNull();
		expect((await start(playground(), storage)).xtp.file).toBeNull();
	});

	it('a refused write is said in the save status', async () => {
		const storage = new MemoryStorage();
		const pg = playground();
		const session = new Session(pg, storage);
		await session.start({ hash: '', pathname: '/', search: '' });
		storage.refuse = true;
		await pg.xtp.loadBytes('t.wasm', await testPlugin());
		await expect
			.poll(() => session.saving.text)
			.toContain('the test plugin file could not be stored');
	});
});
