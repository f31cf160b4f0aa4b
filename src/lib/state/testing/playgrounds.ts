// Test support for the state layer: a Playground on the in-process worker, with bundled examples
// served from static/ (built by vitest's global setup) and storage in memory.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, vi } from 'vitest';
import { InProcessWorker } from '$lib/engine/testing/in-process-worker';
import { Playground } from '../playground.svelte';
import type { Storage } from '../storage';
import { MemoryStorage } from './memory-storage';

export const ORIGIN = 'http://playground.test';

/** Relative URLs (the examples) come from static/; anything else is unreachable. */
export function serveStatic() {
	vi.stubGlobal('fetch', async (url: string) => {
		if (/^[a-z]+:/i.test(url)) throw new TypeError('fetch failed');
		try {
			return new Response(await readFile(new URL(`../../../../static/${url}`, import.meta.url)));
		} catch {
			return new Response('not found', { status: 404, statusText: 'Not Found' });
		}
	});
}

export function examplePlugin(id: string): Promise<Uint8Array> {
	return readFile(new URL(`../../../../static/examples/${id}.wasm`, import.meta.url)).then(
		(b) => new Uint8Array(b)
	);
}

/** `storage` is what the playground's session saves to and restores from (in memory). */
export function newPlayground(storage: Storage = new MemoryStorage()): Playground {
	return new Playground({
		search: '',
		origin: ORIGIN,
		spawn: () => new InProcessWorker(),
		storage
	});
}

/**
 * For a describe block: examples served from static/ in each test, and a maker of playgrounds
 * that are disposed after the test that made them.
 */
export function playgroundPerTest(): (storage?: Storage) => Playground {
	const made: Playground[] = [];
	beforeEach(serveStatic);
	afterEach(() => {
		for (const pg of made.splice(0)) pg.dispose();
		vi.unstubAllGlobals();
	});
	return (storage) => {
		const pg = newPlayground(storage);
		made.push(pg);
		return pg;
	};
}
