// The Network log's cap: it counts every request, keeps the latest 200 rows and never drops a
// refused row. Two hundred real requests in a browser take a minute; the log is checked here, the
// panel's words in components/NetworkLog.test.ts, the wiring in grants.spec.ts.
import { describe, expect, it } from 'vitest';
import { NetworkLog } from './network-log.svelte';
import { done, refusedThen } from './testing/network';

describe('NetworkLog', () => {
	it('counts every request, keeps the latest 200 rows and the refused one', () => {
		const log = refusedThen(205);
		expect(log.total).toBe(206);
		expect(log.rows).toHaveLength(200);
		expect(log.dropped).toBe(6);
		expect(log.rows.filter((r) => r.state === 'refused')).toHaveLength(1);
		// The oldest answered rows went first: many-0 … many-5.
		expect(log.rows.map((r) => r.url)).not.toContain('http://127.0.0.1:1/echo/many-5');
		expect(log.rows.map((r) => r.url)).toContain('http://127.0.0.1:1/echo/many-6');
		expect(log.rows.at(-1)?.url).toBe('http://127.0.0.1:1/echo/many-204');
	});

	it('drops nothing up to 200 rows', () => {
		const log = refusedThen(199);
		expect([log.total, log.rows.length, log.dropped]).toEqual([200, 200, 0]);
	});

	it('updates a request in place as it progresses, counting it once', () => {
		const log = new NetworkLog();
		log.record(1, { ...done(0, 'a'), state: 'pending', status: undefined });
		log.record(1, done(0, 'a'));
		expect(log.total).toBe(1);
		expect(log.rows).toMatchObject([{ state: 'done', status: 200 }]);
	});

	it('Clear forgets the rows and the counts', () => {
		const log = refusedThen(205);
		log.clear();
		expect([log.total, log.rows.length, log.dropped]).toEqual([0, 0, 0]);
	});
});

describe('NetworkLog: mocked requests and what was exchanged', () => {
	it('counts mocked requests once, and keeps what was sent and what came back', () => {
		const log = new NetworkLog();
		const sent = { headers: { accept: '*/*' }, body: null };
		const received = {
			headers: { 'content-type': 'text/plain' },
			body: { bytes: new Uint8Array([104, 105]), size: 2, whole: true }
		};
		const pending = {
			...done(0, 'a'),
			state: 'pending' as const,
			mocked: 'https://a.test/*',
			sent
		};
		log.record(1, pending);
		log.record(1, { ...pending, state: 'done', received });
		log.record(1, done(1, 'b'));
		expect([log.total, log.mocked]).toEqual([2, 1]);
		expect(log.rows[0]).toMatchObject({ mocked: 'https://a.test/*', sent, received });
		expect(log.rows[0].event?.received).toEqual(received);
		expect(log.rows[1].mocked).toBeUndefined();
		log.clear();
		expect(log.mocked).toBe(0);
	});

	it('shows the method of a refused request when it is known', () => {
		const log = new NetworkLog();
		log.refused(1, 'https://x.test/', 'x.test', 'DELETE');
		expect(log.rows[0]).toMatchObject({ method: 'DELETE', state: 'refused' });
	});
});
