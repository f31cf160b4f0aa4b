// Every HTTP request plugins made or were refused, across runs, for the "Network" panel.
import type { HttpEvent, HttpState } from '$lib/engine/http/recorder';
import type { HttpReceived, HttpSent } from '$lib/engine/http/exchange';

export interface NetRow {
	key: string;
	runId: number;
	method: string;
	url: string;
	hostname: string;
	state: HttpState | 'refused';
	status?: number;
	bytes?: number;
	ms: number;
	failure?: HttpEvent['failure'];
	/** The pattern of the mock that answered (the request never reached the network). */
	mocked?: string;
	sent?: HttpSent;
	received?: HttpReceived;
	/** The latest event as it came, for "Record as mock" (absent for a refusal). */
	event?: HttpEvent;
}

const MAX_ROWS = 200;

function hostOf(url: string): string {
	try {
		return new URL(url).hostname;
	} catch {
		return '';
	}
}

export class NetworkLog {
	rows = $state<NetRow[]>([]);
	/** Every request seen since the last Clear, shown or not. */
	total = $state(0);
	/** Older rows taken out to keep the panel small; refused rows are never among them. */
	dropped = $state(0);
	/** Requests a mock answered since the last Clear, shown or not. */
	mocked = $state(0);

	#put(row: NetRow) {
		const i = this.rows.findIndex((r) => r.key === row.key);
		if (i >= 0) {
			this.rows[i] = row;
			return;
		}
		this.rows.push(row);
		this.total++;
		if (row.mocked) this.mocked++;
		if (this.rows.length <= MAX_ROWS) return;
		const oldest = this.rows.findIndex((r) => r.state !== 'refused');
		this.rows.splice(oldest >= 0 ? oldest : 0, 1);
		this.dropped++;
	}

	record(runId: number, ev: HttpEvent) {
		this.#put({
			key: `${runId}:${ev.req}`,
			runId,
			method: ev.method,
			url: ev.url,
			hostname: hostOf(ev.url),
			state: ev.state,
			status: ev.status,
			bytes: ev.bytes,
			ms: ev.ms,
			failure: ev.failure,
			...(ev.mocked ? { mocked: ev.mocked } : {}),
			...(ev.sent ? { sent: ev.sent } : {}),
			...(ev.received ? { received: ev.received } : {}),
			event: ev
		});
	}

	/** The SDK refuses before fetching, so a refusal is known only from the call's error. */
	refused(runId: number, url: string, hostname: string, method = '') {
		this.#put({
			key: `${runId}:refused`,
			runId,
			method,
			url,
			hostname,
			state: 'refused',
			ms: 0
		});
	}

	clear() {
		this.rows = [];
		this.total = 0;
		this.dropped = 0;
		this.mocked = 0;
	}
}
