import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import wabtInit from 'wabt';
import type { Builder } from '$lib/engine/author/client';
import type { BuildResult } from '$lib/engine/author/protocol';
import { printWat } from '$lib/engine/author/print';
import { buildWat } from '$lib/engine/author/wat';
import { InProcessWorker } from '$lib/engine/testing/in-process-worker';
import { Playground } from './playground.svelte';
import { currentSetup, applySetup } from './setup-map';
import { ORIGIN, serveStatic } from './testing/playgrounds';

const wabt = await wabtInit();

/** Builds WAT in-process and counts builds (AssemblyScript is covered by the engine tests). */
function fakeBuilder() {
	const b = {
		builds: 0,
		/** While true, builds wait until stopped (a build in progress). */
		hold: false,
		held: null as ((r: BuildResult) => void) | null,
		preload: vi.fn(),
		dispose: vi.fn(),
		async build(_language: string, text: string): Promise<BuildResult> {
			b.builds++;
			if (b.hold) return new Promise((resolve) => (b.held = resolve));
			return buildWat(wabt, text);
		},
		stop: vi.fn(() => {
			b.held?.({ ok: false, diagnostics: [], ms: 0, message: 'stopped', stopped: true });
			b.held = null;
		}),
		async print(bytes: Uint8Array) {
			return printWat(wabt, bytes);
		}
	};
	return b satisfies Builder;
}

const messages = (pg: Playground) =>
	pg.log.entries.flatMap((e) => (e.type === 'message' ? [`${e.level}: ${e.text}`] : []));

describe('writing a plugin', () => {
	let pg: Playground;
	let builder: ReturnType<typeof fakeBuilder>;
	beforeEach(() => {
		serveStatic();
		builder = fakeBuilder();
		pg = new Playground({
			search: '',
			origin: ORIGIN,
			spawn: () => new InProcessWorker(),
			builder: () => builder
		});
	});
	afterEach(() => {
		pg.dispose();
		vi.unstubAllGlobals();
	});

	it('builds on Run only when the source changed, and runs the built module', async () => {
		pg.write.start();
		expect(builder.preload).toHaveBeenCalledWith('assemblyscript');
		pg.write.setLanguage('wat');
		expect(builder.preload).toHaveBeenLastCalledWith('wat');
		expect(pg.write.templateId).toBe('wat-echo');
		pg.setup.input = 'abc';
		await pg.run();
		expect(builder.builds).toBe(1);
		expect(pg.plugin?.source).toEqual({ kind: 'build', name: 'plugin.wat' });
		expect(pg.setup.fn).toBe('echo');
		await pg.run();
		expect(builder.builds).toBe(1);
		pg.write.text += '\n;; changed\n';
		expect(pg.write.stale).toBe(true);
		await pg.run();
		expect(builder.builds).toBe(2);
		const runs = pg.log.entries.filter((e) => e.type === 'run');
		expect(runs).toHaveLength(3);
	});

	it('lists a function of a source not built yet as "build to run", not "not exported"', async () => {
		await pg.current.loadExample('count_vowels');
		expect(pg.functionNote('count_vowels')).toBe('');
		expect(pg.functionNote('greet')).toBe('not exported');
		pg.write.start();
		pg.write.setLanguage('wat');
		expect(pg.setup.fn).toBe('echo');
		expect(pg.functionNote('echo')).toBe('build to run');
		await pg.write.build();
		expect(pg.functionNote('echo')).toBe('');
		// Built and current: a name the build does not export is not exported.
		expect(pg.functionNote('count_vowels')).toBe('not exported');
		pg.write.text = pg.write.text.replace('"echo"', '"echo2"');
		expect(pg.functionNote('echo2')).toBe('build to run');
	});

	it('Run pressed again during a build runs the new build once', async () => {
		pg.write.start();
		pg.write.setLanguage('wat');
		await Promise.all([pg.run(), pg.run(), pg.run()]);
		expect(builder.builds).toBe(1);
		expect(pg.log.entries.filter((e) => e.type === 'run')).toHaveLength(1);
	});

	it('a failed build says where and runs nothing', async () => {
		pg.write.start();
		pg.write.setLanguage('wat');
		pg.write.text = '(module\n  (func (export "x") (result i32)\n   foo))';
		await pg.run();
		expect(pg.write.diagnostics[0]).toMatchObject({ line: 3, column: 4 });
		expect(messages(pg)).toContain(
			'error: plugin.wat:3:4 error: unexpected token foo, expected ).'
		);
		expect(pg.log.entries.filter((e) => e.type === 'run')).toHaveLength(0);
		expect(pg.plugin).toBeNull();
	});

	it('links carry the source, not the built bytes, and opening one builds nothing', async () => {
		pg.write.start();
		pg.write.setLanguage('wat');
		await pg.write.build();
		const setup = currentSetup(pg);
		expect(setup.source).toEqual({ kind: 'none' });
		expect(setup.code).toEqual({ language: 'wat', text: pg.write.text });
		const other = new Playground({
			search: '',
			origin: ORIGIN,
			spawn: () => new InProcessWorker(),
			builder: fakeBuilder
		});
		await applySetup(other, setup, []);
		expect(other.write.active).toBe(true);
		expect(other.write.text).toBe(setup.code!.text);
		expect(other.plugin).toBeNull();
		other.dispose();
	});

	it('loading another plugin leaves writing, so Run runs that plugin', async () => {
		pg.write.start();
		await pg.current.loadExample('count_vowels');
		expect(pg.write.active).toBe(false);
		expect(currentSetup(pg).code).toBeUndefined();
	});

	it('Edit source opens an example’s source with its setup, and Run builds it', async () => {
		await pg.current.loadExample('trap');
		expect(await pg.write.openExample('trap')).toBe(true);
		expect(pg.write.active).toBe(true);
		expect(pg.write.language).toBe('wat');
		expect(pg.write.text).toContain('unreachable');
		expect(pg.setup.fn).toBe('trap');
		expect(pg.write.stale).toBe(true);
		await pg.run();
		expect(builder.builds).toBe(1);
		expect(pg.plugin?.source).toEqual({ kind: 'build', name: 'plugin.wat' });
	});

	it('Edit source of an unknown example says so and leaves the page as it was', async () => {
		expect(await pg.write.openExample('no_such_example')).toBe(false);
		expect(pg.write.active).toBe(false);
		expect(messages(pg)).toContain(
			'error: The source of the example "no_such_example" could not be opened.'
		);
	});

	it('Stop during a build ends it, runs nothing, and the next Run builds again', async () => {
		pg.write.start();
		pg.write.setLanguage('wat');
		builder.hold = true;
		const running = pg.run();
		await vi.waitFor(() => expect(pg.write.building).toBe(true));
		pg.stop();
		await running;
		expect(builder.stop).toHaveBeenCalledOnce();
		expect(pg.write.building).toBe(false);
		expect(messages(pg)).toContain('warn: Build stopped: nothing was run.');
		expect(pg.log.entries.filter((e) => e.type === 'run')).toHaveLength(0);
		expect(pg.plugin).toBeNull();
		builder.hold = false;
		await pg.run();
		expect(builder.builds).toBe(2);
		expect(pg.log.entries.filter((e) => e.type === 'run')).toHaveLength(1);
	});

	it('a failed build keeps the last good one loaded, marked out of date', async () => {
		pg.write.start();
		pg.write.setLanguage('wat');
		expect(await pg.write.build()).toBe(true);
		expect(pg.write.outdated).toBe(false);
		const good = pg.plugin;
		pg.write.text = '(module (func (export "x") (result i32) foo))';
		expect(await pg.write.build()).toBe(false);
		expect(pg.plugin).toBe(good);
		expect(pg.write.outdated).toBe(true);
		expect(pg.write.lastBuild?.ok).toBe(false);
	});

	it('diagnostic lines carry their place, and revealing one asks the editor to go there', async () => {
		pg.write.start();
		pg.write.setLanguage('wat');
		pg.write.text = '(module\n  (func (export "x") (result i32)\n   foo))';
		await pg.write.build();
		const line = pg.log.entries.find((e) => e.type === 'message' && e.at);
		expect(line?.type === 'message' && line.at).toEqual({ line: 3, column: 4 });
		pg.write.reveal({ line: 3, column: 4 });
		expect(pg.write.cursor).toEqual({ line: 3, column: 4 });
		pg.write.stop();
		pg.write.reveal({ line: 1, column: 1 });
		expect(pg.write.cursor).toEqual({ line: 3, column: 4 });
	});
});
