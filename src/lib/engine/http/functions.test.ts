import { describe, expect, it } from 'vitest';
import { createHttpHostFunctions } from './functions';

const ctx = () => {
	const stored: string[] = [];
	return { stored, store: (s: string | Uint8Array) => (stored.push(String(s)), 42n) };
};

describe('createHttpHostFunctions', () => {
	it('reports the last response status, 0 before any', async () => {
		const { fetch, functions } = createHttpHostFunctions(
			async () => new Response('x', { status: 201 }),
			false
		);
		const env = functions['extism:host/env'];
		expect(env.http_status_code()).toBe(0);
		await fetch('https://a/');
		expect(env.http_status_code()).toBe(201);
	});

	it('resets the status when a request fails', async () => {
		let fail = false;
		const { fetch, functions } = createHttpHostFunctions(async () => {
			if (fail) throw new TypeError('Failed to fetch');
			return new Response('', { status: 404 });
		}, false);
		await fetch('https://a/');
		fail = true;
		await expect(fetch('https://a/')).rejects.toThrow('Failed to fetch');
		expect(functions['extism:host/env'].http_status_code()).toBe(0);
	});

	it('gives headers as JSON only when allowed', async () => {
		const res = () => new Response('', { headers: { 'x-one': '1' } });
		const allowed = createHttpHostFunctions(async () => res(), true);
		await allowed.fetch('https://a/');
		const c = ctx();
		expect(allowed.functions['extism:host/env'].http_headers(c)).toBe(42n);
		expect(JSON.parse(c.stored[0])).toMatchObject({ 'x-one': '1' });

		const denied = createHttpHostFunctions(async () => res(), false);
		await denied.fetch('https://a/');
		const d = ctx();
		expect(denied.functions['extism:host/env'].http_headers(d)).toBe(0n);
		expect(d.stored).toEqual([]);
	});
});
