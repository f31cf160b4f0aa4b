import { describe, expect, it } from 'vitest';
import { runError } from '../run-error';
import { clipXtpEvent, clipXtpText, MAX_XTP_TEXT } from './report';

describe('clipping what a test plugin reports', () => {
	it('leaves ordinary names whole', () => {
		const ev = { type: 'assert' as const, name: 'counts vowels', pass: true, reason: 'ok' };
		expect(clipXtpEvent(ev)).toEqual(ev);
	});
	it('cuts a 64 KiB assertion name and reason, saying how much was left out', () => {
		const name = 'n'.repeat(64 * 1024);
		const ev = clipXtpEvent({
			type: 'assert',
			name,
			pass: false,
			reason: 'r'.repeat(MAX_XTP_TEXT + 1)
		});
		expect(ev).toEqual({
			type: 'assert',
			name: `${'n'.repeat(MAX_XTP_TEXT)}… (65,036 more characters)`,
			pass: false,
			reason: `${'r'.repeat(MAX_XTP_TEXT)}… (1 more characters)`
		});
	});
	it('cuts a 1 MiB function name in a call and in its error, and a group name', () => {
		const fn = 'f'.repeat(1024 * 1024);
		const ev = clipXtpEvent({
			type: 'call',
			fn,
			ms: 1,
			timed: false,
			error: runError({ kind: 'unknown' }, `Plugin error: function "${fn}" does not exist`)
		});
		expect(ev.type === 'call' && ev.fn.length).toBeLessThan(MAX_XTP_TEXT + 40);
		expect(ev.type === 'call' && ev.error?.message).toBe(
			clipXtpText(`Plugin error: function "${fn}" does not exist`)
		);
		expect(JSON.stringify(ev).length).toBeLessThan(3 * MAX_XTP_TEXT);
		expect(clipXtpEvent({ type: 'group', name: fn })).toEqual({
			type: 'group',
			name: clipXtpText(fn)
		});
	});
});
