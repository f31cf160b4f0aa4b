import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import wabtInit from 'wabt';
import type { Builder } from '$lib/engine/author/client';
import { printWat } from '$lib/engine/author/print';
import { buildWat } from '$lib/engine/author/wat';
import { InProcessWorker } from '$lib/engine/testing/in-process-worker';
import { Playground } from './playground.svelte';
import { ORIGIN, serveStatic } from './testing/playgrounds';
import { TakeHome } from './take-home.svelte';

const wabt = await wabtInit();
// The echo template, importing a host function its host app would provide.
const WITH_HOST_FUNCTION = `(module
  (import "extism:host/user" "lookup" (func (param i64) (result i64)))
  (memory (export "memory") 1)
  (func (export "echo") (result i32) (i32.const 0)))
`;
// WAT builds in-process; the AssemblyScript project is built for real in the engine's tests.
const watBuilder: Builder = {
	preload() {},
	stop() {},
	dispose() {},
	build: async (_language, text) => buildWat(wabt, text),
	print: async (bytes) => printWat(wabt, bytes)
};

describe('take it home', () => {
	let pg: Playground;
	beforeEach(async () => {
		serveStatic();
		pg = new Playground({
			search: '',
			origin: ORIGIN,
			spawn: () => new InProcessWorker(),
			builder: () => watBuilder
		});
		// The first example is on show, as on a first visit: a loaded plugin is not a build.
		await pg.startOver();
		pg.write.start();
		pg.write.setLanguage('wat');
	});
	afterEach(() => {
		pg.dispose();
		vi.unstubAllGlobals();
	});

	it('offers nothing before a build, and says why', async () => {
		expect(pg.plugin?.source.kind).toBe('example');
		expect(pg.takeHome.wasmBlocked).toMatch(/^Build first/);
		expect(pg.takeHome.projectBlocked).toMatch(/^Build first/);
		expect(pg.takeHome.wasm()).toBeNull();
		expect(await pg.takeHome.project()).toBeNull();
	});

	it('gives the build as a .wasm named after the template', async () => {
		expect(await pg.write.build()).toBe(true);
		const file = pg.takeHome.wasm()!;
		expect(file.name).toBe('wat-echo.wasm');
		expect(file.type).toBe('application/wasm');
		expect(WebAssembly.validate(file.data as Uint8Array<ArrayBuffer>)).toBe(true);
		expect(file.data).toEqual(pg.plugin!.bytes);
	});

	it('zips the source with a README that runs the current setup', async () => {
		pg.setup.input = 'take me home';
		await pg.write.build();
		const file = (await pg.takeHome.project())!;
		expect(file).toMatchObject({ name: 'wat-echo.zip', type: 'application/zip' });
		const entries = unzipSync(file.data);
		expect(strFromU8(entries['wat-echo/plugin.wat'])).toBe(pg.write.text);
		expect(strFromU8(entries['wat-echo/README.md'])).toContain(
			"extism call plugin.wasm echo --timeout 10000 --input 'take me home'"
		);
	});

	it('keeps the last build downloadable while the source changes, but not the project', async () => {
		await pg.write.build();
		const built = pg.plugin!.bytes;
		pg.write.text += '\n;; changed\n';
		expect(pg.takeHome.wasm()?.data).toBe(built);
		expect(pg.takeHome.projectBlocked).toMatch(/source changed since the last build/);
		expect(await pg.takeHome.project()).toBeNull();
	});

	it('says in words when the project code cannot load', async () => {
		await pg.write.build();
		const home = new TakeHome(pg, () => Promise.reject(new TypeError('Failed to fetch')));
		expect(await home.project()).toBeNull();
		expect(home.preparing).toBe(false);
		const said = pg.log.entries.flatMap((e) => (e.type === 'message' ? [e.text] : []));
		expect(said).toContain('The project could not be made: Failed to fetch');
	});

	it('Copy as code names the build as Download .wasm saves it, never its source file', async () => {
		await pg.write.build();
		const { session } = pg;
		const cli = await session.copyAs('CLI', 'http://x.test/');
		expect(cli).toContain('# wat-echo.wasm is the plugin built in the playground: save it with');
		expect(cli).toMatch(/^extism call wat-echo\.wasm echo /m);
		expect(await session.copyAs('JavaScript', 'http://x.test/')).toContain(
			"createPlugin('wat-echo.wasm'"
		);
		expect(await session.copyAs('Python', 'http://x.test/')).toContain(
			'"wasm": [{"path": "wat-echo.wasm"}]'
		);
		for (const kind of ['CLI', 'JavaScript', 'Python'] as const)
			expect(await session.copyAs(kind, 'http://x.test/')).not.toContain('plugin.wat');
	});

	it('Copy as code stubs every imported host function, with the code written for it', async () => {
		pg.write.text = WITH_HOST_FUNCTION;
		await pg.write.build();
		pg.extras.setCode('extism:host/user::lookup', "return host.text('found');");
		const { session } = pg;
		const js = await session.copyAs('JavaScript', 'http://x.test/');
		expect(js).toContain("'extism:host/user': {");
		expect(js).toContain("return host.text('found');");
		expect(js).toMatch(/^ {2}functions,?$/m);
		const py = await session.copyAs('Python', 'http://x.test/');
		expect(py).toContain('@extism.host_fn(name="lookup", namespace="extism:host/user"');
		expect(py).toContain('functions=[host_lookup]');
		expect(await session.copyAs('CLI', 'http://x.test/')).toContain('extism call cannot provide');
		// The project's README says so beside its call line too.
		const file = (await pg.takeHome.project())!;
		const readme = strFromU8(unzipSync(file.data)[`${pg.takeHome.name}/README.md`]);
		expect(readme).toContain(
			'# extism call cannot provide host functions, and the plugin imports "extism:host/user::lookup":'
		);
	});
});
