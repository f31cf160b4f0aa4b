// JavaScript sizes of a build, in gzip bytes (node:zlib, level 9, one file at a time), and which
// files belong to the lazily loaded Monaco editor.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export function gzipBytes(file) {
	return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Every .js file under root, as '/'-separated paths relative to root. */
export function jsFiles(root) {
	const out = [];
	const walk = (dir) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			const p = join(dir, e.name);
			if (e.isDirectory()) walk(p);
			else if (e.name.endsWith('.js')) out.push(relative(root, p).split(sep).join('/'));
		}
	};
	walk(root);
	return out.sort();
}

/** Keys reachable from roots through static imports, and dynamic ones too when asked. */
function closure(manifest, roots, dynamic) {
	const seen = new Set();
	const todo = [...roots];
	while (todo.length) {
		const key = todo.pop();
		if (seen.has(key) || !manifest[key]) continue;
		seen.add(key);
		todo.push(...(manifest[key].imports ?? []));
		if (dynamic) todo.push(...(manifest[key].dynamicImports ?? []));
	}
	return seen;
}

/**
 * The editor's files, from Vite's manifest: everything reachable (statically or dynamically)
 * from the Monaco modules and our loader for them (src/lib/editor/), minus what the page's entries
 * load statically anyway. Worker bundles are not in the manifest; a file that is not in it counts
 * as the editor's when an editor file names it (that is how Vite links a `?worker` import).
 */
export function editorFiles(manifest, root) {
	const keys = Object.keys(manifest);
	const fileOf = (set) =>
		new Set([...set].map((k) => manifest[k].file).filter((f) => f.endsWith('.js')));
	const entries = keys.filter((k) => manifest[k].isEntry);
	const initial = fileOf(closure(manifest, entries, false));
	const editorRoots = keys.filter(
		(k) => k.startsWith('node_modules/monaco-editor/') || k.startsWith('src/lib/editor/')
	);
	if (!editorRoots.length) throw new Error('no Monaco modules in the Vite manifest');
	const editor = new Set(
		[...fileOf(closure(manifest, editorRoots, true))].filter((f) => !initial.has(f))
	);
	const inManifest = new Set(keys.map((k) => manifest[k].file));
	const loose = jsFiles(root).filter((f) => !inManifest.has(f));
	for (const todo = [...editor]; todo.length;) {
		const text = readFileSync(join(root, todo.pop()), 'utf8');
		for (const f of loose) {
			if (!editor.has(f) && text.includes(basename(f))) {
				editor.add(f);
				todo.push(f);
			}
		}
	}
	return editor;
}

/** Whether every file the manifest names exists in root (it is the manifest of this build). */
export function manifestMatches(manifest, root) {
	const files = new Set(jsFiles(root));
	return Object.values(manifest).every((m) => !m.file.endsWith('.js') || files.has(m.file));
}

/**
 * Initial JS: the .js files (page and workers) requested before Run was usable, without the
 * editor's. `requested` are absolute URLs of a site served at its root.
 */
export function initialJs(requested, manifest, root) {
	const editor = editorFiles(manifest, root);
	const all = jsFiles(root);
	const gz = Object.fromEntries(all.map((f) => [f, gzipBytes(join(root, f))]));
	const paths = new Set(requested.map((u) => new URL(u).pathname.slice(1)));
	const initial = [...paths].filter((f) => !editor.has(f)).sort();
	const unknown = initial.filter((f) => !(f in gz));
	if (unknown.length) throw new Error(`requested JS not in the build: ${unknown.join(', ')}`);
	const sum = (files) => files.reduce((s, f) => s + gz[f], 0);
	return {
		initialGzip: sum(initial),
		initialWorkerGzip: sum(initial.filter((f) => f.includes('/workers/'))),
		// The compilers load only inside the build worker: if it started, they may have too.
		buildWorkerInitial: initial.some((f) => /\/build\.worker-[^/]*\.js$/.test(f)),
		initialFiles: initial.map((f) => ({ file: f, gzip: gz[f] })),
		totalGzip: sum(all),
		editorGzip: sum([...editor]),
		files: all.length
	};
}
