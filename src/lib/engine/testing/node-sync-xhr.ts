// A synchronous XMLHttpRequest for Node, so unit tests can run the no-JSPI HTTP path against a
// real server: each send() blocks on a child Node process that makes the request with fetch. The
// server must run in another process (this one is blocked while the child waits for it).
import { execFileSync } from 'node:child_process';
import type { XhrLike } from '../http/xhr';

const CHILD = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
	const r = JSON.parse(Buffer.concat(chunks).toString());
	const res = await fetch(r.url, {
		method: r.method,
		headers: r.headers,
		body: r.body === null ? undefined : Buffer.from(r.body, 'base64')
	});
	const headers = [...res.headers].map(([k, v]) => k + ': ' + v).join('\\r\\n');
	const body = Buffer.from(await res.arrayBuffer()).toString('base64');
	process.stdout.write(JSON.stringify({ status: res.status, url: res.url, headers, body }));
});
`;

export class NodeSyncXhr implements XhrLike {
	responseType: XMLHttpRequestResponseType = '';
	withCredentials = false;
	status = 0;
	response: ArrayBuffer | null = null;
	responseURL = '';
	#method = 'GET';
	#url = '';
	#headers: Record<string, string> = {};
	#raw = '';

	open(method: string, url: string): void {
		this.#method = method;
		this.#url = url;
	}

	setRequestHeader(name: string, value: string): void {
		this.#headers[name] = value;
	}

	send(body?: Uint8Array | null): void {
		const request = {
			method: this.#method,
			url: this.#url,
			headers: this.#headers,
			body: body ? Buffer.from(body).toString('base64') : null
		};
		const out = execFileSync(process.execPath, ['-e', CHILD], {
			input: JSON.stringify(request),
			encoding: 'utf8',
			timeout: 20_000
		});
		const res = JSON.parse(out) as { status: number; url: string; headers: string; body: string };
		this.status = res.status;
		this.responseURL = res.url;
		this.#raw = res.headers;
		const bytes = Buffer.from(res.body, 'base64');
		this.response = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
	}

	getAllResponseHeaders(): string {
		return this.#raw;
	}
}
