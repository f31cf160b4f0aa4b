// How many shapes an SVG's `<use>` elements make the browser draw. A `<use>` copies what it
// points at, and a copy may hold uses of its own: ten layers of ten uses each are 10^10 shapes
// from 1 KB of text, and drawing them freezes the tab that draws them. Counted from the text
// before anything is drawn; the sandboxed frame the SVG is drawn in is the second line of defence.

/** More shapes than this, drawn through `<use>`, and the SVG is not drawn here. */
export const MAX_SVG_USE_SHAPES = 100_000;
/** Elements nested, or uses chained, deeper than this are refused: no drawing needs it. */
export const MAX_SVG_DEPTH = 1_000;

export type UseCount = { ok: true; shapes: number } | { ok: false; reason: 'depth' | 'cycle' };

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
const ID = /(?:^|\s)id\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const HREF = /(?:^|\s)(?:xlink:)?href\s*=\s*(?:"\s*#([^"]*?)\s*"|'\s*#([^']*?)\s*')/;

interface Frame {
	id: string | null;
	/** Targets of the uses inside this element, with how many times each is used. */
	refs: Map<string, number>;
}

const add = (into: Map<string, number>, target: string, n: number) =>
	into.set(target, (into.get(target) ?? 0) + n);

/** The shapes drawn through uses (an upper bound: uses inside `<defs>` are counted too). */
export function countUseShapes(svg: string): UseCount {
	const text = svg.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
	const root: Frame = { id: null, refs: new Map() };
	const stack: Frame[] = [root];
	const refsOf = new Map<string, Map<string, number>>();
	const close = () => {
		const frame = stack.pop()!;
		if (frame.id !== null && !refsOf.has(frame.id)) refsOf.set(frame.id, frame.refs);
		const parent = stack[stack.length - 1];
		for (const [t, n] of frame.refs) add(parent.refs, t, n);
	};
	for (const m of text.matchAll(TAG)) {
		const [, closing, name, attrs, selfClosing] = m;
		if (closing) {
			if (stack.length > 1) close();
			continue;
		}
		const idMatch = ID.exec(attrs);
		const frame: Frame = { id: idMatch ? (idMatch[1] ?? idMatch[2]) : null, refs: new Map() };
		if (name.replace(/^.*:/, '') === 'use') {
			const href = HREF.exec(attrs);
			if (href) add(frame.refs, href[1] ?? href[2], 1);
		}
		stack.push(frame);
		if (stack.length > MAX_SVG_DEPTH) return { ok: false, reason: 'depth' };
		if (selfClosing) close();
	}
	while (stack.length > 1) close();

	const cap = MAX_SVG_USE_SHAPES + 1;
	const weight = new Map<string, number>();
	const visiting = new Set<string>();
	let cycle = false;
	let deep = false;
	/** Shapes one copy of `id` draws: itself and, through its uses, the copies it makes. */
	const shapes = (id: string): number => {
		const known = weight.get(id);
		if (known !== undefined) return known;
		if (visiting.has(id)) return ((cycle = true), cap);
		// Uses that chain deeper than any drawing needs: refused, and the recursion stays short.
		if (visiting.size >= MAX_SVG_DEPTH) return ((deep = true), cap);
		visiting.add(id);
		let total = 1;
		for (const [t, n] of refsOf.get(id) ?? []) total = Math.min(cap, total + n * shapes(t));
		visiting.delete(id);
		weight.set(id, total);
		return total;
	};
	let total = 0;
	for (const [t, n] of root.refs) total = Math.min(cap, total + n * shapes(t));
	if (cycle) return { ok: false, reason: 'cycle' };
	if (deep) return { ok: false, reason: 'depth' };
	return { ok: true, shapes: total };
}
