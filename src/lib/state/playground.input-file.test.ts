// Input from a file or from hex/base64 text: the bytes reach the plugin unchanged, a file too
// large is refused before it is read, and a file survives a save and a restore.
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Playground } from './playground.svelte';
import { MemoryStorage } from './testing/memory-storage';
import { newPlayground, serveStatic } from './testing/playgrounds';

const messages = (pg: Playground) =>
	pg.log.entries.flatMap((e) => (e.type === 'message' ? [`${e.level}: ${e.text}`] : []));
const BINARY = new Uint8Array([0x00, 0xff, 0x80, 0x0a, 0x89, 0x50]);
const fileOf = (bytes: Uint8Array, name = 'data.bin', type = 'application/octet-stream') =>
	new File([bytes as Uint8Array<ArrayBuffer>], name, { type });

describe('the input as a file or as hex and base64', () => {
	const made: Playground[] = [];
	/** A playground with the echo fixture, which outputs its input byte for byte. */
	async function echoing(storage?: MemoryStorage) {
		const pg = newPlayground(storage);
		made.push(pg);
		const wasm = await readFile(new URL('../../../tests/fixtures/out/echo.wasm', import.meta.url));
		expect(await pg.current.loadBytes('echo.wasm', new Uint8Array(wasm))).toBe(true);
		return pg;
	}
	const output = (pg: Playground) => Array.from(pg.log.latestRun!.outputBytes ?? []);
	beforeEach(serveStatic);
	afterEach(() => {
		for (const pg of made.splice(0)) pg.dispose();
		vi.unstubAllGlobals();
	});

	it('sends a file byte for byte, and the typed text again once it is cleared', async () => {
		const pg = await echoing();
		pg.setup.input = 'typed';
		await pg.useInputFile(fileOf(BINARY));
		expect(messages(pg).at(-1)).toBe('info: The file "data.bin" (6 B) is now the input.');
		await pg.runs.run();
		expect(output(pg)).toEqual(Array.from(BINARY));
		pg.clearInputFile();
		await pg.runs.run();
		expect(pg.log.latestRun!.outputText).toBe('typed');
	});

	it('refuses a file over the limit without reading it, and keeps the input', async () => {
		const pg = await echoing();
		pg.setup.input = 'kept';
		const huge = {
			name: 'huge.bin',
			size: 50_000_000,
			type: '',
			arrayBuffer: () => Promise.reject(new Error('must not be read'))
		} as unknown as File;
		await pg.useInputFile(huge);
		const said =
			'The file "huge.bin" (47.7 MiB) is too large to be the input: input files may be at most 32.0 MiB.';
		expect(pg.setup.inputProblem).toBe(said);
		expect(messages(pg).at(-1)).toBe(`error: ${said}`);
		expect(pg.setup.inputFile).toBeNull();
		await pg.runs.run();
		expect(pg.log.latestRun!.outputText).toBe('kept');
	});

	it('sends hex and base64 input as the bytes they spell, and refuses bad spelling', async () => {
		const pg = await echoing();
		pg.setup.input = 'ab';
		pg.setup.setEncoding('hex');
		expect(pg.setup.input).toBe('61 62');
		pg.setup.input = '00 ff 80';
		await pg.runs.run();
		expect(output(pg)).toEqual([0x00, 0xff, 0x80]);
		pg.setup.setEncoding('base64');
		expect(pg.setup.input).toBe('AP+A');
		const runs = pg.log.entries.length;
		pg.setup.input = 'not base64!';
		await pg.runs.run();
		expect(pg.log.entries.length).toBe(runs + 1);
		expect(messages(pg).at(-1)).toBe(
			'error: Not run: The input is not base64: it may use only A-Z, a-z, 0-9, + and /, with = padding at the end.'
		);
	});

	it('keeps an input file across a save and a restore, beside the link', async () => {
		const storage = new MemoryStorage();
		const pg = await echoing(storage);
		const { session } = pg;
		const big = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
		await pg.useInputFile(fileOf(big, 'photo.png', 'image/png'));
		await session.saving.saveNow();
		expect(session.saving.text).toBe('Saved in this browser');
		expect(storage.inputFile?.name).toBe('photo.png');
		expect(JSON.parse(storage.state!).inputFile).toMatchObject({
			name: 'photo.png',
			type: 'image/png'
		});
		// The link inside the save never carries the bytes.
		expect(JSON.parse(storage.state!).link.length).toBeLessThan(2000);

		const other = newPlayground(storage);
		made.push(other);
		await other.session.start({ hash: '', pathname: '/', search: '' });
		expect(other.setup.inputFile).toEqual({ name: 'photo.png', type: 'image/png', bytes: big });
		await other.runs.run();
		expect(other.log.latestRun!.outputBytes).toEqual(big);
	});

	it('says so when the stored input file is gone', async () => {
		const storage = new MemoryStorage();
		const pg = await echoing(storage);
		await pg.useInputFile(fileOf(BINARY));
		await pg.session.saving.saveNow();
		storage.inputFile = null;
		const other = newPlayground(storage);
		made.push(other);
		await other.session.start({ hash: '', pathname: '/', search: '' });
		expect(other.setup.inputFile).toBeNull();
		expect(messages(other)).toContain(
			'warn: The input file "data.bin" saved with this setup is missing or does not match it: load it again.'
		);
	});
});
