import { describe, expect, it } from 'vitest';
import { compilePattern, patternProblem } from './pattern';

const matches = (pattern: string, url: string) => compilePattern(pattern)(new URL(url));

describe('mock URL patterns', () => {
	it('an exact URL matches that URL alone, query included, fragment ignored', () => {
		const p = 'https://api.example.com/todos/1';
		expect(matches(p, 'https://api.example.com/todos/1')).toBe(true);
		expect(matches(p, 'https://API.example.com:443/todos/1#top')).toBe(true);
		expect(matches(p, 'https://api.example.com/todos/1?x=1')).toBe(false);
		expect(matches(p, 'http://api.example.com/todos/1')).toBe(false);
		expect(matches(p, 'https://api.example.com/todos/12')).toBe(false);
		expect(matches('https://a.test/s?q=1', 'https://a.test/s?q=1')).toBe(true);
		expect(matches('https://a.test/s?q=1', 'https://a.test/s?q=2')).toBe(false);
	});

	it('a * stays within one path segment; ** crosses segments', () => {
		const p = 'https://api.example.com/todos/*';
		expect(matches(p, 'https://api.example.com/todos/1')).toBe(true);
		expect(matches(p, 'https://api.example.com/todos/')).toBe(true);
		expect(matches(p, 'https://api.example.com/todos/1/items')).toBe(false);
		expect(matches(p, 'https://api.example.com/todo')).toBe(false);
		expect(matches('https://api.example.com/**', 'https://api.example.com/a/b/c')).toBe(true);
		expect(matches('https://api.example.com/a/*/c', 'https://api.example.com/a/b/c')).toBe(true);
	});

	it('a glob without a query matches any query; one with a query matches it as a glob', () => {
		expect(matches('https://a.test/todos/*', 'https://a.test/todos/1?page=2')).toBe(true);
		expect(matches('https://a.test/s?q=*', 'https://a.test/s?q=cats')).toBe(true);
		expect(matches('https://a.test/s?q=*', 'https://a.test/s?page=1')).toBe(false);
	});

	it('globs the host and the scheme, and keeps the port exact', () => {
		expect(matches('https://*.example.com/x', 'https://api.example.com/x')).toBe(true);
		expect(matches('https://*.example.com/x', 'https://example.com/x')).toBe(false);
		expect(matches('http*://a.test/*', 'http://a.test/x')).toBe(true);
		expect(matches('http*://a.test/*', 'https://a.test/x')).toBe(true);
		expect(matches('http://127.0.0.1:8080/*', 'http://127.0.0.1:8080/hook')).toBe(true);
		expect(matches('http://127.0.0.1:8080/*', 'http://127.0.0.1:9090/hook')).toBe(false);
		expect(matches('https://*/x', 'https://any.host.test/x')).toBe(true);
	});

	it('treats regular-expression characters literally', () => {
		expect(matches('https://a.test/v1.0/(x)/*', 'https://a.test/v1.0/(x)/y')).toBe(true);
		expect(matches('https://a.test/v1.0/*', 'https://a.test/v1x0/y')).toBe(false);
	});

	it('says in words what is wrong with a pattern', () => {
		expect(patternProblem('https://api.example.com/todos/*')).toBeNull();
		expect(patternProblem('')).toBe(
			'Enter the URL to mock, such as https://api.example.com/todos/*.'
		);
		expect(patternProblem('api.example.com/todos')).toBe(
			'A mock URL starts with http:// or https:// ("api.example.com/todos" does not).'
		);
		expect(patternProblem('ftp://a.test/x')).toBe('A mock URL is for http or https, not "ftp".');
		expect(patternProblem('https://a.test/x#top')).toBe(
			'A mock URL has no #fragment: a request never sends one to the server.'
		);
		expect(patternProblem('https://a b/x')).toBe('A mock URL has no spaces (write them as %20).');
		expect(patternProblem('https://a.test:99999/x')).toBe(
			'"https://a.test:99999/x" is not a URL: check the host name and the port.'
		);
		expect(patternProblem('https://user:pw@a.test/')).toBe(
			'A mock URL has no user name or password.'
		);
		expect(patternProblem(`https://a.test/${'x'.repeat(2048)}`)).toBe(
			'A mock URL may be at most 2,048 characters.'
		);
		expect(() => compilePattern('nope')).toThrow('A mock URL starts with http:// or https://');
	});
});
