// The Network panel's words for the log's cap: how many requests, how many older ones it does not
// show, and the refused row it always keeps (the log itself: state/network-log.test.ts).
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { NetworkLog } from '$lib/state/network-log.svelte';
import { refusedThen } from '$lib/state/testing/network';
import type { SetupState } from '$lib/state/setup-state.svelte';
import NetworkLogPanel from './NetworkLog.svelte';

function panelText(log: NetworkLog): string {
	const setup = { settings: { allowedHosts: [] } } as unknown as SetupState;
	const { body } = render(NetworkLogPanel, { props: { network: log, setup } });
	return body
		.replace(/<!--[^>]*-->/g, '')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\s+/g, ' ');
}

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
