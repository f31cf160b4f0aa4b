// export/ — the setup written for elsewhere: code (this file, codegen-input) and Extism
// manifests. May import setup/, persist/ (the strict field readers) and util/.
//
// "Copy as code": the current setup as an `extism call` command, a JavaScript and a Python program.
// pluginRef is the wasm path or URL to write into the code.
// Every setting comes from its description (settings.ts), in the order each snippet always had.
import { toManifest } from './manifest';
import { isDefault } from '../setup/settings';
import { SETTING_LIST, TIMEOUT, type Setting } from '../setup/settings-table';
import type { Setup } from '../setup/setup';
import { cliInput, codeInput, jsInput, pyInput } from './codegen-input';
import { cliHostNote, jsHostFunctions, pyHostFunctions } from './codegen-host';
import type { StubSpec } from '../stubs/host-stubs';

const isUrl = (ref: string) => /^https?:\/\//i.test(ref);

/** What the code needs to know of the plugin beyond the setup. */
export interface CodePlugin {
	/** The plugin was built in the playground: its file comes from Download .wasm. */
	built?: boolean;
	/** The host functions it imports, with the person's stub code where there is one. */
	hostFunctions?: StubSpec[];
}

/** Where a plugin built here comes from, in the words of each language's comments. */
const builtNote = (ref: string) =>
	`${ref} is the plugin built in the playground: save it with Download .wasm.`;

// --- POSIX shell ---

/** Bare when the word has nothing a shell treats specially; else single quotes, with ' as '\''. */
export function shellWord(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : singleQuoted(word);
}

const singleQuoted = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * `--config K=V` splits at the first `=`, and no argument can hold a NUL: such entries go in one
 * `--set-config` JSON object instead (JSON escapes a NUL), which extism merges with the rest.
 */
const needsJson = ([k, v]: [string, string]) => k.includes('=') || `${k}${v}`.includes('\0');

/** The words of one setting: a flag per list item or config entry, else the flag and its value. */
function cliWords(setting: Setting, value: unknown): string[] {
	const flag = setting.cli.flag;
	if (setting.kind === 'list') return (value as string[]).flatMap((v) => [flag, shellWord(v)]);
	if (setting.kind === 'map') {
		const entries = Object.entries(value as Record<string, string>);
		const json = entries.filter(needsJson);
		const words = entries
			.filter((e) => !needsJson(e))
			.flatMap(([k, v]) => [flag, shellWord(`${k}=${v}`)]);
		if (json.length)
			words.push('--set-config', singleQuoted(JSON.stringify(Object.fromEntries(json))));
		return words;
	}
	return setting.kind === 'flag' ? [flag] : [flag, shellWord(String(value))];
}

/** Mocks answer only in the playground: the command would make the requests for real. */
function cliMocksNote(count: number): string[] {
	if (count === 0) return [];
	const what = count === 1 ? 'The mock response' : `The ${count} mock responses`;
	return [
		`# ${what} set in the playground ${count === 1 ? 'is' : 'are'} not part of this command:`,
		'# extism call sends every request to the network (to the allowed hosts).'
	];
}

export function toCli(setup: Setup, pluginRef: string, plugin: CodePlugin = {}): string {
	// A setting at the playground's default is left out; for the log level (info), extism call
	// then prints no plugin logs.
	const parts = SETTING_LIST.flatMap(([key, setting]) => {
		const value = setup.settings[key];
		return isDefault(setting, value)
			? []
			: [{ at: setting.cli.at, words: cliWords(setting, value) }];
	});
	if (setup.timeoutMs)
		parts.push({ at: TIMEOUT.cli.at, words: [TIMEOUT.cli.flag, String(setup.timeoutMs)] });
	parts.sort((a, b) => a.at - b.at);
	const flags = parts.flatMap((p) => p.words);
	// Always quoted, so that the input reads as one argument even when it is a plain word.
	const input = cliInput(codeInput(setup), singleQuoted);
	flags.push(...input.words);
	const notes = [...(plugin.built ? [`# ${builtNote(pluginRef)}`] : [])];
	notes.push(...cliHostNote(plugin.hostFunctions ?? []));
	notes.push(...cliMocksNote(setup.mocks?.length ?? 0));
	const positional = [pluginRef, setup.fn];
	if (positional.some((w) => w.includes('\0')))
		notes.push(
			'# The plugin or function name holds a NUL byte, which no command-line argument can carry:',
			'# it is left out below, so extism call is given another name.'
		);
	const args = positional.map((w) => shellWord(w.replace(/\0/g, '')));
	// extism reads any word that starts with "-" as a flag (a function named --help shows the help):
	// after "--" every word is positional, so the flags go first.
	const words = positional.some((w) => w.startsWith('-'))
		? ['extism', 'call', ...flags, '--', ...args]
		: ['extism', 'call', ...args, ...flags];
	const line = input.pipe + words.join(' ') + input.redirect;
	return [...notes, line].join('\n');
}

// --- JavaScript ---

/** A single-quoted JS string literal; non-ASCII text stays readable. */
export function jsString(text: string): string {
	let out = "'";
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 0;
		if (ch === '\\' || ch === "'") out += `\\${ch}`;
		else if (ch === '\n') out += '\\n';
		else if (ch === '\r') out += '\\r';
		else if (ch === '\t') out += '\\t';
		// Control characters, and the line and paragraph separators that older parsers reject.
		else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || isLone(ch))
			out += `\\u${code.toString(16).padStart(4, '0')}`;
		else out += ch;
	}
	return `${out}'`;
}

const isLone = (ch: string) => ch.length === 1 && ch >= '\ud800' && ch <= '\udfff';
/** An object key; `__proto__` as a computed key, which makes an own property, not a prototype. */
export const jsKey = (key: string) =>
	key === '__proto__' ? `[${jsString(key)}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? key : jsString(key);

function jsValue(setting: Setting, value: unknown): string {
	switch (setting.kind) {
		case 'list':
			return `[${(value as string[]).map(jsString).join(', ')}]`;
		case 'map': {
			const entries = Object.entries(value as Record<string, string>);
			return `{ ${entries.map(([k, v]) => `${jsKey(k)}: ${jsString(v)}`).join(', ')} }`;
		}
		case 'choice':
			return jsString(value as string);
		default:
			return String(value);
	}
}

/** The createPlugin options the settings need; nested ones ("memory.maxPages") share one line. */
function jsOptions(setup: Setup): string[] {
	const set = SETTING_LIST.flatMap(([key, setting]) => {
		const value = setup.settings[key];
		// A choice is written unless it is the SDK's own default: for the log level, always.
		const skip =
			setting.kind === 'choice' ? value === setting.sdkDefault : isDefault(setting, value);
		return skip
			? []
			: [{ at: setting.js, path: setting.sdk.split('.'), text: jsValue(setting, value) }];
	});
	set.sort((a, b) => a.at - b.at);
	const options: { name: string; text?: string; members: string[] }[] = [];
	for (const { path, text } of set) {
		const [name, inner] = path;
		const last = options.at(-1);
		if (inner === undefined) options.push({ name, text, members: [] });
		else if (last?.name === name && last.text === undefined) last.members.push(`${inner}: ${text}`);
		else options.push({ name, members: [`${inner}: ${text}`] });
	}
	return options.map((o) => `${o.name}: ${o.text ?? `{ ${o.members.join(', ')} }`}`);
}

export function toJavaScript(setup: Setup, pluginRef: string, plugin: CodePlugin = {}): string {
	const s = setup.settings;
	const options = jsOptions(setup);
	const functions = jsHostFunctions(plugin.hostFunctions ?? [], jsKey, jsString);
	if (functions.length) options.push('functions');
	if (setup.timeoutMs || s.allowedHosts.length > 0) {
		options.push(
			'// The SDK applies timeoutMs only off the main thread, and needs a worker for HTTP where\n' +
				'  // JSPI is missing (Node, Firefox, Safari). In a browser this needs a cross-origin isolated page.\n' +
				'  runInWorker: true'
		);
	}
	// Checked with the SDK under Node: its timeout timer is never cleared, so the program
	// does not exit until it fires; better said than taken for a hang.
	if (setup.timeoutMs)
		options.push(
			"// In Node the SDK's timer keeps the process up until this long after the last call.\n" +
				`  ${TIMEOUT.sdk}: ${setup.timeoutMs}`
		);
	const where = isUrl(pluginRef)
		? ''
		: `${plugin.built ? `// ${builtNote(pluginRef)}\n` : ''}// A file path works in Node and Deno; in a browser, pass the URL of the .wasm file.\n`;
	const input = jsInput(codeInput(setup), jsString);
	return [
		...input.before,
		"import createPlugin from '@extism/extism';",
		'',
		...functions,
		`${where}const plugin = await createPlugin(${jsString(pluginRef)}, {`,
		options.map((line) => `  ${line}`).join(',\n'),
		'});',
		`const out = await plugin.call(${jsString(setup.fn)}${input.arg});`,
		'// A function that sets no output returns null.',
		'console.log(out?.text());',
		'await plugin.close();',
		''
	].join('\n');
}

// --- Python ---

/** JSON literals are Python literals too, apart from true/false/null. */
function py(value: unknown): string {
	if (value === null || value === undefined) return 'None';
	if (typeof value === 'boolean') return value ? 'True' : 'False';
	if (Array.isArray(value)) return `[${value.map((v) => py(v)).join(', ')}]`;
	if (typeof value === 'object') {
		const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`);
		return `{${entries.join(', ')}}`;
	}
	return JSON.stringify(value);
}

export function toPython(setup: Setup, pluginRef: string, plugin: CodePlugin = {}): string {
	const manifest = toManifest(setup, { url: pluginRef });
	manifest.wasm = [isUrl(pluginRef) ? { url: pluginRef } : { path: pluginRef }];
	const input = pyInput(codeInput(setup));
	const lines = [...input.imports, 'import extism', ''];
	if (plugin.built) lines.push(`# ${builtNote(pluginRef).replace(/\0/g, '\\0')}`);
	lines.push('manifest = {');
	for (const [key, value] of Object.entries(manifest)) {
		lines.push(`    ${JSON.stringify(key)}: ${py(value)},`);
	}
	// What the manifest cannot carry: said in a comment, set before the plugin, or passed to it.
	const comments: string[] = [];
	const before: string[] = [];
	let kwargs = '';
	for (const [key, setting] of SETTING_LIST) {
		const python = setting.python;
		if (!python) continue; // the manifest has it
		const value = setup.settings[key];
		// A `before` line is always written (the SDK logs nothing unless told); the rest when set.
		if ('before' in python) before.push(python.before(String(value)));
		else if (isDefault(setting, value)) continue;
		else if ('kwarg' in python) kwargs += `, ${python.kwarg}=${py(value)}`;
		else
			comments.push(
				`# The playground also ${python.lacks}`,
				`# (extism call ${setting.cli.flag}); the manifest has no field for that.`
			);
	}
	lines.push('}', ...comments, ...before);
	const host = pyHostFunctions(plugin.hostFunctions ?? []);
	if (host.names.length) kwargs += `, functions=[${host.names.join(', ')}]`;
	lines.push(...host.lines, '');
	lines.push(
		`with extism.Plugin(manifest${kwargs}) as plugin:`,
		`    out = plugin.call(${JSON.stringify(setup.fn)}, ${input.arg})`,
		'    print(out.decode("utf-8"))',
		''
	);
	return lines.join('\n');
}
