import { describe, expect, it } from 'vitest';
import { buildAs } from './asc';
import { capped, describe as describeDiag, fromAsc, fromWabt, positionAt } from './diagnostics';
import { AS_FILE, asFiles, readFrom } from './files';
import { TEMPLATES } from './templates';
import { buildWat } from './wat';

const wabt = await (await import('wabt')).default();
const asc = await import('assemblyscript/asc');

function exportsOf(bytes: Uint8Array): string[] {
	const m = new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);
	return WebAssembly.Module.exports(m).map((e) => e.name);
}
function importsOf(bytes: Uint8Array): string[] {
	const m = new WebAssembly.Module(bytes as Uint8Array<ArrayBuffer>);
	return WebAssembly.Module.imports(m).map((i) => `${i.module}.${i.name}`);
}

describe('file map', () => {
	it('holds the person’s file and the PDK at the paths asc asks for', () => {
		const files = asFiles('export function f(): i32 { return 0; }');
		expect(readFrom(files, AS_FILE)).toContain('export function f');
		expect(readFrom(files, './plugin.ts')).toContain('export function f');
		expect(readFrom(files, 'node_modules/@extism/as-pdk/index.ts')).toContain('./lib/pdk');
		expect(readFrom(files, 'node_modules/@extism/as-pdk/lib/env.ts')).toContain('extism:host/env');
		expect(readFrom(files, '~lib/@extism/as-pdk/lib/pdk.ts')).toContain('export class Host');
		expect(readFrom(files, '/node_modules/@extism/as-pdk/lib/env.ts')).toContain('input_length');
		expect(readFrom(files, 'lib/abort.ts')).toContain('function pluginAbort');
		expect(readFrom(files, './lib/kernel.ts')).toContain('http_headers');
		expect(readFrom(files, 'asconfig.json')).toBeNull();
	});
});

describe('diagnostics', () => {
	it('maps offsets to 1-based lines and columns', () => {
		expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
		expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
	});

	it('places an asc range in the person’s file and names other files', () => {
		const text = 'let x = 1;\nlet y = ;\n';
		const source = { normalizedPath: AS_FILE };
		const textOf = (p: string) => (p === AS_FILE ? text : p === '~lib/x.ts' ? 'x' : null);
		const d = fromAsc(
			{
				code: 1109,
				category: 3,
				message: 'Expression expected.',
				range: { start: 19, end: 20, source }
			},
			AS_FILE,
			textOf
		);
		expect(d).toMatchObject({
			severity: 'error',
			code: 1109,
			line: 2,
			column: 9,
			endLine: 2,
			endColumn: 10
		});
		const other = fromAsc(
			{
				code: 2,
				category: 2,
				message: 'w',
				range: { start: 0, end: 1, source: { normalizedPath: '~lib/x.ts' } }
			},
			AS_FILE,
			textOf
		);
		expect(other.line).toBeUndefined();
		expect(other.severity).toBe('warning');
		expect(other.message).toContain('~lib/x.ts:1');
		expect(describeDiag(d, AS_FILE)).toBe('plugin.ts:2:9 error AS1109: Expression expected.');
	});

	it('reads wabt’s message with its caret width', () => {
		const msg =
			'parseWat failed:\nplugin.wat:3:4: error: unexpected token foo, expected ).\n   foo))\n   ^^^\n';
		expect(fromWabt(msg, 'plugin.wat')).toEqual([
			{
				severity: 'error',
				message: 'unexpected token foo, expected ).',
				line: 3,
				column: 4,
				endLine: 3,
				endColumn: 7
			}
		]);
		expect(fromWabt('odd', 'plugin.wat')).toEqual([{ severity: 'error', message: 'odd' }]);
	});

	it('caps a long list, errors first', () => {
		const many = Array.from(
			{ length: 5 },
			(_, i) => ({ severity: i ? 'error' : 'info', message: String(i) }) as const
		);
		const { shown, more } = capped(many, 3);
		expect(shown.map((d) => d.severity)).toEqual(['error', 'error', 'error']);
		expect(more).toBe(2);
	});
});

describe('WAT build', () => {
	it('builds the WAT template', () => {
		const t = TEMPLATES.find((t) => t.language === 'wat')!;
		const r = buildWat(wabt, t.text);
		expect(r.ok).toBe(true);
		if (r.ok) expect(exportsOf(r.bytes)).toContain(t.fn);
	});

	it('turns a parse error into a placed diagnostic', () => {
		const r = buildWat(wabt, '(module\n  (func (export "x") (result i32)\n   foo))');
		expect(r.ok).toBe(false);
		expect(r.diagnostics[0]).toMatchObject({ severity: 'error', line: 3, column: 4 });
	});
});

describe('AssemblyScript build', () => {
	it('builds every AS template, importing nothing from env', async () => {
		const ids = TEMPLATES.filter((t) => t.language === 'assemblyscript').map((t) => t.id);
		expect(ids).toEqual(
			expect.arrayContaining(['count-vowels', 'webhook', 'logs', 'host-function', 'error'])
		);
		for (const t of TEMPLATES.filter((t) => t.language === 'assemblyscript')) {
			const r = await buildAs(asc, t.text);
			expect(r.ok, `${t.id}: ${JSON.stringify(r.diagnostics)}`).toBe(true);
			if (!r.ok) continue;
			expect(exportsOf(r.bytes)).toContain(t.fn);
			expect(importsOf(r.bytes).filter((i) => i.startsWith('env.'))).toEqual([]);
		}
	});

	it('provides the kernel imports as-pdk lacks, so the webhook template needs no declarations', async () => {
		const t = TEMPLATES.find((t) => t.id === 'webhook')!;
		expect(t.text).not.toContain('@external');
		const r = await buildAs(asc, t.text);
		if (!r.ok) throw new Error(r.message);
		expect(importsOf(r.bytes)).toEqual(
			expect.arrayContaining([
				'extism:host/env.http_request',
				'extism:host/env.http_status_code',
				'extism:host/env.http_headers'
			])
		);
		const host = TEMPLATES.find((t) => t.id === 'host-function')!;
		const built = await buildAs(asc, host.text);
		expect(built.ok && importsOf(built.bytes)).toContain('extism:host/user.lookup');
	});

	it('reports a syntax error at its place', async () => {
		const r = await buildAs(asc, 'export function f(): i32 {\n  return ;;\n  let = 3;\n}\n');
		expect(r.ok).toBe(false);
		const first = r.diagnostics.find((d) => d.severity === 'error');
		expect(first?.line).toBe(3);
	});

	it('reports a type error with its code', async () => {
		const r = await buildAs(asc, 'export function f(): i32 {\n  return "no";\n}\n');
		expect(r.ok).toBe(false);
		expect(r.diagnostics.find((d) => d.severity === 'error')).toMatchObject({
			line: 2,
			code: expect.any(Number)
		});
	});
});
