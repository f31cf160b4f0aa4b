import { describe, expect, it } from 'vitest';
import type { BuildResult } from './protocol';
import { TEMPLATES } from './templates';
import { buildWat, WabtSlot, type Wabt } from './wat';
import { MAX_WAT_DEPTH, watDepth, watTooDeep } from './wat-depth';

const wabtInit = async () => (await import('wabt')).default();
const folded = (n: number) => `(module\n (func ${'(block '.repeat(n)}${')'.repeat(n)}))`;
const flat = (n: number) => `(module\n (func ${'block\n'.repeat(n)}${'end\n'.repeat(n)}))`;
const template = TEMPLATES.find((t) => t.language === 'wat')!;

describe('watDepth', () => {
	it('counts folded parentheses and flat blocks alike, with the deepest line', () => {
		expect(watDepth(folded(10))).toEqual({ depth: 12, line: 2 });
		// module, func, then each flat block on a line of its own.
		expect(watDepth(flat(10))).toEqual({ depth: 12, line: 11 });
		expect(watDepth('(module (func (if (then (loop (br 0))))))').depth).toBe(6);
	});
	it('skips comments and strings', () => {
		const text = `(module ;; ${'('.repeat(50)}\n (; ${'block '.repeat(50)} (; nested ;) ;) (data "${'(('.repeat(50)}\\""))`;
		expect(watDepth(text).depth).toBe(2);
	});
	it('passes every WAT template', () => {
		for (const t of TEMPLATES.filter((t) => t.language === 'wat'))
			expect(watTooDeep(t.text)).toBeNull();
	});
});

describe('deep WAT', () => {
	it('is refused in words before wabt sees it, and 100 levels still build', async () => {
		const wabt = await wabtInit();
		const deep = buildWat(wabt, folded(200));
		expect(deep).toMatchObject({
			ok: false,
			message: `The WebAssembly text nests 202 levels deep (at line 2); the parser here handles at most ${MAX_WAT_DEPTH} levels of blocks and parentheses. Move deep parts into functions of their own.`
		});
		expect(buildWat(wabt, flat(300)).ok).toBe(false);
		expect(buildWat(wabt, folded(100)).ok).toBe(true);
		expect(buildWat(wabt, template.text).ok).toBe(true);
	});
	it('a wabt that crashed is replaced: the failure is said once and the next build works', async () => {
		let loads = 0;
		// The first instance traps as wabt does when its stack overflows, and stays broken.
		const broken = {
			parseWat: () => {
				throw new WebAssembly.RuntimeError('memory access out of bounds');
			}
		} as unknown as Wabt;
		const slot = new WabtSlot(async () => (++loads === 1 ? broken : wabtInit()));
		const crashed = (message: string): BuildResult => ({
			ok: false,
			message,
			diagnostics: [],
			ms: 0
		});
		const first = await slot.use((w) => buildWat(w, template.text), crashed);
		expect(first).toMatchObject({
			ok: false,
			message:
				'The WebAssembly text parser crashed (memory access out of bounds) and was restarted: the next build starts afresh.'
		});
		const second = await slot.use((w) => buildWat(w, template.text), crashed);
		expect(second.ok).toBe(true);
		expect(loads).toBe(2);
	});
	it('a parse error is not a crash: the instance stays', async () => {
		let loads = 0;
		const slot = new WabtSlot(async () => (loads++, wabtInit()));
		const r = await slot.use(
			(w) => buildWat(w, '(module (func foo))'),
			() => null
		);
		expect(r).toMatchObject({ ok: false, message: 'The WebAssembly text has errors.' });
		await slot.use(
			(w) => buildWat(w, template.text),
			() => null
		);
		expect(loads).toBe(1);
	});
});
