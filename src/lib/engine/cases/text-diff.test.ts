import { describe, expect, it } from 'vitest';
import { MAX_DIFF_LINES, MAX_OUTPUT_LINES, diffLines, type DiffLine } from './text-diff';

/** Writes a diff as unified-style text, one line per entry, for diffs written by hand. */
const show = (lines: DiffLine[]) => lines.map((l) => `${l.op}${l.text}`).join('\n');
const numbered = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `line ${from + i}`);

describe('diffLines', () => {
	it('marks removed, added and kept lines', () => {
		expect(show(diffLines('a\nb\nc\nd', 'a\nc\nx\nd'))).toBe(' a\n-b\n c\n+x\n d');
	});

	it('shows a changed line as removed then added', () => {
		expect(diffLines('{"count": 3}', '{"count": 4}')).toEqual([
			{ op: '-', text: '{"count": 3}' },
			{ op: '+', text: '{"count": 4}' }
		]);
	});

	it('handles empty sides and a final newline', () => {
		expect(show(diffLines('', 'one'))).toBe('-\n+one');
		expect(show(diffLines('one\n', 'one'))).toBe(' one\n-');
		expect(show(diffLines('same', 'same'))).toBe(' same');
	});

	it('finds the longest common run, not the first match', () => {
		expect(show(diffLines('x\na\nb\nc', 'a\nb\nc\nx'))).toBe('-x\n a\n b\n c\n+x');
	});

	it('folds unchanged lines far from a change, keeping 3 lines of context', () => {
		const expected = numbered(20).join('\n');
		const actual = [...numbered(9), 'changed', ...numbered(10, 11)].join('\n');
		expect(diffLines(expected, actual)).toEqual([
			{ op: ' ', text: '… 6 unchanged lines', skipped: 6 },
			{ op: ' ', text: 'line 7' },
			{ op: ' ', text: 'line 8' },
			{ op: ' ', text: 'line 9' },
			{ op: '-', text: 'line 10' },
			{ op: '+', text: 'changed' },
			{ op: ' ', text: 'line 11' },
			{ op: ' ', text: 'line 12' },
			{ op: ' ', text: 'line 13' },
			{ op: ' ', text: '… 7 unchanged lines', skipped: 7 }
		]);
	});

	it('shows a single far line instead of folding it', () => {
		const lines = diffLines('a\nb\nc\nd\ne', 'A\nb\nc\nd\ne');
		expect(show(lines)).toBe('-a\n+A\n b\n c\n d\n e');
	});

	it('beyond the LCS limit, removes then adds the rest and caps the output', () => {
		const n = MAX_DIFF_LINES + 500;
		const lines = diffLines(numbered(n).join('\n'), numbered(n, 100_000).join('\n'));
		expect(lines).toHaveLength(MAX_OUTPUT_LINES);
		expect(lines.slice(0, 2)).toEqual([
			{ op: '-', text: 'line 1' },
			{ op: '-', text: 'line 2' }
		]);
		const total = 2 * n;
		expect(lines.at(-1)).toEqual({
			op: ' ',
			text: `… ${total - (MAX_OUTPUT_LINES - 1)} more lines`,
			skipped: total - (MAX_OUTPUT_LINES - 1)
		});
	});

	it('keeps a long common head and tail out of the LCS, so a big text with one change is fast', () => {
		const base = numbered(50_000);
		const changed = [...base];
		changed[25_000] = 'different';
		// Exactly one changed line proves the head and tail were trimmed: an LCS over 50,000 lines
		// would pass MAX_DIFF_LINES and fall back to removing and adding everything. (Speed itself
		// belongs in a bench, not in a test on a shared machine.)
		const lines = diffLines(base.join('\n'), changed.join('\n'));
		expect(show(lines)).toBe(
			[
				' … 24997 unchanged lines',
				' line 24998',
				' line 24999',
				' line 25000',
				'-line 25001',
				'+different',
				' line 25002',
				' line 25003',
				' line 25004',
				' … 24996 unchanged lines'
			].join('\n')
		);
	});
});
