import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETUP, type Setup } from '../setup/setup';
import { copySettings } from '../setup/settings';
import { projectFiles, zipProject } from './project';
import { buildCommand, projectSpec, type ProjectSpec } from './project-spec';
import { asFiles } from './files';
import { templateById } from './templates';

const lock = JSON.parse(
	readFileSync(new URL('../../../../package-lock.json', import.meta.url), 'utf8')
);
const locked = (name: string): string => lock.packages[`node_modules/${name}`].version;

function spec(templateId: string, setup: Partial<Setup> = {}): ProjectSpec {
	const t = templateById(templateId)!;
	return projectSpec({
		name: t.id,
		title: t.title,
		language: t.language,
		text: t.text,
		setup: {
			...DEFAULT_SETUP,
			settings: copySettings(DEFAULT_SETUP.settings),
			fn: t.fn,
			input: t.input,
			...setup
		}
	});
}

describe('project files', () => {
	it('pins the compiler and PDK versions the lockfile installs', () => {
		const pkg = JSON.parse(projectFiles(spec('count-vowels'))['package.json']);
		expect(pkg.devDependencies).toEqual({
			assemblyscript: locked('assemblyscript'),
			'@extism/as-pdk': locked('@extism/as-pdk')
		});
		expect(pkg.name).toBe('count-vowels');
		const wat = JSON.parse(projectFiles(spec('wat-echo'))['package.json']);
		expect(wat.devDependencies).toEqual({ wabt: locked('wabt') });
	});

	it('builds with the page’s asc flags: stub runtime and the provided abort handler', () => {
		const files = projectFiles(spec('count-vowels'));
		const build = JSON.parse(files['package.json']).scripts.build;
		expect(build).toBe(
			'asc plugin.ts lib/abort.ts --outFile plugin.wasm --sourceMap --debug --runtime stub --use abort=lib/abort/pluginAbort'
		);
		// The handler the flag names is in the project, so the CLI build finds it.
		expect(files['lib/abort.ts']).toMatch(/function pluginAbort\(/);
		// So are the kernel imports as-pdk lacks, which templates import from ./lib.
		expect(files['lib/kernel.ts']).toContain('http_headers');
		expect(files['plugin.ts']).toBe(templateById('count-vowels')!.text);
		expect(Object.keys(files).some((f) => f.startsWith('node_modules/'))).toBe(false);
	});

	it('carries every file the page’s build reads, apart from the PDK that npm installs', () => {
		const text = templateById('count-vowels')!.text;
		const files = projectFiles(spec('count-vowels'));
		for (const [path, contents] of asFiles(text))
			if (!path.startsWith('node_modules/@extism/as-pdk/')) expect(files[path]).toBe(contents);
	});

	it('builds WAT with wat2wasm and carries only the .wat file as source', () => {
		const files = projectFiles(spec('wat-echo'));
		expect(buildCommand('wat')).toBe('wat2wasm plugin.wat --debug-names -o plugin.wasm');
		expect(Object.keys(files).sort()).toEqual([
			'.gitignore',
			'README.md',
			'package.json',
			'plugin.wat'
		]);
	});

	it('writes a README whose two commands build and run the current setup', () => {
		const settings = copySettings(DEFAULT_SETUP.settings);
		Object.assign(settings, { config: { vowels: 'aeiou' }, wasi: true });
		settings.allowedHosts = ['api.example.com'];
		const readme = projectFiles(spec('count-vowels', { settings }))['README.md'];
		expect(readme).toContain('```sh\nnpm install && npm run build\n```');
		const call = /```sh\n(extism call .*)\n```/.exec(readme)?.[1];
		expect(call).toBeDefined();
		expect(call).toMatch(/^extism call plugin\.wasm count_vowels /);
		expect(call).toContain('--wasi');
		expect(call).toContain('--allow-host api.example.com');
		expect(call).toContain('--config vowels=aeiou');
		expect(call).toContain("--input 'Hello, Extism!'");
	});

	it('keeps the call line inside its code block whatever backticks the setup holds', () => {
		const settings = copySettings(DEFAULT_SETUP.settings);
		settings.config = { note: '````' };
		const input = 'before\n```\n# Injected heading\n```sh\nafter';
		const s = spec('count-vowels', { fn: 'f```', input, settings });
		const lines = projectFiles(s)['README.md'].split('\n');
		// CommonMark: a block ends at a line of at least as many backticks as opened it, and nothing else.
		const open = lines.findIndex((l, i) => i > lines.indexOf('## Run') && /^`{3,}sh$/.test(l));
		const fence = /^`+/.exec(lines[open])![0];
		const close = lines.findIndex(
			(l, i) => i > open && new RegExp(`^\`{${fence.length},}\\s*$`).test(l)
		);
		expect(lines.slice(open + 1, close).join('\n')).toBe(s.call);
		expect(s.call).toContain(input.split('\n')[1]);
	});

	it('says what extism call cannot reproduce: host-function stubs and linked modules', () => {
		const plain = projectFiles(spec('hello'))['README.md'];
		expect(plain).not.toContain('host functions');
		const readme = projectFiles(
			spec('hello', {
				stubs: { 'extism:host/user::greet': 'return 0;' },
				linked: [{ name: 'lib', file: 'lib.wasm', data: null }]
			})
		)['README.md'];
		expect(readme).toContain('cannot provide host functions');
		expect(readme).toContain('`lib`');
		// Default stubs too: the call line itself says the CLI cannot load such a plugin.
		const stubbed = projectFiles(
			projectSpec({
				name: 'h',
				title: 'H',
				language: 'wat',
				text: '',
				setup: DEFAULT_SETUP,
				hostFunctions: [{ module: 'extism:host/user', name: 'lookup', params: [], results: [] }]
			})
		)['README.md'];
		expect(stubbed).toMatch(
			/^# extism call cannot provide host functions.*"extism:host\/user::lookup"/m
		);
		expect(stubbed).toMatch(/^- The playground ran this with host-function stubs/m);
		expect(readme).toContain('--link name=path.wasm');
	});

	it('zips everything under one folder named after the project', () => {
		const entries = unzipSync(zipProject(spec('hello')));
		expect(Object.keys(entries).sort()).toEqual([
			'hello/.gitignore',
			'hello/README.md',
			'hello/lib/abort.ts',
			'hello/lib/http.ts',
			'hello/lib/io.ts',
			'hello/lib/json.ts',
			'hello/lib/kernel.ts',
			'hello/package.json',
			'hello/plugin.ts'
		]);
		expect(strFromU8(entries['hello/plugin.ts'])).toBe(templateById('hello')!.text);
	});
});
