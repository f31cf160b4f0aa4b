// "Record as mock": a real response from the Network panel becomes a mock that answers the same
// request the same way (status, headers, body bytes), so a run against a live API replays offline.
import type { HttpEvent } from '../recorder';
import { bytesText, MAX_MOCK_BODY_BYTES, type Mock, type MockBody } from './mock';

/**
 * Headers that describe the transfer rather than the answer: the recorded body is already
 * decoded and whole, so replaying them would describe bytes that are not there.
 */
const TRANSFER_HEADERS = ['content-encoding', 'content-length', 'transfer-encoding', 'connection'];

export type Recorded = { ok: true; mock: Mock } | { ok: false; message: string };

/** A mock of this response, or why there is none to make. */
export function mockFromEvent(ev: HttpEvent): Recorded {
	const no = (message: string): Recorded => ({ ok: false, message });
	const got = ev.received;
	if (!got || ev.status === undefined)
		return no('This request got no response to record (it failed or is still running).');
	if (!got.body.whole)
		return no(
			'Only part of this response was read (it was over Max HTTP response bytes), so it cannot be recorded.'
		);
	if (got.body.bytes.length < got.body.size || got.body.size > MAX_MOCK_BODY_BYTES)
		return no(
			`This response's body is ${bytesText(got.body.size)}; a mock may hold at most ${bytesText(MAX_MOCK_BODY_BYTES)}.`
		);
	const headers = Object.fromEntries(
		Object.entries(got.headers).filter(([k]) => !TRANSFER_HEADERS.includes(k.toLowerCase()))
	);
	const mock: Mock = {
		url: exactUrl(ev.url),
		method: ev.method,
		status: ev.status,
		headers,
		body: bodyOf(got.body.bytes, headers['content-type'] ?? '', ev.url)
	};
	return { ok: true, mock };
}

/** Text stays text (JSON as JSON) so it can be read and edited; other bytes become a file. */
function bodyOf(bytes: Uint8Array, contentType: string, url: string): MockBody {
	let text: string | null;
	try {
		// ignoreBOM keeps a leading byte-order mark, so the bytes come back exactly.
		text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
	} catch {
		text = null;
	}
	if (text !== null && !text.includes('\0')) {
		if (/\bjson\b/i.test(contentType) && isJson(text)) return { kind: 'json', text };
		return { kind: 'text', text };
	}
	return { kind: 'file', name: fileName(url), data: bytes.slice() };
}

/** The URL as a request sends it (spaces escaped), without the fragment it never sends. */
function exactUrl(url: string): string {
	try {
		const u = new URL(url);
		u.hash = '';
		return u.href;
	} catch {
		return url;
	}
}

function isJson(text: string): boolean {
	try {
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function fileName(url: string): string {
	try {
		const last = new URL(url).pathname.split('/').pop() ?? '';
		return decodeURIComponent(last) || 'response.bin';
	} catch {
		return 'response.bin';
	}
}
