// The method of a request the SDK refuses on the JSPI path. There the SDK's own http_request
// (@extism/extism 2.0.0-rc13, src/http-context.ts makeRequest) checks allowedHosts and throws
// before our fetch is called, and its words carry the URL but not the method. Its function cannot
// be wrapped: the SDK makes it while instantiating (foreground-plugin.ts, "REBIND") and replaces
// any http_request we pass. What it does expose: it reads the request with
// `callContext.read(reqaddr).json()`, on the very CallContext it binds to each of our host
// functions (`func.bind(null, context)` in createForegroundPlugin). So one of our functions, given
// a `bind` of its own, receives that CallContext when the plugin is made, and we watch what its
// reads parse as JSON. Grants stay the SDK's; this only looks. Should a later SDK change either
// step, nothing is noted and the row shows "—" as before.

interface Readable {
	read(addr: bigint | number): { json(): unknown } | null;
}

export interface RequestWatch {
	/** `fn`, whose binding by the SDK hands us the CallContext to watch. */
	capturing<F extends (...args: never[]) => unknown>(fn: F): F;
	/** The method of the last request read, when it went to `url` (as the SDK's refusal says it). */
	methodFor(url: string): string | undefined;
}

export function watchRequests(): RequestWatch {
	let last: { url: string; method: string } | null = null;
	const watched = new WeakSet<object>();

	function note(value: unknown) {
		if (!value || typeof value !== 'object') return;
		const { url, method } = value as { url?: unknown; method?: unknown };
		if (typeof url !== 'string') return;
		// As the SDK reads it: no method means GET.
		if (method === undefined || method === null) last = { url, method: 'GET' };
		else if (typeof method === 'string') last = { url, method: method.toUpperCase() };
	}

	function watch(ctx: unknown) {
		if (!ctx || typeof ctx !== 'object' || watched.has(ctx)) return;
		const target = ctx as Readable;
		const read = target.read;
		if (typeof read !== 'function') return;
		watched.add(ctx);
		target.read = function (this: Readable, addr) {
			const out = read.call(this, addr);
			if (out && typeof out.json === 'function') {
				const json = out.json;
				out.json = function (this: unknown) {
					const value = json.call(this);
					note(value);
					return value;
				};
			}
			return out;
		};
	}

	return {
		capturing(fn) {
			const copy = fn.bind(undefined) as typeof fn;
			Object.defineProperty(copy, 'bind', {
				value(thisArg: unknown, ...args: unknown[]) {
					watch(args[0]);
					return Function.prototype.bind.call(copy, thisArg, ...args);
				}
			});
			return copy;
		},
		methodFor(url) {
			if (!last) return undefined;
			try {
				// The SDK's refusal names the request's URL parsed (`${new URL(url)}`).
				return new URL(last.url).href === url ? last.method : undefined;
			} catch {
				return undefined;
			}
		}
	};
}
