import { describe, expect, it } from 'vitest';
import { watchRequests } from './request-watch';

/** What the SDK's read gives: an output parsed on demand (its PluginOutput has json() too). */
class Output {
	constructor(readonly text: string) {}
	json(): unknown {
		return JSON.parse(this.text);
	}
}

/** The slice of the SDK's CallContext in play: blocks read by address, a method on the class. */
class FakeContext {
	constructor(readonly blocks: Map<bigint, string>) {}
	read(addr: bigint): Output | null {
		const text = this.blocks.get(addr);
		return text === undefined ? null : new Output(text);
	}
}

/** A host function of ours: it gets the context first, as the SDK binds it. */
const blockCount = (c: FakeContext) => c.blocks.size;

/**
 * What @extism/extism 2.0.0-rc13 does with it: createForegroundPlugin binds each host function to
 * the context, and on a call http_request reads the request, parses it and, for a host not
 * allowed, throws before any fetch.
 */
function sdkRefuses(request: object) {
	const watch = watchRequests();
	const ctx = new FakeContext(new Map([[1n, JSON.stringify(request)]]));
	const ours = watch.capturing(blockCount);
	const bound = ours.bind(null, ctx);
	const { url } = ctx.read(1n)!.json() as { url: string };
	return { watch, refusedUrl: `${new URL(url)}`, bound };
}

describe('watchRequests', () => {
	it('knows the method of the request the SDK read before refusing it', () => {
		const { watch, refusedUrl } = sdkRefuses({ url: 'https://api.test/x', method: 'DELETE' });
		expect(refusedUrl).toBe('https://api.test/x');
		expect(watch.methodFor(refusedUrl)).toBe('DELETE');
	});

	it('says a request without a method, or one in lower case, as the SDK sends it', () => {
		expect(sdkRefuses({ url: 'https://a.test/' }).watch.methodFor('https://a.test/')).toBe('GET');
		expect(
			sdkRefuses({ url: 'https://a.test/', method: 'put' }).watch.methodFor('https://a.test/')
		).toBe('PUT');
	});

	it('matches the URL as the refusal writes it (parsed), and no other', () => {
		const { watch } = sdkRefuses({ url: 'HTTPS://A.test', method: 'POST' });
		expect(watch.methodFor('https://a.test/')).toBe('POST');
		expect(watch.methodFor('https://b.test/')).toBeUndefined();
	});

	it('knows nothing before a request is read, or when the SDK never binds our function', () => {
		expect(watchRequests().methodFor('https://a.test/')).toBeUndefined();
		const watch = watchRequests();
		watch.capturing(blockCount);
		const ctx = new FakeContext(new Map([[1n, '{"url":"https://a.test/","method":"PUT"}']]));
		ctx.read(1n)!.json();
		expect(watch.methodFor('https://a.test/')).toBeUndefined();
	});

	it('leaves the function, the reads and what they parse as they were', () => {
		const { bound } = sdkRefuses({ url: 'https://a.test/' });
		expect(bound()).toBe(1);
		const watch = watchRequests();
		const ctx = new FakeContext(
			new Map([
				[1n, '"a var name"'],
				[2n, '{"url":"https://a.test/","method":"PATCH"}']
			])
		);
		watch.capturing(blockCount).bind(null, ctx);
		expect(ctx.read(1n)!.json()).toBe('a var name');
		expect(ctx.read(9n)).toBeNull();
		expect(ctx.read(2n)!.json()).toEqual({ url: 'https://a.test/', method: 'PATCH' });
		// A context bound twice is watched once: what it parses is still what the block holds.
		watch.capturing(blockCount).bind(null, ctx);
		expect(ctx.read(2n)!.json()).toEqual({ url: 'https://a.test/', method: 'PATCH' });
		expect(watch.methodFor('https://a.test/')).toBe('PATCH');
	});

	it('ignores JSON that is not a request, and a method the SDK could not send', () => {
		const watch = watchRequests();
		const ctx = new FakeContext(
			new Map([
				[1n, '{"url":"https://a.test/","method":"GET"}'],
				[2n, '{"method":"POST"}'],
				[3n, 'null'],
				[4n, '{"url":"https://a.test/","method":7}']
			])
		);
		watch.capturing(blockCount).bind(null, ctx);
		for (const addr of [1n, 2n, 3n, 4n]) ctx.read(addr)!.json();
		expect(watch.methodFor('https://a.test/')).toBe('GET');
	});
});
