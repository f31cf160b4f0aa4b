// Network logs shaped for the cap's tests: a refused request, then many answered ones.
import type { HttpEvent } from '$lib/engine/http/recorder';
import { NetworkLog } from '../network-log.svelte';

export const done = (req: number, path: string): HttpEvent => ({
	req,
	method: 'POST',
	url: `http://127.0.0.1:1/echo/${path}`,
	state: 'done',
	status: 200,
	bytes: 10,
	ms: 1
});

/** A refused request first, then `n` answered ones across one run of `n` calls. */
export function refusedThen(n: number): NetworkLog {
	const log = new NetworkLog();
	log.refused(1, 'http://127.0.0.1:1/echo/first', '127.0.0.1');
	for (let i = 0; i < n; i++) log.record(2, done(i, `many-${i}`));
	return log;
}
