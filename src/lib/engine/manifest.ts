// Extism manifests (the JSON every host SDK and `extism call -m` read), in and out.
import type { PluginSettings } from './settings';
import type { Setup } from './share/setup';
import { fromBase64, toBase64 } from './share/base64';
import { readCount, readStringList, readStringMap, SetupError } from './share/fields';
import { LIMITS } from './share/setup-v1';
import { isObject, type Json } from './validate';

export type ManifestWasm = { url: string } | { data: Uint8Array };

export type ParsedManifest =
	| {
			ok: true;
			/** null when the manifest names no module a browser can load. */
			wasm: ManifestWasm | null;
			settings: Partial<PluginSettings>;
			timeoutMs?: number;
			/** Parts of the manifest that were left out, in sentences. */
			warnings: string[];
	  }
	| { ok: false; message: string };

/**
 * The setup as a manifest in the manifest's own (snake_case) field names, with only the fields
 * that are set. WASI and the log level are not manifest fields: hosts pass them when creating
 * the plugin.
 */
export function toManifest(setup: Setup, wasm: ManifestWasm): Json {
	const s = setup.settings;
	const manifest: Json = {
		wasm: ['url' in wasm ? { url: wasm.url } : { data: toBase64(wasm.data) }]
	};
	if (s.allowedHosts.length > 0) manifest.allowed_hosts = [...s.allowedHosts];
	if (Object.keys(s.config).length > 0) manifest.config = { ...s.config };
	const memory: Json = {};
	if (s.maxPages !== undefined) memory.max_pages = s.maxPages;
	if (s.maxVarBytes !== undefined) memory.max_var_bytes = s.maxVarBytes;
	if (s.maxHttpResponseBytes !== undefined) memory.max_http_response_bytes = s.maxHttpResponseBytes;
	if (Object.keys(memory).length > 0) manifest.memory = memory;
	if (setup.timeoutMs) manifest.timeout_ms = setup.timeoutMs;
	return manifest;
}

/** snake_case first; camelCase too, as the JS SDK writes it. null counts as absent (the schema's default). */
function field(obj: Json, snake: string, camel: string): unknown {
	return obj[snake] ?? obj[camel] ?? undefined;
}

function describeEntry(entry: Json, index: number): string {
	return typeof entry.name === 'string' ? `"${entry.name}"` : `number ${index + 1}`;
}

function readWasm(list: unknown, warnings: string[]): ManifestWasm | null {
	if (list === undefined) {
		warnings.push('The manifest lists no wasm module: load the plugin separately.');
		return null;
	}
	if (!Array.isArray(list))
		throw new SetupError('The manifest\'s "wasm" must be a list of modules.');
	if (list.length === 0) {
		warnings.push('The manifest\'s "wasm" list is empty: load the plugin separately.');
		return null;
	}
	if (!list.every(isObject)) throw new SetupError('Every entry of "wasm" must be an object.');
	// Extism's rule: the main module is the one named "main", or else the last one.
	let index = list.findIndex((entry) => entry.name === 'main');
	if (index < 0) index = list.length - 1;
	const entry = list[index];
	const label = describeEntry(entry, index);
	if (list.length > 1) {
		warnings.push(
			`The manifest lists ${list.length} wasm modules; only the main one (${label}) is loaded, as the playground cannot link several modules.`
		);
	}
	if (entry.hash !== undefined) {
		warnings.push(`The sha256 hash given for module ${label} is not checked here.`);
	}
	if (typeof entry.url === 'string') return { url: entry.url };
	if (typeof entry.data === 'string') {
		const data = fromBase64(entry.data.replace(/\s+/g, ''));
		if (!data) throw new SetupError(`The "data" of module ${label} is not valid base64.`);
		return { data };
	}
	if (typeof entry.path === 'string') {
		warnings.push(
			`Module ${label} is a file path ("${entry.path}"): a browser cannot read files from disk, so load that file by hand.`
		);
		return null;
	}
	throw new SetupError(`Module ${label} has no "url", "data" or "path" text.`);
}

function readMemory(value: unknown, settings: Partial<PluginSettings>): void {
	if (value === undefined) return;
	if (!isObject(value)) throw new SetupError('The manifest\'s "memory" must be an object.');
	const limit = (snake: string, camel: string, max: number) => {
		const v = field(value, snake, camel);
		return v === undefined ? undefined : readCount(v, `the manifest's "memory.${snake}"`, max);
	};
	const maxPages = limit('max_pages', 'maxPages', LIMITS.maxPages);
	const maxVarBytes = limit('max_var_bytes', 'maxVarBytes', LIMITS.maxBytes);
	const maxHttp = limit('max_http_response_bytes', 'maxHttpResponseBytes', LIMITS.maxBytes);
	if (maxPages !== undefined) settings.maxPages = maxPages;
	if (maxVarBytes !== undefined) settings.maxVarBytes = maxVarBytes;
	if (maxHttp !== undefined) settings.maxHttpResponseBytes = maxHttp;
}

/** Never throws: a manifest is pasted or loaded by people, so every failure is a message. */
export function parseManifest(text: string): ParsedManifest {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (e) {
		return { ok: false, message: `This is not valid JSON (${(e as Error).message}).` };
	}
	if (!isObject(json)) {
		return { ok: false, message: 'A manifest is a JSON object with a "wasm" list of modules.' };
	}
	try {
		const warnings: string[] = [];
		const wasm = readWasm(json.wasm, warnings);
		const settings: Partial<PluginSettings> = {};
		const hosts = field(json, 'allowed_hosts', 'allowedHosts');
		if (hosts !== undefined)
			settings.allowedHosts = readStringList(
				hosts,
				'the manifest\'s "allowed_hosts"',
				LIMITS.hosts
			);
		const config = field(json, 'config', 'config');
		if (config !== undefined)
			settings.config = readStringMap(config, 'the manifest\'s "config"', LIMITS.config);
		readMemory(field(json, 'memory', 'memory'), settings);
		const paths = field(json, 'allowed_paths', 'allowedPaths');
		if (isObject(paths) && Object.keys(paths).length > 0) {
			warnings.push('allowed_paths was left out: a plugin in a browser has no files to reach.');
		}
		const timeout = field(json, 'timeout_ms', 'timeoutMs');
		if (timeout === undefined) return { ok: true, wasm, settings, warnings };
		const timeoutMs = readCount(timeout, 'the manifest\'s "timeout_ms"', LIMITS.timeoutMs);
		return { ok: true, wasm, settings, timeoutMs, warnings };
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		return { ok: false, message: `This manifest cannot be used. ${message}` };
	}
}
