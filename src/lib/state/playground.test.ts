import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256Once } from '$lib/engine/wasm/sha256';
import { DEFAULT_SETUP } from '$lib/engine/setup/setup';
import type { Playground } from './playground.svelte';
import { currentSetup } from './setup-map';
import { MemoryStorage } from './testing/memory-storage';
import {
	examplePlugin,
	newPlayground,
	playgroundPerTest,
	serveStatic
} from './testing/playgrounds';

const messages = (pg: Playground) =>
	pg.log.entries.flatMap((e) => (e.type === 'message' ? [`${e.level}: ${e.text}`] : []));

describe('the state layer', () => {
	const playground = playgroundPerTest();

	it('starts over with the default setup and the first example', async () => {
		const pg = playground();
		pg.setup.settings.wasi = true;
		pg.setup.timeoutMs = 5;
		pg.setup.addHost('example.com');
		await pg.startOver();
		expect(pg.plugin?.source).toEqual({ kind: 'example', id: pg.examples[0].id });
		expect(pg.current.exampleId).toBe('count_vowels');
		expect(pg.setup.fn).toBe('count_vowels');
		expect(pg.setup.input).toBe('Hello, Extism!');
		expect(pg.setup.timeoutMs).toBe(DEFAULT_SETUP.timeoutMs);
		expect(pg.setup.settings).toEqual(DEFAULT_SETUP.settings);
	});

	it('runs, keeps the instance live across runs, and drops it on reset', async () => {
		const pg = playground();
		await pg.startOver();
		expect(pg.runs.instanceLive).toBe(false);
		await pg.runs.run();
		expect(pg.runs.instanceLive).toBe(true);
		await pg.runs.run();
		const run = pg.log.latestRun!;
		expect(run.status).toBe('ok');
		expect(JSON.parse(run.outputText)).toMatchObject({ count: 4, total: 8 });
		pg.runs.reset();
		expect(pg.runs.instanceLive).toBe(false);
		expect(pg.runs.running).toBe(false);
	});

	it('hashes a loaded plugin after the load, once for the inspector and the saved file', async () => {
		const pg = playground();
		const bytes = await examplePlugin('hello_wasi');
		const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
		expect(await pg.current.loadBytes('hello.wasm', bytes)).toBe(true);
		// The load itself does not wait for the hash: a Run asked for with it goes first.
		expect(pg.current.sha256).toBe('');
		await vi.waitFor(() => expect(pg.current.sha256).toMatch(/^[0-9a-f]{64}$/));
		expect(pg.current.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
		expect(await sha256Once(bytes)).toBe(pg.current.sha256);
		const ofThese = digest.mock.calls.filter(
			([, data]) => (data as Uint8Array).length === bytes.length
		);
		expect(ofThese).toHaveLength(1);
	});

	it('says the hash could not be computed when the digest fails, instead of computing for ever', async () => {
		const pg = playground();
		const bytes = await examplePlugin('hello_wasi');
		vi.spyOn(globalThis.crypto.subtle, 'digest').mockRejectedValue(new Error('OperationError'));
		expect(await pg.current.loadBytes('hello.wasm', bytes)).toBe(true);
		expect(pg.current.hashFailed).toBe(false);
		await vi.waitFor(() => expect(pg.current.hashFailed).toBe(true));
		expect(pg.current.sha256).toBe('');
		vi.restoreAllMocks();
		// The next plugin is hashed afresh.
		expect(await pg.current.loadBytes('hello2.wasm', bytes.slice())).toBe(true);
		expect(pg.current.hashFailed).toBe(false);
		await vi.waitFor(() => expect(pg.current.sha256).toMatch(/^[0-9a-f]{64}$/));
	});

	it('fits the setup to a loaded file and says so', async () => {
		const pg = playground();
		pg.setup.fn = 'nope';
		expect(await pg.current.loadBytes('hello.wasm', await examplePlugin('hello_wasi'))).toBe(true);
		expect(pg.setup.fn).toBe('greet');
		expect(pg.setup.settings.wasi).toBe(true);
		expect(messages(pg)[0]).toBe(
			'info: WASI switched on: this module imports wasi_snapshot_preview1.'
		);
		expect(messages(pg)[1]).toMatch(/^info: Loaded hello\.wasm \(/);
	});

	it('keeps the old plugin when a load fails, and a run asked for during it does not run', async () => {
		const pg = playground();
		await pg.startOver();
		const load = pg.current.loadUrl('https://unreachable.test/p.wasm');
		const run = pg.runs.run();
		expect(pg.runs.runWaiting).toBe(true);
		expect(await load).toBe(false);
		await run;
		expect(pg.plugin?.label).toBe('Count vowels');
		expect(pg.log.latestRun).toBeNull();
		expect(messages(pg).at(-1)).toBe(
			'error: Not run: https://unreachable.test/p.wasm did not load, and the run was for it.'
		);
	});

	it('round-trips the setup through a save and a restore, file included', async () => {
		const storage = new MemoryStorage();
		const pg = playground(storage);
		const { session } = pg;
		await pg.current.loadBytes('vowels.wasm', await examplePlugin('count_vowels'));
		pg.setup.input = 'aaa';
		pg.setup.addConfig('vowels', 'a');
		pg.setup.addHost('api.example.com');
		pg.setup.timeoutMs = null;
		pg.suite.add();
		expect(await pg.extras.link('lib', 'lib.wasm', await examplePlugin('log_levels'))).toBeNull();
		await session.saving.saveNow();
		expect(session.saving.text).toBe('Saved in this browser');
		// Case ids are made anew when a setup is read back; everything else comes back as it was.
		const withoutIds = (p: Playground) => {
			const s = currentSetup(p);
			return { ...s, tests: s.tests?.map((c) => ({ ...c, id: '' })) };
		};
		const saved = withoutIds(pg);

		const other = playground(storage);
		await other.session.start({ hash: '', pathname: '/', search: '' });
		expect(withoutIds(other)).toEqual(saved);
		expect(saved.tests).toHaveLength(1);
		expect(other.extras.linked.map((l) => [l.name, l.label])).toEqual([['lib', 'lib.wasm']]);
		expect(other.plugin?.label).toBe('vowels.wasm');
	});

	it('opens a link before any save, runs nothing, and replaces the address', async () => {
		const from = playground();
		await from.startOver();
		from.setup.input = 'from the link';
		const link = await from.session.share('http://x.test/');
		const storage = new MemoryStorage();
		await playground(storage).session.saving.saveNow();
		const pg = playground(storage);
		const { session } = pg;
		const replaced: string[] = [];
		await session.start({ hash: new URL(link).hash, pathname: '/p/', search: '?q' }, (u) =>
			replaced.push(u)
		);
		expect(pg.setup.input).toBe('from the link');
		expect(session.banner?.plugin).toBe('the bundled example "Count vowels"');
		expect(pg.log.latestRun).toBeNull();
		expect(replaced).toEqual(['/p/?q']);
	});

	it('falls back to the defaults when the save is damaged, and says so', async () => {
		const storage = new MemoryStorage();
		storage.state = '{"v":2,"link":"#s=1.garbage"}';
		const pg = playground(storage);
		await pg.session.start({ hash: '', pathname: '/', search: '' });
		expect(pg.plugin?.label).toBe('Count vowels');
		expect(messages(pg).find((m) => m.startsWith('warn:'))).toMatch(
			/^warn: The setup saved in this browser could not be restored: .* The playground opened with its defaults\.$/
		);
	});

	it('exports linked modules in the manifest and links them again on import', async () => {
		const pg = playground();
		await pg.startOver();
		expect(await pg.extras.link('lib', 'lib.wasm', await examplePlugin('log_levels'))).toBeNull();
		const { text } = await pg.session.manifestJson('http://x.test/');
		const other = playground();
		await other.startOver();
		await other.session.importManifest(text);
		expect(other.extras.linked.map((l) => [l.name, l.label])).toEqual([['lib', 'lib.wasm']]);
		expect(messages(other).at(-1)).toBe('info: Imported the manifest.');
	});

	it('says when storage refuses, and keeps the setup', async () => {
		const storage = new MemoryStorage();
		storage.refuse = true;
		const pg = playground(storage);
		const { session } = pg;
		await pg.startOver();
		await session.saving.saveNow();
		expect(session.saving.troubled).toBe(true);
		expect(session.saving.text).toMatch(/^Not saved: the browser's storage refused/);
		expect(pg.setup.fn).toBe('count_vowels');
	});
});

describe('the test suite', () => {
	beforeEach(serveStatic);
	afterEach(() => vi.unstubAllGlobals());

	it('records a case from the latest run, then passes it and fails a changed one', async () => {
		const pg = newPlayground();
		try {
			await pg.startOver();
			await pg.runs.run();
			pg.suite.add();
			const [first] = pg.suite.cases;
			expect(first.expect).toEqual({ kind: 'output', text: pg.log.latestRun!.outputText });
			pg.suite.add();
			pg.suite.cases[1].input = 'something else';
			await pg.suite.runAll();
			expect(pg.suite.summary).toEqual({ passed: 1, failed: 1 });
			expect(messages(pg).at(-1)).toBe('warn: Tests: 1 passed, 1 failed.');
		} finally {
			pg.dispose();
		}
	});

	it('refuses to run untrusted custom stub code', async () => {
		const pg = newPlayground();
		try {
			await pg.startOver();
			pg.extras.replace({ 'extism:host/user::x': 'return 1;' }, []);
			pg.suite.add();
			await pg.suite.runAll();
			expect(pg.suite.summary).toBeNull();
			expect(messages(pg).at(-1)).toMatch(/^error: This setup came with custom host-function code/);
		} finally {
			pg.dispose();
		}
	});
});
