// The downloaded project, built the way its README says (`npm run build`, offline, with the
// compilers from our node_modules), gives the same plugin as the page's own build.
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import createPlugin, { type Plugin } from '@extism/extism';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETUP, type Setup } from '../setup/setup';
import { copySettings, toSdkOptions, type PluginSettings } from '../setup/settings';
import { buildAs } from './asc';
import { zipProject } from './project';
import { projectSpec, type ProjectSpec } from './project-spec';
import type { BuildResult } from './protocol';
import { templateById } from './templates';
import { buildWat } from './wat';

const run = promisify(execFile);
const NODE_MODULES = fileURLToPath(new URL('../../../../node_modules', import.meta.url));
const dirs: string[] = [];
const plugins: Plugin[] = [];

afterAll(async () => {
	await Promise.all(plugins.map((p) => p.close()));
	for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Unpacks the project's zip, links our node_modules in place of `npm install`, runs its build. */
async function buildDownloaded(spec: ProjectSpec): Promise<Uint8Array> {
	const root = mkdtempSync(join(tmpdir(), 'take-home-'));
	dirs.push(root);
	for (const [path, bytes] of Object.entries(unzipSync(zipProject(spec)))) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), bytes);
	}
	const project = join(root, spec.name);
	symlinkSync(NODE_MODULES, join(project, 'node_modules'), 'dir');
	await run('npm', ['run', 'build'], {
		cwd: project,
		env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' }
	});
	return readFileSync(join(project, 'plugin.wasm'));
}

/** The project of a template, and the setup its README's call line runs. */
function specOf(templateId: string, settings: PluginSettings) {
	const t = templateById(templateId)!;
	const setup: Setup = { ...DEFAULT_SETUP, settings, fn: t.fn, input: t.input };
	const project = projectSpec({
		name: t.id,
		title: t.title,
		language: t.language,
		text: t.text,
		setup
	});
	return { project, setup, text: t.text };
}

/** Each call's output text (twice, so vars carried between calls count too) and the logs. */
async function outputs(bytes: Uint8Array, setup: Setup): Promise<string[]> {
	const logs: string[] = [];
	const logger = Object.fromEntries(
		['trace', 'debug', 'info', 'warn', 'error', 'log'].map((l) => [
			l,
			(m: string) => logs.push(`${l}: ${m}`)
		])
	) as unknown as Console;
	const plugin = await createPlugin(
		{ wasm: [{ data: bytes }] },
		{ ...toSdkOptions(setup.settings), logger }
	);
	plugins.push(plugin);
	const texts: string[] = [];
	for (let i = 0; i < 2; i++)
		texts.push((await plugin.call(setup.fn, setup.input))?.text() ?? '(no output)');
	return [...texts, ...logs];
}

function pageBuild(r: BuildResult): Uint8Array {
	if (!r.ok) throw new Error(`the page's build failed: ${JSON.stringify(r.diagnostics)}`);
	return r.bytes;
}

describe('Download project', () => {
	it('count vowels: the CLI build equals the page build and runs the same', async () => {
		const settings = copySettings(DEFAULT_SETUP.settings);
		settings.config = { vowels: 'aeiou' };
		settings.logLevel = 'info';
		const { project, setup, text } = specOf('count-vowels', settings);
		const asc = await import('assemblyscript/asc');
		const [cli, page] = await Promise.all([
			buildDownloaded(project),
			buildAs(asc, text).then(pageBuild)
		]);
		const got = await outputs(cli, setup);
		// "Hello, Extism!" has e, o, i in lower case (the config leaves out the capital E).
		expect(got.slice(0, 2)).toEqual(['{"count":3,"total":3}', '{"count":3,"total":6}']);
		expect(got).toContain('info: counted 3 vowels');
		expect(got).toEqual(await outputs(page, setup));
		expect(Buffer.from(cli).equals(Buffer.from(page))).toBe(true);
	});

	it('WAT echo: wat2wasm gives the bytes wabt gives in the page', async () => {
		const { project, setup, text } = specOf('wat-echo', copySettings(DEFAULT_SETUP.settings));
		const wabt = await (await import('wabt')).default();
		const page = pageBuild(buildWat(wabt, text));
		const cli = await buildDownloaded(project);
		const got = await outputs(cli, setup);
		expect(got.slice(0, 2)).toEqual([setup.input, setup.input]);
		expect(got).toEqual(await outputs(page, setup));
		expect(Buffer.from(cli).equals(Buffer.from(page))).toBe(true);
	});
});
