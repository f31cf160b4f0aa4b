// Our own http_status_code and http_headers, fed by the same fetch as the SDK's http_request.
//
// Why: in @extism/extism 2.0.0-rc13's JSPI path, the SDK swaps in its HTTP functions only when it
// reaches the http_request import; http_status_code or http_headers imported before it stay bound
// to the kernel's "not enabled" stubs, so the plugin reads status 0. Functions passed as options
// are bound first, whatever the import order. (In the SDK's worker mode its own set replaces
// these, which is also correct.)

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

interface CallContext {
	store(input: string | Uint8Array): bigint;
}

export function createHttpHostFunctions(fetchFn: Fetch, allowHeaders: boolean) {
	let status = 0;
	let headers: Record<string, string> = {};
	const fetch: Fetch = async (input, init) => {
		status = 0;
		headers = {};
		const res = await fetchFn(input, init);
		status = res.status;
		headers = Object.fromEntries(res.headers);
		return res;
	};
	const functions = {
		'extism:host/env': {
			http_status_code: () => status,
			http_headers: (ctx: CallContext) => (allowHeaders ? ctx.store(JSON.stringify(headers)) : 0n)
		}
	};
	return { fetch, functions };
}
