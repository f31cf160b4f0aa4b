// "Copy as code": the current setup as an `extism call` command, a JavaScript and a Python program.
// pluginRef is the wasm path or URL to write into the code.
import { toManifest } from './manifest';
import { DEFAULT_SETTINGS } from './settings';
import type { Setup } from './share/setup';

const isUrl = (ref: string) => /^https?:\/\//i.test(ref);

// --- POSIX shell ---

/** Bare when the word has nothing a shell treats specially; else single quotes, with ' as '\''. */
export function shellWord(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : singleQuoted(word);
}

const singleQuoted = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export function toCli(setup: Setup, pluginRef: string): string {
	const s = setup.settings;
	const words = ['extism', 'call', shellWord(pluginRef), shellWord(setup.fn)];
	for (const host of s.allowedHosts) words.push('--allow-host', shellWord(host));
	if (s.wasi) words.push('--wasi');
	for (const [key, value] of Object.entries(s.config))
		words.push('--config', shellWord(`${key}=${value}`));
	if (s.allowHttpResponseHeaders) words.push('--enable-http-response-headers');
	if (s.maxPages !== undefined) words.push('--memory-max', String(s.maxPages));
	if (s.maxVarBytes !== undefined) words.push('--var-max', String(s.maxVarBytes));
	if (s.maxHttpResponseBytes !== undefined)
		words.push('--http-response-max', String(s.maxHttpResponseBytes));
	if (setup.timeoutMs) words.push('--timeout', String(setup.timeoutMs));
	// Like the other settings, the level is left out at the playground's default (info), though
	// extism call then prints no plugin logs.
	if (s.logLevel !== DEFAULT_SETTINGS.logLevel) words.push('--log-level', s.logLevel);
	// Always quoted, so that the input reads as one argument even when it is a plain word.
	if (setup.input !== '') words.push('--input', singleQuoted(setup.input));
	return words.join(' ');
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
const jsKey = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : jsString(key));

export function toJavaScript(setup: Setup, pluginRef: string): string {
	const s = setup.settings;
	const options: string[] = [];
	if (s.wasi) options.push('useWasi: true');
	if (s.allowedHosts.length > 0)
		options.push(`allowedHosts: [${s.allowedHosts.map(jsString).join(', ')}]`);
	const config = Object.entries(s.config).map(([k, v]) => `${jsKey(k)}: ${jsString(v)}`);
	if (config.length > 0) options.push(`config: { ${config.join(', ')} }`);
	// The SDK logs nothing unless a level is set.
	options.push(`logLevel: ${jsString(s.logLevel)}`);
	const memory: string[] = [];
	if (s.maxPages !== undefined) memory.push(`maxPages: ${s.maxPages}`);
	if (s.maxVarBytes !== undefined) memory.push(`maxVarBytes: ${s.maxVarBytes}`);
	if (s.maxHttpResponseBytes !== undefined)
		memory.push(`maxHttpResponseBytes: ${s.maxHttpResponseBytes}`);
	if (memory.length > 0) options.push(`memory: { ${memory.join(', ')} }`);
	if (s.allowHttpResponseHeaders) options.push('allowHttpResponseHeaders: true');
	if (setup.timeoutMs || s.allowedHosts.length > 0) {
		options.push(
			'// The SDK applies timeoutMs only off the main thread, and needs a worker for HTTP where\n' +
				'  // JSPI is missing (Node, Firefox, Safari). In a browser this needs a cross-origin isolated page.\n' +
				'  runInWorker: true'
		);
	}
	if (setup.timeoutMs) options.push(`timeoutMs: ${setup.timeoutMs}`);
	const where = isUrl(pluginRef)
		? ''
		: '// A file path works in Node and Deno; in a browser, pass the URL of the .wasm file.\n';
	const input = setup.input === '' ? '' : `, ${jsString(setup.input)}`;
	return [
		"import createPlugin from '@extism/extism';",
		'',
		`${where}const plugin = await createPlugin(${jsString(pluginRef)}, {`,
		options.map((line) => `  ${line}`).join(',\n'),
		'});',
		`const out = await plugin.call(${jsString(setup.fn)}${input});`,
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

export function toPython(setup: Setup, pluginRef: string): string {
	const manifest = toManifest(setup, { url: pluginRef });
	manifest.wasm = [isUrl(pluginRef) ? { url: pluginRef } : { path: pluginRef }];
	const lines = ['import extism', '', 'manifest = {'];
	for (const [key, value] of Object.entries(manifest)) {
		lines.push(`    ${JSON.stringify(key)}: ${py(value)},`);
	}
	lines.push('}');
	if (setup.settings.allowHttpResponseHeaders) {
		lines.push(
			'# The playground also let the plugin read HTTP response headers',
			'# (extism call --enable-http-response-headers); the manifest has no field for that.'
		);
	}
	lines.push(`extism.set_log_file("stderr", ${JSON.stringify(setup.settings.logLevel)})`, '');
	const wasi = setup.settings.wasi ? ', wasi=True' : '';
	lines.push(
		`with extism.Plugin(manifest${wasi}) as plugin:`,
		`    out = plugin.call(${JSON.stringify(setup.fn)}, ${JSON.stringify(setup.input)})`,
		'    print(out.decode("utf-8"))',
		''
	);
	return lines.join('\n');
}
