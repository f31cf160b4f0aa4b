// Getting plugin bytes: from a URL (with progress), a file, or a bundled example; then compiling once.
import { inspectWasm, invalidCodeMessage, type InspectResult, type ModuleInfo } from './inspect';

export type PluginSource =
	| { kind: 'example'; id: string }
	| { kind: 'file'; name: string }
	| { kind: 'url'; url: string }
	/** Built here from source the person wrote: links and saves carry the source instead. */
	| { kind: 'build'; name: string };

/** A failure a person should read as is. */
export class LoadError extends Error {
	override name = 'LoadError';
}

/**
 * Loopback names plain http may use. Not "[::1]": a CSP host-source cannot name an IPv6 address,
 * so the page's policy would block the download after the link was accepted.
 */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Why a plugin URL is refused, or null: the one rule for the Load field and for links. A user
 * name ("example.com@evil.test") makes the address read as another host's. Only https, or plain
 * http to loopback (which browsers treat as secure); `insecure` words that refusal for the caller.
 */
export function pluginUrlProblem(url: URL, insecure: (url: URL) => string): string | null {
	if (url.username || url.password)
		return `The plugin address contains a user name before "@", which hides its real host (${url.hostname}). Use ${url.protocol}//${url.host}${url.pathname} if that is the host you mean.`;
	if (url.hostname === '[::1]')
		return 'Plugins cannot be loaded from [::1]: use http://localhost or http://127.0.0.1 instead.';
	if (url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)))
		return null;
	return insecure(url);
}

/** https only, except loopback (what browsers also treat as a secure origin). */
export function checkPluginUrl(text: string): URL {
	let url: URL;
	try {
		url = new URL(text.trim());
	} catch {
		throw new LoadError(`"${text.trim()}" is not a URL. Enter an address starting with https://.`);
	}
	const problem = pluginUrlProblem(
		url,
		(u) =>
			`Only https:// URLs can be loaded (got ${u.protocol.replace(':', '')}://). Plugin code should not travel unencrypted.`
	);
	if (problem) throw new LoadError(problem);
	return url;
}

export type Progress = (loaded: number, total: number | null) => void;

export async function fetchBytes(
	url: string,
	onProgress: Progress,
	signal?: AbortSignal
): Promise<Uint8Array> {
	let res: Response;
	try {
		res = await fetch(url, { signal, credentials: 'omit' });
	} catch (e) {
		if (signal?.aborted) throw new LoadError('The download was cancelled.');
		throw new LoadError(
			`Could not download ${url}: the server is unreachable, or it does not allow browsers to read it (it must send Access-Control-Allow-Origin). ${e instanceof Error ? e.message : ''}`.trim()
		);
	}
	if (!res.ok)
		throw new LoadError(`The server answered ${res.status} ${res.statusText} for ${url}.`);
	const total = Number(res.headers.get('content-length')) || null;
	if (!res.body) return new Uint8Array(await res.arrayBuffer());
	const chunks: Uint8Array[] = [];
	let loaded = 0;
	const reader = res.body.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
		loaded += value.length;
		onProgress(loaded, total);
	}
	const bytes = new Uint8Array(loaded);
	let off = 0;
	for (const c of chunks) {
		bytes.set(c, off);
		off += c.length;
	}
	return bytes;
}

export interface PreparedPlugin {
	info: ModuleInfo;
	module: WebAssembly.Module;
	compileMs: number;
}

/**
 * Inspect, then compile once on the page (compiling runs no plugin code); the compiled module is
 * handed to each worker, so a fresh instance never compiles again.
 */
export async function preparePlugin(
	bytes: Uint8Array
): Promise<
	{ ok: true; plugin: PreparedPlugin } | { ok: false; info: InspectResult; message: string }
> {
	// Both at once: compiling happens off the page's thread, and it validates the code for us.
	const start = performance.now();
	const compiled = WebAssembly.compile(bytes as Uint8Array<ArrayBuffer>).then(
		(module) => ({ module, ms: performance.now() - start }),
		(e: unknown) => ({ error: e instanceof Error ? e.message : String(e) })
	);
	const info = await inspectWasm(bytes, { validate: false, hash: false });
	const result = await compiled;
	if (!info.ok) return { ok: false, info, message: info.message };
	if ('error' in result) {
		return { ok: false, info, message: invalidCodeMessage(` (${result.error})`) };
	}
	return { ok: true, plugin: { info, module: result.module, compileMs: result.ms } };
}
