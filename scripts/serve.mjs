#!/usr/bin/env node
// A tiny static file server for the built site, used by `npm start`, the browser tests and
// benchmarks. It can serve under a sub-path (to prove relative asset paths work) and with
// cross-origin isolation headers (to exercise SharedArrayBuffer-based code paths).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const MIME_TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.ttf': 'font/ttf',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.ts': 'text/plain; charset=utf-8',
	'.wat': 'text/plain; charset=utf-8'
};

/** Normalises a base path to the form `/a/b/` (or `/`). */
function normaliseBase(base) {
	const trimmed = String(base ?? '/').replace(/^\/+|\/+$/g, '');
	return trimmed === '' ? '/' : `/${trimmed}/`;
}

async function fileStat(path) {
	try {
		return await stat(path);
	} catch {
		return null;
	}
}

/**
 * Resolves a URL path (already stripped of the base) to a file under root.
 * Returns `{ file, stats }`, `{ redirect: true }` for a directory URL without its trailing
 * slash, or null.
 */
async function resolveFile(root, relPath) {
	const target = resolve(root, `.${relPath}`);
	if (target !== root && !target.startsWith(root + sep)) return null;
	const stats = await fileStat(target);
	if (stats?.isFile()) return { file: target, stats };
	if (stats?.isDirectory()) {
		// Relative asset URLs resolve against the directory only when the URL ends in '/'.
		if (!relPath.endsWith('/')) return { redirect: true };
		const index = join(target, 'index.html');
		const indexStats = await fileStat(index);
		return indexStats?.isFile() ? { file: index, stats: indexStats } : null;
	}
	// The static adapter writes prerendered routes as `route.html`.
	const html = `${target}.html`;
	const htmlStats = await fileStat(html);
	return htmlStats?.isFile() ? { file: html, stats: htmlStats } : null;
}

/**
 * Starts the server. Resolves to `{ url, close }`, where url is the site's address
 * (including the base path, ending in '/').
 */
export function startStaticServer({
	root = 'build',
	port = 0,
	base = '/',
	isolate = false,
	host = '127.0.0.1'
} = {}) {
	const rootDir = resolve(root);
	const basePath = normaliseBase(base);

	const server = createServer(async (req, res) => {
		const headers = { 'Cache-Control': 'no-store' };
		if (isolate) {
			headers['Cross-Origin-Opener-Policy'] = 'same-origin';
			headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
		}
		const send = (status, body, extra = {}) => {
			res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', ...extra });
			res.end(req.method === 'HEAD' ? undefined : body);
		};

		if (req.method !== 'GET' && req.method !== 'HEAD') {
			return send(405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
		}
		const url = new URL(req.url ?? '/', 'http://localhost');
		let pathname;
		try {
			pathname = decodeURIComponent(url.pathname);
		} catch {
			return send(400, 'Bad Request\n');
		}
		if (pathname === basePath.slice(0, -1)) {
			return send(301, '', { Location: basePath + url.search });
		}
		if (!pathname.startsWith(basePath) || pathname.includes('\0')) {
			return send(404, 'Not Found\n');
		}

		const found = await resolveFile(rootDir, pathname.slice(basePath.length - 1));
		if (found === null) return send(404, 'Not Found\n');
		if ('redirect' in found) {
			return send(301, '', { Location: `${url.pathname}/${url.search}` });
		}
		res.writeHead(200, {
			...headers,
			'Content-Type': MIME_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
			'Content-Length': found.stats.size
		});
		if (req.method === 'HEAD') return res.end();
		createReadStream(found.file)
			.on('error', () => res.destroy())
			.pipe(res);
	});

	return new Promise((resolvePromise, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			const address = server.address();
			const actualPort = typeof address === 'object' && address ? address.port : port;
			resolvePromise({
				url: `http://${host}:${actualPort}${basePath}`,
				close: () =>
					new Promise((done) => {
						server.closeAllConnections();
						server.close(() => done());
					})
			});
		});
	});
}

async function main() {
	const { values } = parseArgs({
		options: {
			port: { type: 'string', default: '4173' },
			base: { type: 'string', default: '/' },
			root: { type: 'string', default: 'build' },
			isolate: { type: 'boolean', default: false }
		}
	});
	const port = Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`--port must be an integer from 0 to 65535, got ${values.port}`);
	}
	const rootStats = await fileStat(resolve(values.root));
	if (!rootStats?.isDirectory()) {
		throw new Error(`${values.root}/ does not exist: run \`npm run build\` first`);
	}
	const { url, close } = await startStaticServer({
		root: values.root,
		port,
		base: values.base,
		isolate: values.isolate
	});
	console.log(
		`Serving ${values.root}/ at ${url}${values.isolate ? ' (cross-origin isolated)' : ''}`
	);
	for (const signal of ['SIGINT', 'SIGTERM']) {
		process.once(signal, () => close().then(() => process.exit(0)));
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	main().catch((error) => {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(1);
	});
}
