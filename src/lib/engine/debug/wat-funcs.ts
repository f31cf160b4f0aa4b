/**
 * Where each function of a WebAssembly text module is defined, by function index (imports first,
 * as the binary numbers them): a WAT trap's frames lead to their `(func` in the person's source.
 */

export interface TextPlace {
	/** 1-based, like an editor's. */
	line: number;
	column: number;
}

/** Skips a string, a line comment or a block comment starting at `i`; returns where it ends. */
function skipAtom(text: string, i: number): number {
	if (text[i] === '"') {
		for (let j = i + 1; j < text.length; j++) {
			if (text[j] === '\\') j++;
			else if (text[j] === '"') return j + 1;
		}
		return text.length;
	}
	if (text.startsWith(';;', i)) {
		const end = text.indexOf('\n', i);
		return end < 0 ? text.length : end;
	}
	if (text.startsWith('(;', i)) {
		let depth = 0;
		for (let j = i; j < text.length; j++) {
			if (text.startsWith('(;', j)) {
				depth++;
				j++;
			} else if (text.startsWith(';)', j) && --depth === 0) return j + 2;
		}
		return text.length;
	}
	return i;
}

/** The keyword right after an opening parenthesis at `i` (`func`, `import`…). */
function keywordAt(text: string, i: number): string {
	return /^\(\s*([a-z_.]+)/.exec(text.slice(i, i + 40))?.[1] ?? '';
}

/** Function index → where its `(func` (or its `(import`) opens, in the binary's order. */
export function watFunctionPlaces(text: string): TextPlace[] {
	const imported: number[] = [];
	const defined: number[] = [];
	// Forms open at each depth: [keyword, start]; the module's fields are at depth 1 (2 under
	// an explicit `(module`).
	const open: { keyword: string; start: number }[] = [];
	for (let i = 0; i < text.length; i++) {
		const skipped = skipAtom(text, i);
		if (skipped !== i) {
			i = skipped - 1;
			continue;
		}
		if (text[i] === '(') {
			const keyword = keywordAt(text, i);
			const fieldDepth = open[0]?.keyword === 'module' ? 1 : 0;
			const parent = open[open.length - 1];
			if (keyword === 'func' && open.length === fieldDepth) {
				// An inline import, `(func $f (import "m" "n") …)`, is numbered with the imports.
				const head = text.slice(i, i + 200);
				(/^\(\s*func(?:\s+\$[^\s()]+)?(?:\s+\(export\s+"[^"]*"\))*\s+\(import\b/.test(head)
					? imported
					: defined
				).push(i);
			} else if (
				keyword === 'func' &&
				parent?.keyword === 'import' &&
				open.length === fieldDepth + 1
			)
				imported.push(parent.start);
			open.push({ keyword, start: i });
		} else if (text[i] === ')') open.pop();
	}
	return [...imported, ...defined].map((offset) => placeOf(text, offset));
}

function placeOf(text: string, offset: number): TextPlace {
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	return { line, column: offset - before.lastIndexOf('\n') };
}
