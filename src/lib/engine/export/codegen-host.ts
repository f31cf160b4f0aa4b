// The host functions a plugin imports, as "Copy as code" writes them: the same stubs the
// playground ran (zero, or the person's own code), so the program loads the plugin as the page did.
// Without them the plugin fails to load in the person's host ("cannot resolve import").
import { isCustom, stubLabel, type StubSpec } from '../stubs/host-stubs';
import type { ValType } from '../wasm/types';

/** Types that cannot cross into JavaScript or Python: such a function gets no stub. */
const UNSTUBBABLE: ValType[] = ['v128'];
const stubbable = (spec: StubSpec) =>
	![...spec.params, ...spec.results].some((t) => UNSTUBBABLE.includes(t));

const signature = (spec: StubSpec) => `(${spec.params.join(', ')}) → (${spec.results.join(', ')})`;

/** The comment for `extism call`, which has no way to provide them. Empty when there are none. */
export function cliHostNote(specs: StubSpec[]): string[] {
	if (specs.length === 0) return [];
	const labels = specs.map((s) => JSON.stringify(stubLabel(s))).join(', ');
	return [
		`# extism call cannot provide host functions, and the plugin imports ${labels}:`,
		'# it fails to load there. Copy as JavaScript or Python gives a program with a stub for each.'
	];
}

// --- JavaScript ---

const JS_ZERO: Record<string, string> = { i64: '0n', funcref: 'null', externref: 'null' };
const jsZero = (type: ValType) => JS_ZERO[type] ?? '0';

/** The helpers custom stub code gets as `host` in the playground, written out for the SDK. */
const JS_CUSTOM = [
	'// Runs stub code written in the playground: `args` holds the arguments (i64 as BigInt) and',
	'// `host` the same helpers as there. i64 results cross into wasm as BigInt.',
	'const custom = (results, body) => (ctx, ...args) => {',
	'  const read = (handle) => (BigInt(handle) === 0n ? null : ctx.read(handle));',
	'  const host = {',
	'    readText: (handle) => read(handle)?.text() ?? null,',
	'    readJson: (handle) => read(handle)?.json() ?? null,',
	'    readBytes: (handle) => read(handle)?.bytes() ?? null,',
	'    text: (value) => ctx.store(String(value)),',
	"    json: (value) => ctx.store(JSON.stringify(value) ?? 'null'),",
	'    bytes: (value) => ctx.store(value),',
	'    log: (...values) => console.log(...values)',
	'  };',
	"  const fit = (value, type) => (type === 'i64' ? BigInt(value) : value);",
	'  const out = body(args, host);',
	'  if (results.length > 1) return out.map((value, i) => fit(value, results[i]));',
	'  return results.length === 1 ? fit(out, results[0]) : undefined;',
	'};',
	''
];

/** The person's code as a function body; re-indented unless a template literal could span lines. */
function jsBody(code: string): string[] {
	const lines = code.split(/\r\n|\r|\n/);
	return code.includes('`') ? lines : lines.map((l) => (l ? `      ${l}` : l));
}

function jsStub(spec: StubSpec, key: string, str: (text: string) => string): string[] {
	if (isCustom(spec))
		return [
			`    // ${signature(spec)}: the stub code written in the playground.`,
			`    ${key}: custom([${spec.results.map(str).join(', ')}], function (args, host) {`,
			...jsBody(spec.code ?? ''),
			'    }),'
		];
	const zero = spec.results.map(jsZero);
	const value = zero.length > 1 ? `[${zero.join(', ')}]` : (zero[0] ?? 'undefined');
	return [
		`    // ${signature(spec)}: returns zero, as the playground's default stub.`,
		`    ${key}: () => ${value},`
	];
}

/**
 * The lines that define `functions` for createPlugin, or none when the plugin imports no host
 * function. `key` writes an object key, `str` a string literal.
 */
export function jsHostFunctions(
	specs: StubSpec[],
	key: (name: string) => string,
	str: (text: string) => string
): string[] {
	const usable = specs.filter(stubbable);
	if (usable.length === 0) return [];
	const byModule = new Map<string, StubSpec[]>();
	for (const s of usable) byModule.set(s.module, [...(byModule.get(s.module) ?? []), s]);
	const lines = usable.some(isCustom) ? [...JS_CUSTOM] : [];
	lines.push(
		'// The host functions the plugin imports, stubbed as in the playground: put your own here.',
		'const functions = {'
	);
	for (const [module, list] of byModule) {
		lines.push(`  ${key(module)}: {`);
		for (const s of list) lines.push(...jsStub(s, key(s.name), str));
		lines.push('  },');
	}
	lines.push('};', '');
	return lines;
}

// --- Python ---

const PY_TYPE: Record<string, string> = {
	i32: 'I32',
	i64: 'I64',
	f32: 'F32',
	f64: 'F64',
	funcref: 'FUNC_REF',
	externref: 'EXTERN_REF'
};
const PY_ZERO: Record<string, string> = {
	f32: '0.0',
	f64: '0.0',
	funcref: 'None',
	externref: 'None'
};
const pyType = (type: ValType) => `extism.ValType.${PY_TYPE[type] ?? 'I64'}`;

/** A Python comment line can hold anything but a line break or a NUL. */
const pyComment = (line: string) => line.replace(/\0/g, '\\0');

/** The decorated stub functions and their names, for `functions=[…]`. */
export function pyHostFunctions(specs: StubSpec[]): { lines: string[]; names: string[] } {
	const lines: string[] = [];
	const names: string[] = [];
	for (const spec of specs.filter(stubbable)) {
		const base = `host_${spec.name.replace(/\W+/g, '_')}`;
		let name = base;
		for (let n = 2; names.includes(name); n++) name = `${base}_${n}`;
		names.push(name);
		const sig = `([${spec.params.map(pyType).join(', ')}], [${spec.results.map(pyType).join(', ')}])`;
		if (names.length > 1) lines.push('');
		lines.push(
			`@extism.host_fn(name=${JSON.stringify(spec.name)}, namespace=${JSON.stringify(spec.module)}, signature=${sig})`,
			`def ${name}(plugin, params, results, *user_data):`
		);
		if (isCustom(spec)) {
			lines.push('    # In the playground this stub ran JavaScript; write it in Python here:');
			for (const l of (spec.code ?? '').split(/\r\n|\r|\n/)) lines.push(pyComment(`    #   ${l}`));
		} else lines.push("    # Returns zero, as the playground's default stub.");
		spec.results.forEach((t, i) => lines.push(`    results[${i}].value = ${PY_ZERO[t] ?? '0'}`));
		if (spec.results.length === 0) lines.push('    pass');
	}
	if (lines.length)
		lines.unshift(
			'',
			'# The host functions the plugin imports, stubbed as in the playground: put your own here.'
		);
	return { lines, names };
}
