/**
 * A line diff of two texts (expected vs actual), small enough to show in a panel: common lines far
 * from a change are folded into one `skipped` line, and very long inputs get a shorter,
 * non-minimal diff instead of a slow one.
 */
export interface DiffLine {
	op: ' ' | '-' | '+';
	text: string;
	/** Set on a folded line standing for this many unchanged lines (op ' ', text says so). */
	skipped?: number;
}

/** Lines per side that go through the LCS (after the common head and tail are taken off). */
export const MAX_DIFF_LINES = 2000;
/** Unchanged lines kept around each change. */
export const CONTEXT_LINES = 3;
/** Lines returned at most; the rest is folded into a last `skipped` line. */
export const MAX_OUTPUT_LINES = 1000;

export function diffLines(expected: string, actual: string): DiffLine[] {
	const a = expected.split('\n');
	const b = actual.split('\n');
	let head = 0;
	while (head < a.length && head < b.length && a[head] === b[head]) head++;
	let tail = 0;
	while (
		tail < a.length - head &&
		tail < b.length - head &&
		a[a.length - 1 - tail] === b[b.length - 1 - tail]
	) {
		tail++;
	}
	const midA = a.slice(head, a.length - tail);
	const midB = b.slice(head, b.length - tail);
	const lines: DiffLine[] = [
		...a.slice(0, head).map(same),
		...middle(midA, midB),
		...a.slice(a.length - tail).map(same)
	];
	return cap(fold(lines));
}

const same = (text: string): DiffLine => ({ op: ' ', text });

/** LCS diff of the changed middle; beyond MAX_DIFF_LINES, the rest is removed then added. */
function middle(a: string[], b: string[]): DiffLine[] {
	const n = Math.min(a.length, MAX_DIFF_LINES);
	const m = Math.min(b.length, MAX_DIFF_LINES);
	const out = lcsDiff(a.slice(0, n), b.slice(0, m));
	for (const text of a.slice(n)) out.push({ op: '-', text });
	for (const text of b.slice(m)) out.push({ op: '+', text });
	return out;
}

function lcsDiff(a: string[], b: string[]): DiffLine[] {
	const n = a.length;
	const m = b.length;
	const width = m + 1;
	// lengths[i * width + j] = LCS length of a[i..] and b[j..]; ≤ 2000 fits in 16 bits.
	const lengths = new Uint16Array((n + 1) * width);
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			lengths[i * width + j] =
				a[i] === b[j]
					? lengths[(i + 1) * width + j + 1] + 1
					: Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
		}
	}
	const out: DiffLine[] = [];
	let i = 0;
	let j = 0;
	while (i < n && j < m) {
		if (a[i] === b[j]) {
			out.push(same(a[i]));
			i++;
			j++;
		} else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
			out.push({ op: '-', text: a[i++] });
		} else {
			out.push({ op: '+', text: b[j++] });
		}
	}
	while (i < n) out.push({ op: '-', text: a[i++] });
	while (j < m) out.push({ op: '+', text: b[j++] });
	return out;
}

const skippedLine = (count: number, what: string): DiffLine => ({
	op: ' ',
	text: `… ${count} ${what} line${count === 1 ? '' : 's'}`,
	skipped: count
});

/** Folds runs of unchanged lines that are more than CONTEXT_LINES away from any change. */
function fold(lines: DiffLine[]): DiffLine[] {
	const near = new Uint8Array(lines.length);
	lines.forEach((line, k) => {
		if (line.op === ' ') return;
		const from = Math.max(0, k - CONTEXT_LINES);
		const to = Math.min(lines.length - 1, k + CONTEXT_LINES);
		for (let x = from; x <= to; x++) near[x] = 1;
	});
	const out: DiffLine[] = [];
	let run = 0;
	const flush = (k: number) => {
		// A fold must save lines: a single far line is shown as it is.
		if (run === 1) out.push(lines[k - 1]);
		else if (run > 1) out.push(skippedLine(run, 'unchanged'));
		run = 0;
	};
	lines.forEach((line, k) => {
		if (near[k]) {
			flush(k);
			out.push(line);
		} else {
			run++;
		}
	});
	flush(lines.length);
	return out;
}

function cap(lines: DiffLine[]): DiffLine[] {
	if (lines.length <= MAX_OUTPUT_LINES) return lines;
	const kept = lines.slice(0, MAX_OUTPUT_LINES - 1);
	const rest = lines.slice(MAX_OUTPUT_LINES - 1);
	const hidden = rest.reduce((sum, line) => sum + (line.skipped ?? 1), 0);
	return [...kept, skippedLine(hidden, 'more')];
}
