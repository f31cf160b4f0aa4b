// Compiles the example plugins (examples/*.ts|wat → static/examples/*.wasm) and the test fixture
// plugins (tests/fixtures/src/*.ts|wat → tests/fixtures/out/*.wasm).
// AssemblyScript goes through asc's API, WebAssembly text through wabt. Outputs newer than their
// sources are skipped; pass --force to rebuild everything.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ascArgs } from '../src/lib/engine/author/asc-args.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);

/** Where sources live and where their wasm goes. */
const GROUPS = [
	// Every bundled example must export `memory`: the SDK's WASI shim and the inspector rely on it.
	{ src: 'examples', out: 'static/examples', needsMemory: true },
	// Fixtures are deliberately odd (no_abi has no memory at all; legacy_* stand for plugins built
	// before Extism 1.0, which import env.extism_*).
	{
		src: 'tests/fixtures/src',
		out: 'tests/fixtures/out',
		needsMemory: false,
		envAllowed: /^legacy_/
	}
];
const AS_LIB = 'examples/lib';
/** Also imported by AssemblyScript sources (the fixtures' XTP harness bindings). */
const AS_LIBS = [AS_LIB, 'tests/fixtures/src/lib'];
/** The AssemblyScript build setup the page's build uses too (flags, the abort handler). */
const ASC_ARGS = 'src/lib/engine/author/asc-args.js';

class BuildError extends Error {}

/** Lists the sources of one group: `.wat` and `.ts` files at its top level, tests excluded. */
async function sourcesOf(group) {
	const names = await readdir(path.join(ROOT, group.src));
	return names
		.filter((n) => (n.endsWith('.wat') || n.endsWith('.ts')) && !n.endsWith('.test.ts'))
		.sort()
		.map((n) => ({
			src: `${group.src}/${n}`,
			out: `${group.out}/${n.replace(/\.(wat|ts)$/, '')}.wasm`
		}));
}

async function mtime(rel) {
	try {
		return (await stat(path.join(ROOT, rel))).mtimeMs;
	} catch {
		return -1;
	}
}

/** Newest mtime among the AS library files AssemblyScript sources import. */
async function asLibMtime() {
	const times = [];
	for (const dir of AS_LIBS) {
		const names = await readdir(path.join(ROOT, dir));
		times.push(...(await Promise.all(names.map((n) => mtime(`${dir}/${n}`)))));
	}
	return Math.max(...times);
}

async function compileWat(src) {
	const wabt = await (await import('wabt')).default();
	const text = await readFile(path.join(ROOT, src), 'utf8');
	let module;
	try {
		module = wabt.parseWat(src, text);
		module.validate();
		return module.toBinary({}).buffer;
	} catch (err) {
		throw new BuildError(`${src}: ${err instanceof Error ? err.message : String(err)}`);
	} finally {
		module?.destroy();
	}
}

function memoryStream() {
	const chunks = [];
	return {
		write(chunk) {
			chunks.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
		},
		toString: () => chunks.join('')
	};
}

async function compileAssemblyScript(src, out) {
	const { default: asc } = await import('assemblyscript/asc');
	const stdout = memoryStream();
	const stderr = memoryStream();
	const args = ascArgs({
		entry: src,
		out,
		lib: AS_LIB,
		extra: ['--baseDir', ROOT, '-O3', '--noAssert']
	});
	const result = await asc.main(args, { stdout, stderr });
	if (result.error) {
		throw new BuildError(`${src}: ${result.error.message}\n${stderr.toString().trim()}`);
	}
	return readFile(path.join(ROOT, out));
}

/**
 * Checks the output compiles, imports nothing from `env` (unless its group allows it by name) and,
 * if required, exports `memory`.
 */
function checkModule(target, bytes, { needsMemory, envAllowed }) {
	let module;
	try {
		module = new WebAssembly.Module(bytes);
	} catch (err) {
		throw new BuildError(`${target.src}: output does not compile: ${err.message}`);
	}
	const imports = WebAssembly.Module.imports(module);
	const envOk = envAllowed?.test(path.basename(target.src)) ?? false;
	if (!envOk && imports.some((i) => i.module === 'env')) {
		throw new BuildError(`${target.src}: imports from "env", which no Extism host provides`);
	}
	const exports = WebAssembly.Module.exports(module);
	if (needsMemory && !exports.some((e) => e.name === 'memory' && e.kind === 'memory')) {
		throw new BuildError(`${target.src}: does not export "memory"`);
	}
}

/**
 * Builds every stale example and fixture. Returns what was built; throws BuildError on the first
 * source that fails to compile.
 */
export async function buildAll({ force = false, log = console.log } = {}) {
	const selfTime = Math.max(await mtime(path.relative(ROOT, SELF)), await mtime(ASC_ARGS));
	const libTime = await asLibMtime();
	const built = [];
	let upToDate = 0;
	for (const group of GROUPS) {
		await mkdir(path.join(ROOT, group.out), { recursive: true });
		for (const target of await sourcesOf(group)) {
			const isWat = target.src.endsWith('.wat');
			const newestInput = Math.max(await mtime(target.src), selfTime, isWat ? -1 : libTime);
			if (!force && (await mtime(target.out)) > newestInput) {
				upToDate++;
				continue;
			}
			const bytes = isWat
				? await compileWat(target.src)
				: await compileAssemblyScript(target.src, target.out);
			checkModule(target, bytes, group);
			if (isWat) await writeFile(path.join(ROOT, target.out), bytes);
			log(`built ${target.out} (${bytes.byteLength} bytes)`);
			built.push(target.out);
		}
	}
	if (upToDate > 0) log(`${upToDate} plugin(s) already up to date`);
	return built;
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
	const started = Date.now();
	try {
		const built = await buildAll({ force: process.argv.includes('--force') });
		console.log(`build-examples: ${built.length} built in ${Date.now() - started} ms`);
	} catch (err) {
		const message = err instanceof BuildError ? err.message : (err?.stack ?? String(err));
		console.error(`build-examples: compile error\n${message}`);
		process.exit(1);
	}
}
