import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { jsString, shellWord, toCli, toJavaScript, toPython } from './codegen';
import { DEFAULT_SETTINGS } from '../setup/settings';
import { DEFAULT_SETUP, type Setup } from '../setup/setup';
import { newMock } from '../http/mocks/mock';
import { readCall, runCli } from '../testing/extism-call';

const minimal: Setup = {
	source: { kind: 'none' },
	fn: 'count_vowels',
	input: 'Hello, Extism!',
	settings: { ...DEFAULT_SETTINGS },
	timeoutMs: null
};

const everything: Setup = {
	source: { kind: 'url', url: 'https://example.com/p/all.wasm' },
	fn: "it's",
	input: 'Say "hi"\nit\'s ✓ 𝔘 \\ end',
	settings: {
		wasi: true,
		logLevel: 'debug',
		config: { vowels: 'aeiou', 'greeting text': 'it\'s "ok"', multi: 'a\nb' },
		allowedHosts: ['api.example.com', '*.cdn.example'],
		maxPages: 16,
		maxVarBytes: 1024,
		maxHttpResponseBytes: 4096,
		allowHttpResponseHeaders: true
	},
	timeoutMs: 5000
};

const webhook: Setup = {
	source: { kind: 'example', id: 'webhook' },
	fn: 'post_json',
	input: JSON.stringify({ url: 'https://webhook.site/abc', payload: { hello: 'world' } }, null, 2),
	settings: { ...DEFAULT_SETTINGS, wasi: true, allowedHosts: ['webhook.site'] },
	timeoutMs: null
};

describe('toCli', () => {
	it('writes only the function and input for a minimal setup', () => {
		expect(toCli(minimal, 'count_vowels.wasm')).toBe(
			`extism call count_vowels.wasm count_vowels --input 'Hello, Extism!'`
		);
	});

	it('writes every flag, quoting quotes, spaces and newlines', () => {
		expect(toCli(everything, 'https://example.com/p/all.wasm')).toBe(
			`extism call https://example.com/p/all.wasm 'it'\\''s' --allow-host api.example.com --allow-host '*.cdn.example' --wasi --config vowels=aeiou --config 'greeting text=it'\\''s "ok"' --config 'multi=a
b' --enable-http-response-headers --memory-max 16 --var-max 1024 --http-response-max 4096 --timeout 5000 --log-level debug --input 'Say "hi"
it'\\''s ✓ 𝔘 \\ end'`
		);
	});

	it('writes the webhook example as the issue shows it', () => {
		expect(toCli(webhook, 'webhook.wasm')).toBe(
			`extism call webhook.wasm post_json --allow-host webhook.site --wasi --input '{
  "url": "https://webhook.site/abc",
  "payload": {
    "hello": "world"
  }
}'`
		);
	});

	it('leaves out an empty input and a zero timeout', () => {
		expect(toCli({ ...minimal, input: '', timeoutMs: 0 }, 'a.wasm')).toBe(
			'extism call a.wasm count_vowels'
		);
	});

	it('gives a POSIX shell exactly the intended arguments', () => {
		const cli = toCli(everything, 'https://example.com/p/all.wasm');
		const script = `extism() { printf '%s\\0' "$@"; }\n${cli}`;
		const argv = execFileSync('sh', ['-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
		expect(argv).toEqual([
			'call',
			'https://example.com/p/all.wasm',
			"it's",
			'--allow-host',
			'api.example.com',
			'--allow-host',
			'*.cdn.example',
			'--wasi',
			'--config',
			'vowels=aeiou',
			'--config',
			'greeting text=it\'s "ok"',
			'--config',
			'multi=a\nb',
			'--enable-http-response-headers',
			'--memory-max',
			'16',
			'--var-max',
			'1024',
			'--http-response-max',
			'4096',
			'--timeout',
			'5000',
			'--log-level',
			'debug',
			'--input',
			everything.input
		]);
	});

	it('quotes words a shell would expand and leaves plain ones bare', () => {
		expect(shellWord('a.wasm')).toBe('a.wasm');
		expect(shellWord('')).toBe("''");
		expect(shellWord('$HOME')).toBe("'$HOME'");
		expect(shellWord('a b')).toBe("'a b'");
		expect(shellWord("'")).toBe("''\\'''");
	});
});

describe('toCli, as extism call reads it', () => {
	it('passes a config key holding "=" whole, through --set-config', () => {
		const config = { 'a=b': 'c=d', plain: 'x=y', "it's": '' };
		const cli = toCli({ ...minimal, settings: { ...minimal.settings, config } }, 'p.wasm');
		expect(cli).toContain('--config plain=x=y');
		expect(readCall(runCli(cli).argv).config).toEqual(config);
	});

	it('calls a function whose name looks like a flag, instead of showing the help', () => {
		for (const fn of ['--help', '-h', '--input']) {
			const call = readCall(runCli(toCli({ ...minimal, fn }, 'p.wasm')).argv);
			expect(call.help).toBe(false);
			expect(call.args).toEqual(['p.wasm', fn]);
			expect(call.flags.input).toEqual(['Hello, Extism!']);
		}
	});

	it('writes no NUL byte: input and config that hold one arrive whole another way', () => {
		const input = 'a\0b ✓';
		const config = { 'k\0': 'v\0w', 'n=1': '\0' };
		const cli = toCli({ ...minimal, input, settings: { ...minimal.settings, config } }, 'p.wasm');
		expect(cli).not.toContain('\0');
		const { argv, stdin } = runCli(cli);
		const call = readCall(argv);
		expect(call.flags.stdin).toEqual(['true']);
		expect(new TextDecoder().decode(stdin)).toBe(input);
		expect(call.config).toEqual(config);
	});

	it('says so when the function name holds a NUL, which no argument can carry', () => {
		const cli = toCli({ ...minimal, fn: 'f\0g' }, 'p.wasm');
		expect(cli).not.toContain('\0');
		expect(cli).toMatch(/^# The plugin or function name holds a NUL byte/);
	});
});

describe('toJavaScript', () => {
	it('writes a minimal program', () => {
		expect(toJavaScript(minimal, 'count_vowels.wasm'))
			.toBe(`import createPlugin from '@extism/extism';

// A file path works in Node and Deno; in a browser, pass the URL of the .wasm file.
const plugin = await createPlugin('count_vowels.wasm', {
  logLevel: 'info'
});
const out = await plugin.call('count_vowels', 'Hello, Extism!');
// A function that sets no output returns null.
console.log(out?.text());
await plugin.close();
`);
	});

	it('writes every option', () => {
		expect(toJavaScript(everything, 'https://example.com/p/all.wasm'))
			.toBe(`import createPlugin from '@extism/extism';

const plugin = await createPlugin('https://example.com/p/all.wasm', {
  useWasi: true,
  allowedHosts: ['api.example.com', '*.cdn.example'],
  config: { vowels: 'aeiou', 'greeting text': 'it\\'s "ok"', multi: 'a\\nb' },
  logLevel: 'debug',
  memory: { maxPages: 16, maxVarBytes: 1024, maxHttpResponseBytes: 4096 },
  allowHttpResponseHeaders: true,
  // The SDK applies timeoutMs only off the main thread, and needs a worker for HTTP where
  // JSPI is missing (Node, Firefox, Safari). In a browser this needs a cross-origin isolated page.
  runInWorker: true,
  // In Node the SDK's timer keeps the process up until this long after the last call.
  timeoutMs: 5000
});
const out = await plugin.call('it\\'s', 'Say "hi"\\nit\\'s ✓ 𝔘 \\\\ end');
// A function that sets no output returns null.
console.log(out?.text());
await plugin.close();
`);
	});

	it('runs the webhook example in a worker, for HTTP', () => {
		expect(toJavaScript(webhook, 'webhook.wasm')).toBe(`import createPlugin from '@extism/extism';

// A file path works in Node and Deno; in a browser, pass the URL of the .wasm file.
const plugin = await createPlugin('webhook.wasm', {
  useWasi: true,
  allowedHosts: ['webhook.site'],
  logLevel: 'info',
  // The SDK applies timeoutMs only off the main thread, and needs a worker for HTTP where
  // JSPI is missing (Node, Firefox, Safari). In a browser this needs a cross-origin isolated page.
  runInWorker: true
});
const out = await plugin.call('post_json', '{\\n  "url": "https://webhook.site/abc",\\n  "payload": {\\n    "hello": "world"\\n  }\\n}');
// A function that sets no output returns null.
console.log(out?.text());
await plugin.close();
`);
	});

	it('writes a __proto__ config key as a key, not as the prototype', () => {
		const config = Object.fromEntries([
			['__proto__', 'p'],
			['a', 'b']
		]);
		const js = toJavaScript({ ...minimal, settings: { ...minimal.settings, config } }, 'p.wasm');
		const line = /^ {2}config: (.*),$/m.exec(js)?.[1];
		const value = (0, eval)(`(${line})`);
		expect(Object.keys(value)).toEqual(['__proto__', 'a']);
		expect(value.__proto__).toBe('p');
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
	});

	it('writes a __proto__ host function as a function of its own', () => {
		const js = toJavaScript(minimal, 'p.wasm', {
			hostFunctions: [{ module: '__proto__', name: '__proto__', params: [], results: ['i32'] }]
		});
		const body = /^const functions = (\{[\s\S]*?^\});$/m.exec(js)?.[1];
		const functions = (0, eval)(`(${body})`);
		expect(Object.keys(functions)).toEqual(['__proto__']);
		expect(functions.__proto__.__proto__()).toBe(0);
		expect(js).toMatch(/^ {2}functions$/m);
	});

	it('writes string literals that read back as the same text', () => {
		const nasty = 'a\'b"c\\d\n\r\t\u0000\u001f\u007f\u2028\u2029 é 👋 \ud800 `${x}`';
		expect(jsString(nasty)).toBe(
			"'a\\'b\"c\\\\d\\n\\r\\t\\u0000\\u001f\\u007f\\u2028\\u2029 é 👋 \\ud800 `${x}`'"
		);
		expect((0, eval)(jsString(nasty))).toBe(nasty);
	});
});

describe('toPython', () => {
	it('writes a minimal program', () => {
		expect(toPython(minimal, 'count_vowels.wasm')).toBe(`import extism

manifest = {
    "wasm": [{"path": "count_vowels.wasm"}],
}
extism.set_log_file("stderr", "info")

with extism.Plugin(manifest) as plugin:
    out = plugin.call("count_vowels", "Hello, Extism!")
    print(out.decode("utf-8"))
`);
	});

	it('writes every manifest field', () => {
		expect(toPython(everything, 'https://example.com/p/all.wasm')).toBe(`import extism

manifest = {
    "wasm": [{"url": "https://example.com/p/all.wasm"}],
    "allowed_hosts": ["api.example.com", "*.cdn.example"],
    "config": {"vowels": "aeiou", "greeting text": "it's \\"ok\\"", "multi": "a\\nb"},
    "memory": {"max_pages": 16, "max_var_bytes": 1024, "max_http_response_bytes": 4096},
    "timeout_ms": 5000,
}
# The playground also let the plugin read HTTP response headers
# (extism call --enable-http-response-headers); the manifest has no field for that.
extism.set_log_file("stderr", "debug")

with extism.Plugin(manifest, wasi=True) as plugin:
    out = plugin.call("it's", "Say \\"hi\\"\\nit's ✓ 𝔘 \\\\ end")
    print(out.decode("utf-8"))
`);
	});

	it('writes the webhook example', () => {
		expect(toPython(webhook, 'webhook.wasm')).toBe(`import extism

manifest = {
    "wasm": [{"path": "webhook.wasm"}],
    "allowed_hosts": ["webhook.site"],
}
extism.set_log_file("stderr", "info")

with extism.Plugin(manifest, wasi=True) as plugin:
    out = plugin.call("post_json", "{\\n  \\"url\\": \\"https://webhook.site/abc\\",\\n  \\"payload\\": {\\n    \\"hello\\": \\"world\\"\\n  }\\n}")
    print(out.decode("utf-8"))
`);
	});
});

describe('toCli and mock responses', () => {
	it('says the mocks are not part of the command, and nothing when there are none', () => {
		const setup = { ...DEFAULT_SETUP, fn: 'get' };
		const one = toCli({ ...setup, mocks: [newMock('https://a.test/*')] }, 'p.wasm');
		expect(one.split('\n')).toEqual([
			'# The mock response set in the playground is not part of this command:',
			'# extism call sends every request to the network (to the allowed hosts).',
			'extism call p.wasm get --timeout 10000'
		]);
		const two = toCli(
			{ ...setup, mocks: [newMock('https://a.test/*'), newMock('https://b.test/')] },
			'p.wasm'
		);
		expect(two).toContain(
			'# The 2 mock responses set in the playground are not part of this command:'
		);
		expect(toCli(setup, 'p.wasm')).not.toContain('mock');
	});
});
