import { describe, expect, it } from 'vitest';
import { loadHostRule, NO_HOSTS } from './host-rule';

const url = (s: string) => new URL(s);

describe('loadHostRule', () => {
	it('refuses every host when nothing is granted', async () => {
		const rule = await loadHostRule([]);
		expect(rule).toBe(NO_HOSTS);
		for (const u of ['https://localhost/', 'http://127.0.0.1:8080/', 'https://example.com/']) {
			expect(rule(url(u))).toBe(false);
		}
	});

	it('applies the SDK rule: exact names and globs, "*." covering subdomains only', async () => {
		const rule = await loadHostRule(['api.example.com', '*.cdn.example']);
		expect(rule(url('https://api.example.com/x'))).toBe(true);
		expect(rule(url('https://eu.cdn.example/'))).toBe(true);
		expect(rule(url('https://cdn.example/'))).toBe(false);
		expect(rule(url('https://evil.test/'))).toBe(false);
	});

	it('keeps the grant it was made with when the list changes afterwards', async () => {
		const patterns = ['a.test'];
		const rule = await loadHostRule(patterns);
		patterns.push('*');
		expect(rule(url('https://b.test/'))).toBe(false);
	});
});
