import { describe, expect, it } from 'vitest';
import { exportsOf } from '../testing/wasm-builders';
import { TEMPLATES } from './templates';
import { buildWat } from './wat';

const wabt = await (await import('wabt')).default();

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
