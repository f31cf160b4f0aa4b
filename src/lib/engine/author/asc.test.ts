import { describe, expect, it } from 'vitest';
import { exportsOf, importsOf } from '../testing/wasm-builders';
import { buildAs } from './asc';
import { TEMPLATES } from './templates';

const asc = await import('assemblyscript/asc');

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
