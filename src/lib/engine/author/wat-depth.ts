// How deeply WebAssembly text nests. wabt parses nesting by recursion on a small stack of its own:
// about 150 folded levels overflow it into "memory access out of bounds", and deep flat blocks
// make it spin. Measured before wabt sees the text, so the limit can be said in words.

/** Nesting deeper than this is refused before parsing (100 levels parse; ~150 crash wabt). */
export const MAX_WAT_DEPTH = 128;

const FLAT_OPEN = new Set(['block', 'loop', 'if', 'try', 'try_table']);

/** The deepest nesting, counting parentheses and flat `block`/`loop`/`if` … `end` alike. */
export function watDepth(text: string): { depth: number; line: number } {
	let depth = 0;
	let max = 0;
	let maxLine = 1;
	let line = 1;
	let afterParen = false;
	const deeper = () => {
		depth++;
		if (depth > max) [max, maxLine] = [depth, line];
	};
	for (let i = 0; i < text.length;) {
		const c = text[i];
		if (c === '\n') line++;
		if (c === ';' && text[i + 1] === ';') {
			while (i < text.length && text[i] !== '\n') i++;
			continue;
		}
		if (c === '(' && text[i + 1] === ';') {
			// Block comments nest.
			let level = 0;
			do {
				if (text[i] === '\n') line++;
				if (text[i] === '(' && text[i + 1] === ';') {
					level++;
					i++;
				} else if (text[i] === ';' && text[i + 1] === ')') {
					level--;
					i++;
				}
				i++;
			} while (level > 0 && i < text.length);
			continue;
		}
		if (c === '"') {
			for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
			i++;
			afterParen = false;
			continue;
		}
		if (c === '(') {
			deeper();
			afterParen = true;
			i++;
			continue;
		}
		if (c === ')') {
			depth = Math.max(0, depth - 1);
			afterParen = false;
			i++;
			continue;
		}
		if (/\s/.test(c)) {
			i++;
			continue;
		}
		let end = i;
		while (end < text.length && !/[\s()";]/.test(text[end])) end++;
		const word = text.slice(i, end || i + 1);
		// A folded `(block …)` is counted by its parenthesis; a flat one opens until its `end`.
		if (!afterParen && FLAT_OPEN.has(word)) deeper();
		else if (word === 'end') depth = Math.max(0, depth - 1);
		afterParen = false;
		i = Math.max(end, i + 1);
	}
	return { depth: max, line: maxLine };
}

/** Why the text is refused before parsing, or null when it nests within the limit. */
export function watTooDeep(text: string): string | null {
	const { depth, line } = watDepth(text);
	if (depth <= MAX_WAT_DEPTH) return null;
	return `The WebAssembly text nests ${depth} levels deep (at line ${line}); the parser here handles at most ${MAX_WAT_DEPTH} levels of blocks and parentheses. Move deep parts into functions of their own.`;
}
