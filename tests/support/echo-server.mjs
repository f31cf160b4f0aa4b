#!/usr/bin/env node
// An HTTP server for the browser tests: plugins' requests go here, with and without CORS, and
// plugins are loaded from here by URL. Plain JS with no dependencies, so it runs without a build.
//
//   node tests/support/echo-server.mjs --port 4180 [--host 127.0.0.1]
//
// Routes (all with CORS unless the name says otherwise):
//   ANY  /echo/...                 200 JSON { method, path, query, headers, body }
//   ANY  /status/NNN               status NNN with a small JSON body
//   ANY  /nocors/...               200 JSON, no CORS headers (OPTIONS → 405)
//   GET  /large?bytes=N            N bytes of "x" (default 1 MiB)
//   GET  /plugin/NAME.wasm         tests/fixtures/out/NAME.wasm, out/debug/NAME.wasm or static/examples/…
//   GET  /slow/NAME.wasm?ms=N      the same, streamed in chunks over N ms (default 2000)
//   GET  /plugin-nocors/NAME.wasm  the same, no CORS headers
//   ANY  /redirect?to=URL&status=N a redirect (302 unless N is given) to URL
//   GET  /seen?path=P              the requests this server received for path P (method, host)
//   anything else                  404
import { readFile } from 'node:fs/promises';
import { STATUS_CODES, createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PLUGIN_DIRS = ['tests/fixtures/out', 'tests/fixtures/out/debug', 'static/examples'];
const MAX_LARGE = 256 * 1024 * 1024;
const SLOW_CHUNKS = 20;
const MAX_SEEN = 10_000;
/** Every request received, so a test can prove that one never arrived. */
const seen = [];

function corsHeaders(req) {
	const origin = req.headers.origin;
	const headers = {
		'access-control-allow-origin': origin ?? '*',
		'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
		// "*" does not cover every header in every browser; content-type is the one POSTs need.
		'access-control-allow-headers': '*, content-type',
		'access-control-expose-headers': '*',
		'access-control-max-age': '600',
		// Lets pages with COEP require-corp read these responses even in no-cors mode.
		'cross-origin-resource-policy': 'cross-origin'
	};
	if (origin) headers.vary = 'Origin';
	if (req.headers['access-control-request-private-network']) {
		headers['access-control-allow-private-network'] = 'true';
	}
	return headers;
}

function sendJson(res, status, value, headers = {}) {
	const body = JSON.stringify(value);
	res.writeHead(status, {
		...headers,
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(body)
	});
	res.end(body);
}

async function readBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	return Buffer.concat(chunks).toString('utf8');
}

async function echo(req, res, url, headers) {
	sendJson(
		res,
		200,
		{
			method: req.method,
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: req.headers,
			body: await readBody(req)
		},
		headers
	);
}

function status(req, res, code, headers) {
	if (!Number.isInteger(code) || code < 200 || code > 599) {
		return sendJson(res, 400, { error: 'status must be 200–599' }, headers);
	}
	// These statuses must not carry a body.
	if (code === 204 || code === 205 || code === 304) {
		res.writeHead(code, headers);
		return res.end();
	}
	sendJson(res, code, { status: code, message: STATUS_CODES[code] ?? '' }, headers);
}

function large(res, url, headers) {
	const requested = Number(url.searchParams.get('bytes') ?? 1024 * 1024);
	const total = Math.min(Math.max(0, Math.floor(requested) || 0), MAX_LARGE);
	res.writeHead(200, {
		...headers,
		'content-type': 'text/plain; charset=utf-8',
		'content-length': total
	});
	const chunk = Buffer.alloc(64 * 1024, 'x');
	let left = total;
	const pump = () => {
		while (left > 0) {
			const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
			left -= part.length;
			if (!res.write(part)) return void res.once('drain', pump);
		}
		res.end();
	};
	pump();
}

async function pluginBytes(name) {
	if (!/^[\w-]+$/.test(name)) return null;
	for (const dir of PLUGIN_DIRS) {
		try {
			return await readFile(`${ROOT}${dir}/${name}.wasm`);
		} catch {
			// Try the next folder.
		}
	}
	return null;
}

/** Sends the bytes in equal chunks spread over `ms`, so a progress bar has something to show. */
function slow(req, res, bytes, ms, headers) {
	res.writeHead(200, {
		...headers,
		'content-type': 'application/wasm',
		'content-length': bytes.length
	});
	const size = Math.ceil(bytes.length / SLOW_CHUNKS);
	let sent = 0;
	const timer = setInterval(
		() => {
			res.write(bytes.subarray(sent, sent + size));
			sent += size;
			if (sent >= bytes.length) {
				clearInterval(timer);
				res.end();
			}
		},
		Math.max(1, ms / SLOW_CHUNKS)
	);
	res.on('close', () => clearInterval(timer));
}

function redirect(res, url, headers) {
	const to = url.searchParams.get('to') ?? '/';
	const code = Number(url.searchParams.get('status') ?? 302);
	res.writeHead([301, 302, 303, 307, 308].includes(code) ? code : 302, {
		...headers,
		location: to
	});
	res.end();
}

async function handle(req, res) {
	const url = new URL(req.url ?? '/', 'http://localhost');
	if (url.pathname !== '/seen') {
		if (seen.length >= MAX_SEEN) seen.shift();
		seen.push({ method: req.method, host: req.headers.host ?? '', path: url.pathname });
	}
	const [, route = '', rest = ''] = /^\/([^/]*)\/?(.*)$/.exec(url.pathname) ?? [];
	const cors = route === 'nocors' || route === 'plugin-nocors' ? {} : corsHeaders(req);

	if (req.method === 'OPTIONS') {
		if (route === 'nocors' || route === 'plugin-nocors') {
			res.writeHead(405, { allow: 'GET, POST, HEAD' });
			return res.end();
		}
		res.writeHead(204, cors);
		return res.end();
	}

	switch (route) {
		case 'echo':
		case 'nocors':
			return echo(req, res, url, cors);
		case 'status':
			return status(req, res, Number(rest), cors);
		case 'redirect':
			return redirect(res, url, cors);
		case 'seen': {
			const path = url.searchParams.get('path');
			return sendJson(res, 200, { requests: seen.filter((r) => r.path === path) }, cors);
		}
		case 'large':
			if (rest === '') return large(res, url, cors);
			break;
		case 'plugin':
		case 'plugin-nocors':
		case 'slow': {
			const bytes = rest.endsWith('.wasm') ? await pluginBytes(rest.slice(0, -5)) : null;
			if (!bytes) break;
			if (route === 'slow') {
				const ms = Number(url.searchParams.get('ms') ?? 2000);
				return slow(req, res, bytes, Number.isFinite(ms) && ms >= 0 ? ms : 2000, cors);
			}
			res.writeHead(200, {
				...cors,
				'content-type': 'application/wasm',
				'content-length': bytes.length
			});
			return res.end(bytes);
		}
	}
	sendJson(res, 404, { error: 'not found', path: url.pathname }, cors);
}

/** Starts the server; `port: 0` picks a free port. */
export async function startEchoServer({ port = 0, host = '127.0.0.1' } = {}) {
	const server = createServer((req, res) => {
		handle(req, res).catch((err) => {
			if (!res.headersSent) sendJson(res, 500, { error: String(err) });
			else res.destroy();
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve(undefined));
	});
	const actual = server.address().port;
	const shown = host.includes(':') ? `[${host}]` : host;
	return {
		url: `http://${shown}:${actual}`,
		port: actual,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			})
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '4180' },
			host: { type: 'string', default: '127.0.0.1' }
		}
	});
	const server = await startEchoServer({ port: Number(values.port), host: values.host });
	console.log(`echo server on ${server.url}`);
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.on(signal, () => void server.close().then(() => process.exit(0)));
	}
}
