// Runs the built example and fixture plugins in the SDK's Node build and checks what they do.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import createPlugin, { type ExtismPluginOptions, type Plugin } from '@extism/extism';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, exampleById, exampleWasmPath } from '../src/lib/engine/setup/examples';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

const wasm = (rel: string) => readFileSync(`${ROOT}${rel}`);
const example = (id: string) => wasm(`static/examples/${id}.wasm`);
const fixture = (id: string) => wasm(`tests/fixtures/out/${id}.wasm`);
const build = () =>
	execFileSync(process.execPath, ['scripts/build-examples.mjs'], { cwd: ROOT, encoding: 'utf8' });

/** A logger that records what the plugin logs, in order. */
function recorder() {
	const logs: [Level, string][] = [];
	const logger = Object.fromEntries(
		LEVELS.map((level) => [level, (message: string) => logs.push([level, message])])
	);
	return { logs, logger: logger as unknown as Console };
}

const open: Plugin[] = [];
async function load(bytes: Uint8Array, options: ExtismPluginOptions = {}) {
	const plugin = await createPlugin({ wasm: [{ data: bytes }] }, options);
	open.push(plugin);
	return plugin;
}

async function callError(plugin: Plugin, name: string, input?: string | Uint8Array) {
	try {
		await plugin.call(name, input);
	} catch (err) {
		return err;
	}
	throw new Error(`${name} did not fail`);
}

// The plugins are compiled once by vitest's global setup (scripts/vitest-setup.mjs).

afterAll(async () => {
	await Promise.all(open.map((plugin) => plugin.close()));
});

describe('build script', () => {
	it('skips plugins that are already up to date', () => {
		const out = build();
		expect(out).not.toMatch(/^built /m);
		expect(out).toMatch(/\d+ plugin\(s\) already up to date/);
	});
});

describe('catalog', () => {
	it('lists the seven examples, count_vowels first, each matching its built plugin', () => {
		expect(EXAMPLES.map((e) => e.id)).toHaveLength(7);
		expect(EXAMPLES[0].id).toBe('count_vowels');
		for (const info of EXAMPLES) {
			expect(exampleById(info.id)).toBe(info);
			expect(exampleWasmPath(info)).toBe(`examples/${info.id}.wasm`);
			const module = new WebAssembly.Module(wasm(`static/${exampleWasmPath(info)}`));
			const exports = WebAssembly.Module.exports(module).map((e) => e.name);
			expect(exports).toContain(info.functionName);
			expect(exports).toContain('memory');
			const imports = WebAssembly.Module.imports(module);
			expect(imports.some((i) => i.module === 'wasi_snapshot_preview1')).toBe(info.wasi);
		}
		expect(exampleById('nope')).toBeUndefined();
	});

	it('prefills the webhook with a JSON input for an allowed host', () => {
		const info = exampleById('webhook');
		expect(JSON.parse(info?.input ?? '')).toEqual({
			url: 'https://httpbin.org/post',
			payload: { hello: 'world' }
		});
		expect(info?.allowedHosts).toEqual(['httpbin.org']);
	});
});

describe('count_vowels', () => {
	it('counts with the default vowels, keeps a running total and logs', async () => {
		const { logs, logger } = recorder();
		const plugin = await load(example('count_vowels'), { logLevel: 'trace', logger });
		const first = await plugin.call('count_vowels', 'Hello, Extism!');
		expect(first?.json()).toEqual({ count: 4, total: 4, vowels: 'aeiouAEIOU' });
		const second = await plugin.call('count_vowels', 'aaa');
		expect(second?.json()).toEqual({ count: 3, total: 7, vowels: 'aeiouAEIOU' });
		expect(logs).toEqual([
			['info', 'counted 4 vowels'],
			['debug', 'total is now 4'],
			['info', 'counted 3 vowels'],
			['debug', 'total is now 7']
		]);
	});

	it('uses the vowels config, escaping it in the JSON output', async () => {
		const xyz = await load(example('count_vowels'), { config: { vowels: 'xyz' } });
		expect((await xyz.call('count_vowels', 'xylophone zebra'))?.json()).toMatchObject({
			count: 3,
			vowels: 'xyz'
		});
		const odd = await load(example('count_vowels'), { config: { vowels: '"\\' } });
		expect((await odd.call('count_vowels', 'a"b\\c"'))?.json()).toEqual({
			count: 3,
			total: 3,
			vowels: '"\\'
		});
		const none = await load(example('count_vowels'), { config: { vowels: '' } });
		expect((await none.call('count_vowels', 'aeiou'))?.json()).toMatchObject({ count: 0 });
	});

	it('counts non-ASCII characters and outputs valid UTF-8', async () => {
		const plugin = await load(example('count_vowels'), { config: { vowels: 'äöüé😀' } });
		const out = await plugin.call('count_vowels', 'Tschüß, café 😀!');
		expect(out?.json()).toEqual({ count: 3, total: 3, vowels: 'äöüé😀' });
	});
});

describe('log_levels', () => {
	it('logs once at each of the five levels', async () => {
		const { logs, logger } = recorder();
		const plugin = await load(example('log_levels'), { logLevel: 'trace', logger });
		expect((await plugin.call('log_all'))?.text()).toBe('logged at 5 levels');
		expect(logs).toEqual(LEVELS.map((level) => [level, `${level} message`]));
	});
});

describe('fail, trap and loop', () => {
	it('fail reports its own error with the input', async () => {
		const plugin = await load(example('fail'));
		const err = await callError(plugin, 'fail', 'disk é full');
		expect((err as Error).message).toBe('Plugin-originated error: deliberate failure: disk é full');
	});

	it('trap traps with unreachable', async () => {
		const plugin = await load(example('trap'));
		const err = await callError(plugin, 'trap');
		expect(err).toBeInstanceOf(WebAssembly.RuntimeError);
		expect((err as Error).message).toBe('unreachable');
	});

	it('loop_forever never returns (stopped by the SDK worker timeout)', async () => {
		// The SDK's timeout also bounds starting its worker, which a loaded machine can stretch past
		// a few hundred ms; the loop never ends, so any limit is reached.
		const plugin = await load(example('loop'), { runInWorker: true, timeoutMs: 3000 });
		await expect(plugin.call('loop_forever')).rejects.toThrow(
			'EXTISM: call canceled due to timeout'
		);
	});
});

describe('hello_wasi', () => {
	it('greets the input when WASI is on', async () => {
		const plugin = await load(example('hello_wasi'), { useWasi: true });
		expect((await plugin.call('greet', 'Zoë'))?.text()).toBe('Hello, Zoë!');
	});

	it('does not load without WASI', async () => {
		await expect(load(example('hello_wasi'))).rejects.toThrow('WASI is not enabled');
	});
});

describe('webhook', () => {
	const usage =
		'Plugin-originated error: input must be JSON like {"url": "https://…", "payload": {…}}';

	it.each([
		['not JSON', 'hello'],
		['no url', '{"payload": {}}'],
		['a url that is not a string', '{"url": 42}'],
		['an unterminated object', '{"url": "https://a.example/"'],
		['text after the object', '{"url": "https://a.example/"} x'],
		['a top-level array', '["https://a.example/"]']
	])('rejects %s', async (_, input) => {
		const plugin = await load(example('webhook'), { useWasi: true });
		expect((await callError(plugin, 'post_json', input)) as Error).toHaveProperty('message', usage);
	});

	describe('against a local server (SDK worker mode: Node 20 has no JSPI)', () => {
		let server: Server;
		let url = '';
		const received: { method?: string; type?: string; body: string }[] = [];
		beforeAll(async () => {
			server = createServer((req, res) => {
				let body = '';
				req.setEncoding('utf8');
				req.on('data', (chunk: string) => (body += chunk));
				req.on('end', () => {
					received.push({ method: req.method, type: req.headers['content-type'], body });
					res.writeHead(201, { 'content-type': 'text/plain; charset=utf-8' });
					res.end(`got "${body.length}" chars\n\tok ✓`);
				});
			});
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
		});
		afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

		it('POSTs the raw payload text and outputs status and body', async () => {
			const payload =
				'{\n  "hello": "wörld",\n  "tricky": ["]}", "\\"", {"a": [1, 2.5e3, null]}]\n}';
			const input = `{"payload": ${payload}, "url": "${url.replace('/hook', '\\/hook')}"}`;
			const plugin = await load(example('webhook'), {
				useWasi: true,
				runInWorker: true,
				allowedHosts: ['127.0.0.1']
			});
			const out = await plugin.call('post_json', input);
			expect(received).toEqual([{ method: 'POST', type: 'application/json', body: payload }]);
			expect(out?.json()).toEqual({ status: 201, body: `got "${payload.length}" chars\n\tok ✓` });
		});
	});
});

describe('fixtures', () => {
	it('echo returns the input bytes exactly, invalid UTF-8 included', async () => {
		const plugin = await load(fixture('echo'));
		const input = new Uint8Array([0xff, 0x00, 0xc3, 0x28, 0x41, 0x80, 0x0a]);
		expect((await plugin.call('echo', input))?.bytes()).toEqual(input);
	});

	it('binary_output and html_output output their exact bytes', async () => {
		const binary = await load(fixture('binary_output'));
		const bytes = (await binary.call('bytes'))?.bytes();
		expect(bytes).toEqual(new Uint8Array([0xff, 0x00, 0xfe, 0x41, 0x80, 0x0a]));
		const html = await load(fixture('html_output'));
		expect((await html.call('html'))?.text()).toBe(
			'<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script><b>bold</b>'
		);
	});

	it('big_output outputs 32 MiB of A', async () => {
		const plugin = await load(fixture('big_output'));
		const bytes = (await plugin.call('big'))?.bytes() ?? new Uint8Array();
		expect(bytes.length).toBe(33554432);
		expect([bytes[0], bytes[bytes.length - 1]]).toEqual([0x41, 0x41]);
		expect(Buffer.from(bytes).equals(Buffer.alloc(33554432, 'A'))).toBe(true);
	});

	it('grow_memory traps once memory cannot grow', async () => {
		const plugin = await load(fixture('grow_memory'));
		const err = await callError(plugin, 'grow');
		expect(err).toBeInstanceOf(WebAssembly.RuntimeError);
	});

	it('recursion overflows the stack', async () => {
		const plugin = await load(fixture('recursion'));
		const err = await callError(plugin, 'recurse');
		expect(err).toBeInstanceOf(RangeError);
		expect((err as Error).message).toMatch(/call stack/);
	});

	it('no_abi imports nothing and start_trap fails while instantiating', async () => {
		const noAbi = new WebAssembly.Module(fixture('no_abi'));
		expect(WebAssembly.Module.imports(noAbi)).toEqual([]);
		expect(WebAssembly.Module.exports(noAbi).map((e) => e.name)).toEqual(['add', 'run']);
		await expect(load(fixture('start_trap'))).rejects.toThrow('unreachable');
	});
});
