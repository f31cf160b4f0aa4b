import { describe, expect, it } from 'vitest';
import { capped, describe as describeDiag, fromAsc, fromWabt, positionAt } from './diagnostics';
import { AS_FILE } from './files';

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
