// The Network panel's cap: it counts every request, shows the latest 200 rows, says how many
// older ones it dropped, and never drops a refused row. Two hundred real requests in a browser
// take a minute; the log and the panel's words are checked here, the wiring in grants.spec.ts.
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { HttpEvent } from '$lib/engine/http/recorder';
import NetworkLogPanel from '$lib/components/NetworkLog.svelte';
import type { Playground } from './playground.svelte';
import { NetworkLog } from './network-log.svelte';

const done = (req: number, path: string): HttpEvent => ({
	req,
	method: 'POST',
	url: `http://127.0.0.1:1/echo/${path}`,
	state: 'done',
	status: 200,
	bytes: 10,
	ms: 1
});

/** A refused request first, then `n` answered ones across one run of `n` calls. */
function refusedThen(n: number): NetworkLog {
	const log = new NetworkLog();
	log.refused(1, 'http://127.0.0.1:1/echo/first', '127.0.0.1');
	for (let i = 0; i < n; i++) log.record(2, done(i, `many-${i}`));
	return log;
}

function panelText(log: NetworkLog): string {
	const pg = { network: log, setup: { settings: { allowedHosts: [] } } } as unknown as Playground;
	const { body } = render(NetworkLogPanel, { props: { pg } });
	return body
		.replace(/<!--[^>]*-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');
}

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

describe('the Network panel', () => {
	it('says how many requests there were and how many older ones it does not show', () => {
		const text = panelText(refusedThen(205));
		expect(text).toContain('206 requests');
		expect(text).toContain(
			'6 older requests are not shown: the panel keeps the latest 200 rows (refused requests are always kept).'
		);
		expect(text.match(/refused: host not allowed/g)).toHaveLength(1);
		expect(text).toContain('Allow 127.0.0.1');
	});

	it('says "1 older request is" for one, and nothing when none was dropped', () => {
		expect(panelText(refusedThen(200))).toContain('1 older request is not shown');
		const none = panelText(refusedThen(10));
		expect(none).toContain('11 requests');
		expect(none).not.toContain('not shown');
	});
});
