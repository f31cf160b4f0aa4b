// Hand-made share links for tests: JSON → deflate-raw → base64url, as the link format documents.
export async function makeLink(base: string, json: unknown, version = 1): Promise<string> {
	const bytes = new TextEncoder().encode(JSON.stringify(json));
	const packed = await new Response(
		new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'))
	).arrayBuffer();
	const b64 = Buffer.from(packed).toString('base64url');
	return `${base}#s=${version}.${b64}`;
}

/** A valid format-1 setup, for tests to break one field at a time. */
export function setupJson(overrides: Record<string, unknown> = {}) {
	return {
		source: { kind: 'example', id: 'count_vowels' },
		fn: 'count_vowels',
		input: 'Hello',
		settings: {
			wasi: false,
			logLevel: 'info',
			config: {},
			allowedHosts: [],
			allowHttpResponseHeaders: false
		},
		timeoutMs: 10000,
		...overrides
	};
}
