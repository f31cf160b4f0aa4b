// Test support for the state layer: a Playground on the in-process worker, bundled examples
// served from static/ (built by vitest's global setup), and storage that lives in memory.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, vi } from 'vitest';
import { InProcessWorker } from '$lib/engine/testing/in-process-worker';
import { Playground } from './playground.svelte';
import type { FileSlot, Storage, StoredFile } from './storage';

export const ORIGIN = 'http://playground.test';

/** Relative URLs (the examples) come from static/; anything else is unreachable. */
export function serveStatic() {
	vi.stubGlobal('fetch', async (url: string) => {
		if (/^[a-z]+:/i.test(url)) throw new TypeError('fetch failed');
		try {
			return new Response(await readFile(new URL(`../../../static/${url}`, import.meta.url)));
		} catch {
			return new Response('not found', { status: 404, statusText: 'Not Found' });
		}
	});
}

export function examplePlugin(id: string): Promise<Uint8Array> {
	return readFile(new URL(`../../../static/examples/${id}.wasm`, import.meta.url)).then(
		(b) => new Uint8Array(b)
	);
}

export function newPlayground(): Playground {
	return new Playground({ search: '', origin: ORIGIN, spawn: () => new InProcessWorker() });
}

/**
 * For a describe block: examples served from static/ in each test, and a maker of playgrounds
 * that are disposed after the test that made them.
 */
export function playgroundPerTest(): () => Playground {
	const made: Playground[] = [];
	beforeEach(serveStatic);
	afterEach(() => {
		for (const pg of made.splice(0)) pg.dispose();
		vi.unstubAllGlobals();
	});
	return () => {
		const pg = newPlayground();
		made.push(pg);
		return pg;
	};
}

/** Storage as one browser tab sees it, in memory; `refuse` makes every write fail. */
export class MemoryStorage implements Storage {
	state: string | null = null;
	file: StoredFile | null = null;
	inputFile: StoredFile | null = null;
	testPlugin: StoredFile | null = null;
	writes: string[] = [];
	refuse = false;
	readState() {
		return this.state;
	}
	writeState(text: string) {
		if (this.refuse) return false;
		this.state = text;
		this.writes.push('state');
		return true;
	}
	async readFile(slot: FileSlot = 'plugin') {
		return slot === 'plugin' ? this.file : this.inputFile;
	}
	async writeFile(file: StoredFile, slot: FileSlot = 'plugin') {
		if (this.refuse) return false;
		if (slot === 'plugin') this.file = file;
		else this.inputFile = file;
		this.writes.push(slot === 'plugin' ? 'file' : 'input file');
		return true;
	}
	async readTestPlugin() {
		return this.testPlugin;
	}
	async writeTestPlugin(file: StoredFile | null) {
		if (this.refuse) return false;
		this.testPlugin = file;
		this.writes.push('test plugin');
		return true;
	}
	async clear() {
		this.state = null;
		this.file = null;
		this.inputFile = null;
		this.testPlugin = null;
	}
}
