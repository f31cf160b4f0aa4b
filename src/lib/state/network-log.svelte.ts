// Every HTTP request plugins made or were refused, across runs, for the "Network" panel.
import type { HttpEvent, HttpState } from '$lib/engine/http-recorder';

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

	#put(row: NetRow) {
		const i = this.rows.findIndex((r) => r.key === row.key);
		if (i >= 0) this.rows[i] = row;
		else {
			this.rows.push(row);
			if (this.rows.length > MAX_ROWS) this.rows.shift();
		}
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
			failure: ev.failure
		});
	}

	/** The SDK refuses before fetching, so a refusal is known only from the call's error. */
	refused(runId: number, url: string, hostname: string) {
		this.#put({
			key: `${runId}:refused`,
			runId,
			method: '',
			url,
			hostname,
			state: 'refused',
			ms: 0
		});
	}

	clear() {
		this.rows = [];
	}
}
