// "Copy as code" for plugins written here, run: the JavaScript under Node with the installed
// @extism/extism against the very file it names (built from the template's source, saved under the
// Download .wasm name); the Python with a stand-in `extism` module that records what the program
// asks of the SDK (the Python SDK and the extism CLI cannot be installed here); the CLI line through
// `sh` and extism call's own argument rules.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAs } from '../author/asc';
import { templateById } from '../author/templates';
import { copySettings } from '../setup/settings';
import { DEFAULT_SETUP, type Setup } from '../setup/setup';
import type { StubSpec } from '../stubs/host-stubs';
import { readCall, runCli } from '../testing/extism-call';
import { toCli, toJavaScript, toPython, type CodePlugin } from './codegen';

const run = promisify(execFile);
const NODE_MODULES = fileURLToPath(new URL('../../../../node_modules', import.meta.url));
let dir = '';

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'host-code-'));
	symlinkSync(NODE_MODULES, join(dir, 'node_modules'), 'dir');
	writeFileSync(join(dir, 'extism.py'), FAKE_PYTHON_SDK);
	const asc = await import('assemblyscript/asc');
	for (const id of ['host-function', 'count-vowels']) {
		const r = await buildAs(asc, templateById(id)!.text);
		if (!r.ok) throw new Error(`${id} did not build: ${JSON.stringify(r.diagnostics)}`);
		// The name Download .wasm gives a build of this template.
		writeFileSync(join(dir, `${id}.wasm`), r.bytes);
	}
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LOOKUP: StubSpec = {
	module: 'extism:host/user',
	name: 'lookup',
	params: ['i64'],
	results: ['i64']
};

function setupOf(id: string, more: Partial<Setup> = {}): Setup {
	const t = templateById(id)!;
	return {
		...DEFAULT_SETUP,
		settings: copySettings(DEFAULT_SETUP.settings),
		fn: t.fn,
		input: t.input,
		...more
	};
}

let n = 0;
async function runJs(code: string): Promise<string> {
	const file = join(dir, `snippet-${++n}.mjs`);
	writeFileSync(file, code);
	const { stdout } = await run(process.execPath, [file], { cwd: dir });
	return stdout;
}

/** What the program asked of the stand-in SDK: the plugin, its host functions, its call. */
interface PythonRun {
	wasm: { path?: string; url?: string }[];
	exists: boolean[];
	config?: Record<string, string>;
	wasi: boolean;
	functions: {
		name: string;
		namespace: string;
		params: string[];
		results: string[];
		values: unknown[];
	}[];
	calls: { name: string; input: string | number[] }[];
}

function runPython(code: string): PythonRun {
	execFileSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code });
	const file = join(dir, `snippet-${++n}.py`);
	writeFileSync(file, code);
	const out = execFileSync('python3', [file], {
		cwd: dir,
		env: { ...process.env, PYTHONPATH: dir }
	});
	const line = out
		.toString()
		.split('\n')
		.find((l) => l.startsWith('EXTISM '));
	return JSON.parse(line!.slice('EXTISM '.length));
}

/** Only what the generated programs touch, with the real SDK's names (extism/python-sdk). */
const FAKE_PYTHON_SDK = `import json, os
class ValType:
    I32 = "I32"; I64 = "I64"; PTR = "I64"; F32 = "F32"; F64 = "F64"; V128 = "V128"
    FUNC_REF = "FUNC_REF"; EXTERN_REF = "EXTERN_REF"
class Val:
    def __init__(self, t):
        self.t = t; self.value = None
def set_log_file(file, level=None):
    pass
def host_fn(name=None, namespace=None, signature=None, user_data=None):
    def wrap(f):
        f.extism = {"name": name, "namespace": namespace, "signature": signature}
        return f
    return wrap
class Plugin:
    def __init__(self, plugin, wasi=False, config=None, functions=None):
        self.report = {"wasm": plugin["wasm"], "exists": [os.path.isfile(w.get("path", "")) for w in plugin["wasm"]],
                       "config": plugin.get("config"), "wasi": wasi, "functions": [], "calls": []}
        for f in functions or []:
            params, results = f.extism["signature"]
            out = [Val(t) for t in results]
            f(None, [Val(t) for t in params], out)
            self.report["functions"].append({"name": f.extism["name"], "namespace": f.extism["namespace"],
                "params": params, "results": results, "values": [v.value for v in out]})
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        print("EXTISM " + json.dumps(self.report))
    def call(self, name, data):
        self.report["calls"].append({"name": name, "input": data if isinstance(data, str) else list(data)})
        return b"(output)"
`;

describe('Copy as code for a plugin written here', () => {
	const built: CodePlugin = { built: true, hostFunctions: [LOOKUP] };

	it('JavaScript loads the Download .wasm file with a default stub for its host function', async () => {
		const js = toJavaScript(setupOf('host-function'), 'host-function.wasm', built);
		expect(js).toContain('save it with Download .wasm');
		expect(await runJs(js)).toBe('lookup(ann) gave nothing\n');
	});

	it('JavaScript runs the person’s own stub code, with the playground’s helpers', async () => {
		const code = [
			'const key = host.readText(args[0]);',
			"host.log('looking up', key);",
			"return key === 'ann' ? host.json({ name: 'Ann' }) : 0;"
		].join('\n');
		// No timeout: the SDK in-thread (the default setup's timeout runs it in a worker, above).
		const js = toJavaScript(setupOf('host-function', { timeoutMs: null }), 'host-function.wasm', {
			built: true,
			hostFunctions: [{ ...LOOKUP, code }]
		});
		expect(await runJs(js)).toBe('looking up ann\nlookup(ann) gave {"name":"Ann"}\n');
		// A number for an i64 result, as the playground accepts it.
		const other = toJavaScript(
			setupOf('host-function', { input: 'bob', timeoutMs: null }),
			'host-function.wasm',
			{
				hostFunctions: [{ ...LOOKUP, code }]
			}
		);
		expect(await runJs(other)).toBe('looking up bob\nlookup(bob) gave nothing\n');
	});

	it('JavaScript carries awkward config keys and byte input as they are', async () => {
		const settings = copySettings(DEFAULT_SETUP.settings);
		// An own "__proto__" key, as a person types it in the page.
		settings.config = Object.fromEntries([
			['vowels', 'aeiou'],
			['a=b', 'c'],
			['__proto__', 'p']
		]);
		const setup = setupOf('count-vowels', {
			settings,
			input: '61 62 65',
			inputEncoding: 'hex',
			timeoutMs: null
		});
		const js = toJavaScript(setup, 'count-vowels.wasm', { built: true });
		// "abe": a and e.
		expect(await runJs(js)).toBe('counted 2 vowels\n{"count":2,"total":2}\n');
	});

	it('Python names the same file and a host_fn stub for each imported function', () => {
		const code = "return host.text('x');\n// it's \0 here";
		const py = toPython(setupOf('host-function'), 'host-function.wasm', {
			built: true,
			hostFunctions: [
				{ ...LOOKUP, code },
				{
					module: 'extism:host/user',
					name: 'kv.get',
					params: ['i64', 'f64'],
					results: ['i32', 'f32']
				},
				{ module: 'env', name: 'tick', params: [], results: [] }
			]
		});
		expect(py).toContain('# host-function.wasm is the plugin built in the playground');
		expect(py).toContain("#   return host.text('x');");
		const got = runPython(py);
		expect(got.wasm).toEqual([{ path: 'host-function.wasm' }]);
		expect(got.exists).toEqual([true]);
		expect(got.functions).toEqual([
			{
				name: 'lookup',
				namespace: 'extism:host/user',
				params: ['I64'],
				results: ['I64'],
				values: [0]
			},
			{
				name: 'kv.get',
				namespace: 'extism:host/user',
				params: ['I64', 'F64'],
				results: ['I32', 'F32'],
				values: [0, 0.0]
			},
			{ name: 'tick', namespace: 'env', params: [], results: [], values: [] }
		]);
		expect(got.calls).toEqual([{ name: 'describe_user', input: 'ann' }]);
	});

	it('Python leaves functions out for a plugin without host functions', () => {
		const settings = copySettings(DEFAULT_SETUP.settings);
		settings.config = { vowels: 'aeiou', 'a=b': 'c' };
		const py = toPython(setupOf('count-vowels', { settings }), 'count-vowels.wasm', {
			built: true
		});
		expect(py).not.toContain('functions=');
		const got = runPython(py);
		expect(got.exists).toEqual([true]);
		expect(got.config).toEqual({ vowels: 'aeiou', 'a=b': 'c' });
		expect(got.functions).toEqual([]);
	});

	it('the CLI line names the file, says it cannot provide host functions, and reads as meant', () => {
		const cli = toCli(setupOf('host-function'), 'host-function.wasm', built);
		const lines = cli.split('\n');
		expect(lines.filter((l) => l.startsWith('#')).join(' ')).toMatch(
			/save it with Download \.wasm.*extism call cannot provide host functions.*"extism:host\/user::lookup"/
		);
		const call = readCall(runCli(cli, dir).argv);
		expect(call.args).toEqual(['host-function.wasm', 'describe_user']);
		expect(existsSync(join(dir, call.args[0]))).toBe(true);
		expect(call.flags.input).toEqual(['ann']);
	});
});
