import { describe, expect, it } from 'vitest';
import { countUseShapes, MAX_SVG_DEPTH, MAX_SVG_USE_SHAPES } from './svg-uses';

const svg = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg">${body}</svg>`;

/** `layers` groups, each `fan` uses of the one below, and one use of the top. */
function layered(layers: number, fan: number, attr = 'href') {
	let defs = '<g id="l0"><rect width="1" height="1"/></g>';
	for (let i = 1; i <= layers; i++)
		defs += `<g id="l${i}">${`<use ${attr}="#l${i - 1}"/>`.repeat(fan)}</g>`;
	return svg(`<defs>${defs}</defs><use ${attr}="#l${layers}"/>`);
}

describe('countUseShapes', () => {
	it('counts nothing in an SVG without uses', () => {
		expect(countUseShapes(svg('<rect width="3" height="3"/>'))).toEqual({ ok: true, shapes: 0 });
	});
	it('counts each copy a use makes, through layers', () => {
		// t draws 3 copies of s in place; each of the 2 uses of t copies t and its 3 copies of s.
		const s = svg(
			`<symbol id="s"><rect/></symbol><g id="t">${'<use href="#s"/>'.repeat(3)}</g>${'<use href="#t"/>'.repeat(2)}`
		);
		expect(countUseShapes(s)).toEqual({ ok: true, shapes: 3 + 2 * (1 + 3) });
	});
	it('counts uses inside <defs> as drawn: an upper bound, never an underestimate', () => {
		// l1 holds 2 uses of l0 (counted though l1 sits in defs), the top use copies l1 and its 2.
		expect(countUseShapes(layered(1, 2))).toEqual({ ok: true, shapes: 2 + (1 + 2) });
	});
	it('finds the layered bomb beyond the limit, with xlink:href and single quotes too', () => {
		for (const s of [layered(10, 10), layered(10, 10, 'xlink:href').replaceAll('"', "'")]) {
			const r = countUseShapes(s);
			expect(r).toEqual({ ok: true, shapes: MAX_SVG_USE_SHAPES + 1 });
		}
	});
	it('follows a use that points forward, to an element defined later', () => {
		const s = svg(
			`${'<use href="#b"/>'.repeat(5)}<g id="b">${'<use href="#c"/>'.repeat(4)}</g><rect id="c"/>`
		);
		// Each of 5 uses copies b (1) and its 4 copies of c: 5 × 5 = 25, plus b's own 4 uses of c.
		expect(countUseShapes(s)).toEqual({ ok: true, shapes: 25 + 4 });
	});
	it('ignores uses in comments, and of ids nobody defines', () => {
		const s = svg(`<!-- ${'<use href="#x"/>'.repeat(50)} --><use href="#nowhere"/>`);
		expect(countUseShapes(s)).toEqual({ ok: true, shapes: 1 });
	});
	it('refuses uses that point back at themselves', () => {
		expect(
			countUseShapes(svg('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>'))
		).toEqual({ ok: false, reason: 'cycle' });
	});
	it('refuses nesting and use chains deeper than any drawing needs, without overflowing the stack', () => {
		expect(countUseShapes(svg('<g>'.repeat(MAX_SVG_DEPTH + 1)))).toEqual({
			ok: false,
			reason: 'depth'
		});
		let chain = '<rect id="c0"/>';
		for (let i = 1; i <= 50_000; i++) chain += `<g id="c${i}"><use href="#c${i - 1}"/></g>`;
		expect(countUseShapes(svg(`<use href="#c50000"/>${chain}`))).toEqual({
			ok: false,
			reason: 'depth'
		});
	});
});
