// The Mock responses panel's state: the form's words, the list's bounds, "Record as mock", and
// that mocks reach a run's instance, a link, a save and a test case.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_MOCK_BODY_BYTES, MAX_MOCKS, newMock } from '$lib/engine/http/mocks/mock';
import type { HttpEvent } from '$lib/engine/http/recorder';
import { sampleOf } from '$lib/engine/http/exchange';
import { InProcessWorker } from '$lib/engine/testing/in-process-worker';
import { DEFAULT_SETUP } from '$lib/engine/setup/setup';
import { decodeSetup } from '$lib/engine/persist/codec';
import { MockResponses } from './mocks.svelte';
import { linkRecord } from './save-record';
import { Playground } from './playground.svelte';
import { applySetup, currentSetup } from './setup-map';
import { MemoryStorage } from './testing/memory-storage';
import { ORIGIN, serveStatic } from './testing/playgrounds';

const enc = new TextEncoder();

function typed(m: MockResponses, url: string, over: Partial<MockResponses['form']> = {}) {
	m.form = { ...m.form, url, ...over };
	return m.submit();
}

describe('MockResponses', () => {
	it('adds the form as a mock, then starts a new one', () => {
		const m = new MockResponses();
		expect(typed(m, 'https://api.example.com/todos/*', { status: '404' })).toBe(true);
		expect(m.list).toEqual([{ ...newMock('https://api.example.com/todos/*'), status: 404 }]);
		expect(m.form.url).toBe('');
		expect(m.message).toBe('Mock 1 added: any method https://api.example.com/todos/*.');
		expect(m.blocked).toBeNull();
	});

	it('keeps a bad form out of the list and says why, field by field', () => {
		const m = new MockResponses();
		expect(typed(m, 'ftp://x.test/a', { status: '700' })).toBe(false);
		expect(m.list).toEqual([]);
		expect(m.problemOf('url')).toBe('A mock URL is for http or https, not "ftp".');
		expect(m.problemOf('status')).toBe(
			'A mock status is a whole number from 100 to 599 (got 700).'
		);
		expect(m.form.url).toBe('ftp://x.test/a');
	});

	it(`holds at most ${MAX_MOCKS} mocks and says so`, () => {
		const m = new MockResponses();
		for (let i = 0; i < MAX_MOCKS; i++) expect(m.add(newMock(`https://a.test/${i}`))).toBe(true);
		expect(typed(m, 'https://a.test/one-more')).toBe(false);
		expect(m.list).toHaveLength(MAX_MOCKS);
		expect(m.message).toBe(`At most ${MAX_MOCKS} mocks can be set: delete one first.`);
	});

	it('edits a mock in place and deletes one', () => {
		const m = new MockResponses();
		m.add(newMock('https://a.test/1'));
		m.add(newMock('https://a.test/2'));
		m.edit(1);
		expect(m.form.url).toBe('https://a.test/2');
		m.form.status = '503';
		expect(m.submit()).toBe(true);
		expect(m.list.map((x) => [x.url, x.status])).toEqual([
			['https://a.test/1', 200],
			['https://a.test/2', 503]
		]);
		expect(m.editing).toBeNull();
		m.remove(0);
		expect(m.list.map((x) => x.url)).toEqual(['https://a.test/2']);
		expect(m.message).toBe('Mock 1 (https://a.test/1) deleted.');
	});

	it('refuses a body file over the limit before reading it', async () => {
		const m = new MockResponses();
		const read = vi.fn();
		const file = { name: 'big.bin', size: MAX_MOCK_BODY_BYTES + 1, arrayBuffer: read };
		await m.chooseBodyFile(file as unknown as File);
		expect(read).not.toHaveBeenCalled();
		expect(m.problemOf('body')).toBe(
			'"big.bin" is 262,145 bytes; a mock may hold at most 262,144 bytes (256 KiB).'
		);
		await m.chooseBodyFile(new File([new Uint8Array([1, 2, 3])], 'ok.bin'));
		expect(m.problemOf('body')).toBe('');
		expect(typed(m, 'https://a.test/f')).toBe(true);
		expect(m.list[0].body).toEqual({
			kind: 'file',
			name: 'ok.bin',
			data: new Uint8Array([1, 2, 3])
		});
	});

	it('records a real response as a mock, and says why it cannot record a partial one', () => {
		const m = new MockResponses();
		const ev: HttpEvent = {
			req: 1,
			method: 'GET',
			url: 'http://127.0.0.1:1/todos/1',
			state: 'done',
			status: 200,
			ms: 1,
			sent: { headers: {}, body: null },
			received: {
				headers: { 'content-type': 'application/json', 'content-length': '9' },
				body: sampleOf(enc.encode('{"id": 1}'))
			}
		};
		expect(m.record(ev)).toBe(true);
		expect(m.list).toEqual([
			{
				url: 'http://127.0.0.1:1/todos/1',
				method: 'GET',
				status: 200,
				headers: { 'content-type': 'application/json' },
				body: { kind: 'json', text: '{"id": 1}' }
			}
		]);
		const partial = {
			...ev,
			received: { ...ev.received!, body: sampleOf(enc.encode('{"i'), false) }
		};
		expect(m.record(partial)).toBe(false);
		expect(m.message).toMatch(/^Only part of this response was read/);
		expect(m.list).toHaveLength(1);
	});
});

describe('mocks in the playground', () => {
	const made: Playground[] = [];
	afterEach(() => {
		for (const pg of made.splice(0)) pg.dispose();
		vi.unstubAllGlobals();
	});
	function playground() {
		serveStatic();
		const workers: InProcessWorker[] = [];
		const pg = new Playground({
			search: '',
			origin: ORIGIN,
			spawn: () => {
				const w = new InProcessWorker();
				workers.push(w);
				return w;
			},
			storage: new MemoryStorage()
		});
		made.push(pg);
		const loads = () =>
			workers.flatMap((w) => w.received.flatMap((m) => (m.type === 'load' ? [m.mocks] : [])));
		return { pg, loads };
	}
	const todo = { ...newMock('https://api.example.com/todos/*'), status: 404 };

	it('hands the mocks to the run, and a change makes a fresh instance', async () => {
		const { pg, loads } = playground();
		await pg.startOver();
		pg.mocks.add(todo);
		await pg.runs.run();
		expect(pg.runs.instanceLive).toBe(true);
		pg.mocks.add(newMock('https://b.test/'));
		expect(pg.runs.instanceLive).toBe(false);
		await pg.runs.run();
		expect(loads()).toEqual([[todo], [todo, newMock('https://b.test/')]]);
	});

	it('runs nothing with a mock that cannot answer, and says which', async () => {
		const { pg, loads } = playground();
		await pg.startOver();
		pg.mocks.replace([{ ...todo, body: { kind: 'file', name: 'big.json', data: null } }]);
		await pg.runs.run();
		expect(loads()).toEqual([]);
		expect(pg.log.entries.at(-1)).toMatchObject({
			type: 'message',
			level: 'error',
			text: 'Not run: Mock 1 (https://api.example.com/todos/*): The mock body file "big.json" did not come with this setup: choose it again. Fix it under Mock responses.'
		});
	});

	it('carries the mocks in the setup, and says which body did not come', async () => {
		const { pg } = playground();
		await pg.startOver();
		pg.mocks.add(todo);
		const setup = currentSetup(pg);
		expect(setup.mocks).toEqual([todo]);
		const other = playground().pg;
		const lost = { ...todo, body: { kind: 'file' as const, name: 'big.json', data: null } };
		await applySetup(other, { ...setup, mocks: [lost] }, []);
		expect(other.mocks.list).toEqual([lost]);
		expect(other.log.entries.at(-1)).toMatchObject({
			level: 'warn',
			text: 'The body of the mock response for https://api.example.com/todos/* ("big.json") was too large to come with this setup: choose it again under Mock responses.'
		});
		await other.startOver();
		expect(other.mocks.list).toEqual([]);
	});

	it('keeps the mocks in a test case, which runs with them whatever the page has', async () => {
		const { pg, loads } = playground();
		await pg.startOver();
		pg.mocks.add(todo);
		await pg.runs.run();
		pg.suite.add();
		expect(pg.suite.cases[0].mocks).toEqual([todo]);
		pg.mocks.replace([]);
		await pg.suite.runAll();
		await pg.suite.runAll();
		expect(pg.suite.summary).toEqual({ passed: 1, failed: 0 });
		expect(loads().slice(1)).toEqual([[todo], [todo]]);
		expect(currentSetup(pg).tests?.[0].mocks).toEqual([todo]);
	});

	it('says the manifest leaves the mocks out', async () => {
		const { pg } = playground();
		await pg.startOver();
		pg.mocks.add(todo);
		await pg.session.manifestJson('http://playground.test/');
		expect(pg.log.entries.at(-1)).toMatchObject({
			level: 'info',
			text: 'The manifest leaves out the mock response: a manifest has no field for them, so other hosts send those requests to the network. Share links and saves carry them.'
		});
	});
});

describe('mocks in a save', () => {
	it('keeps small bodies and names a body too large to keep across reloads', async () => {
		const small = { ...newMock('https://a.test/s'), body: { kind: 'text' as const, text: 'ok' } };
		const big = {
			...newMock('https://a.test/big'),
			body: { kind: 'text' as const, text: 'x'.repeat(30 * 1024) }
		};
		const r = await linkRecord({ ...DEFAULT_SETUP, mocks: [small, big] }, []);
		if (!r.ok) throw new Error(r.message);
		expect(r.problems).toEqual([
			'the body of the mock response for https://a.test/big (30.0 KiB) is too large to keep across reloads: choose it again after a reload'
		]);
		const back = await decodeSetup(r.record.link);
		expect(back.ok && back.setup.mocks).toEqual([
			small,
			{ ...big, body: { kind: 'file', name: 'body.txt', data: null } }
		]);
	});
});
