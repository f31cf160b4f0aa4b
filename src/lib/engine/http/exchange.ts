// What a request sent and what came back, as the network events carry them (recorder.ts), so
// the Network panel can open a row and "Record as mock" can make a mock of a real response.
import { MAX_MOCK_BODY_BYTES } from './mocks/mock';

/**
 * Bodies in events are clipped to this. It equals the largest mock body, so every response a
 * mock could hold is kept whole and can be recorded.
 */
export const MAX_RECORDED_BODY_BYTES = MAX_MOCK_BODY_BYTES;

export interface HttpBodySample {
	/** The first bytes of the body, at most MAX_RECORDED_BODY_BYTES. */
	bytes: Uint8Array;
	/** Bytes seen in all: more than `bytes.length` when clipped. */
	size: number;
	/** False when reading stopped before the end (a response over Max HTTP response bytes). */
	whole: boolean;
}

export interface HttpSent {
	/** As the plugin gave them (names lower-case). */
	headers: Record<string, string>;
	/** Null when there is none (GET and HEAD never send one). */
	body: HttpBodySample | null;
}

export interface HttpReceived {
	/** Lower-case names; repeated headers joined with ", ", as browsers report them. */
	headers: Record<string, string>;
	body: HttpBodySample;
}

export function sampleOf(bytes: Uint8Array, whole = true): HttpBodySample {
	return {
		bytes: bytes.slice(0, MAX_RECORDED_BODY_BYTES),
		size: bytes.length,
		whole
	};
}

/** Keeps the first MAX_RECORDED_BODY_BYTES of a body read in chunks, and counts the rest. */
export function bodyCollector() {
	const kept = new Uint8Array(MAX_RECORDED_BODY_BYTES);
	let size = 0;
	return {
		add(chunk: Uint8Array) {
			const room = MAX_RECORDED_BODY_BYTES - Math.min(size, MAX_RECORDED_BODY_BYTES);
			if (room > 0) kept.set(chunk.subarray(0, room), size);
			size += chunk.length;
		},
		get size() {
			return size;
		},
		sample(whole: boolean): HttpBodySample {
			return { bytes: kept.slice(0, Math.min(size, MAX_RECORDED_BODY_BYTES)), size, whole };
		}
	};
}

/** Header names and values as text, whatever shape the caller passed them in. */
export function headerRecord(init: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (init === null || typeof init !== 'object') return out;
	const entries: [unknown, unknown][] =
		typeof (init as Headers).forEach === 'function' && !Array.isArray(init)
			? [...(init as Headers).entries()]
			: Array.isArray(init)
				? (init as [unknown, unknown][])
				: Object.entries(init);
	for (const [k, v] of entries) {
		const name = String(k).toLowerCase();
		out[name] = name in out ? `${out[name]}, ${String(v)}` : String(v);
	}
	return out;
}

/** A request body as bytes, when it is one of the kinds the SDK and our XHR path send. */
export function requestBodyBytes(body: unknown): Uint8Array | null {
	if (body === null || body === undefined) return null;
	if (body instanceof Uint8Array) return body;
	if (body instanceof ArrayBuffer) return new Uint8Array(body);
	if (typeof body === 'string') return new TextEncoder().encode(body);
	return null;
}

export function sentOf(headers: unknown, body: unknown): HttpSent {
	const bytes = requestBodyBytes(body);
	return { headers: headerRecord(headers), body: bytes ? sampleOf(bytes) : null };
}
