import { describe, expect, it } from 'vitest';
import { matchingPattern } from './host-match';
import { redirectOutsideHosts, redirectWithheldMessage } from './redirect';

const rule = (patterns: string[]) => (url: URL) => matchingPattern(url, patterns) !== null;

describe('redirectOutsideHosts', () => {
	const hosts = rule(['api.example.com', '*.cdn.example']);

	it('lets a response through when there was no redirect', () => {
		expect(
			redirectOutsideHosts('https://api.example.com/a', 'https://api.example.com/a', hosts)
		).toBe(null);
		// Some engines leave responseURL empty; the request itself was checked before it went out.
		expect(redirectOutsideHosts('https://api.example.com/a', '', hosts)).toBe(null);
	});

	it('lets a redirect to another allowed host through, globs included', () => {
		expect(
			redirectOutsideHosts('https://api.example.com/a', 'https://eu.cdn.example/b', hosts)
		).toBe(null);
		expect(
			redirectOutsideHosts('https://api.example.com/a', 'https://api.example.com:8443/b', hosts)
		).toBe(null);
	});

	it('withholds a redirect to a host outside the allowed hosts', () => {
		expect(
			redirectOutsideHosts('https://api.example.com/a', 'https://evil.test/steal?x=1', hosts)
		).toEqual({ finalUrl: 'https://evil.test/steal?x=1', hostname: 'evil.test' });
		// Same matcher as the SDK: "*.cdn.example" does not cover "cdn.example" itself.
		expect(
			redirectOutsideHosts('https://api.example.com/a', 'https://cdn.example/', hosts)
		).toEqual({ finalUrl: 'https://cdn.example/', hostname: 'cdn.example' });
		expect(redirectOutsideHosts('https://api.example.com/', 'http://localhost/', rule([]))).toEqual(
			{
				finalUrl: 'http://localhost/',
				hostname: 'localhost'
			}
		);
	});

	it('says the browser followed it and the response was withheld', () => {
		const msg = redirectWithheldMessage('https://api.example.com/a', {
			finalUrl: 'https://evil.test/',
			hostname: 'evil.test'
		});
		expect(msg).toContain('the browser followed the redirect');
		expect(msg).toContain('the response was withheld from the plugin');
		expect(msg).toContain('"https://api.example.com/a" was redirected to "https://evil.test/"');
	});
});
