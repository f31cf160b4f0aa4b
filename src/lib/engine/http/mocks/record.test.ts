import { describe, expect, it } from 'vitest';
import { compileMocks } from './answer';
import { MAX_MOCK_BODY_BYTES } from './mock';
import { mockFromEvent } from './record';
import { sampleOf } from '../exchange';
import type { HttpEvent } from '../recorder';

const enc = (s: string) => new TextEncoder().encode(s);
const response = (
	body: Uint8Array,
	headers: Record<string, string>,
	over: Partial<HttpEvent> = {}
): HttpEvent => ({
	req: 1,
	method: 'GET',
	url: 'https://api.example.com/todos?page=2#top',
	state: 'done',
	status: 200,
	bytes: body.length,
	ms: 3,
	sent: { headers: {}, body: null },
	received: { headers, body: sampleOf(body) },
	...over
});

describe('mockFromEvent (Record as mock)', () => {
	it('makes a mock of a JSON response that replays it byte for byte', () => {
		const body = enc('{"todos":[1, 2]}');
		const r = mockFromEvent(
			response(body, { 'content-type': 'application/json', 'content-length': '16', 'x-page': '2' })
		);
		expect(r).toEqual({
			ok: true,
			mock: {
				url: 'https://api.example.com/todos?page=2',
				method: 'GET',
				status: 200,
				headers: { 'content-type': 'application/json', 'x-page': '2' },
				body: { kind: 'json', text: '{"todos":[1, 2]}' }
			}
		});
		const answer = compileMocks([r.ok ? r.mock : ({} as never)]).find(
			'GET',
			'https://api.example.com/todos?page=2'
		);
		expect(answer?.body).toEqual(body);
		expect(answer?.headers).toEqual({ 'content-type': 'application/json', 'x-page': '2' });
	});

	it('keeps other text as text (a BOM included) and other bytes as a file named from the URL', () => {
		const bom = new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]);
		const t = mockFromEvent(response(bom, { 'content-type': 'text/plain' }));
		expect(t.ok && t.mock.body).toEqual({ kind: 'text', text: '\ufeffhi' });
		expect(
			compileMocks([t.ok ? t.mock : ({} as never)]).find(
				'GET',
				'https://api.example.com/todos?page=2'
			)?.body
		).toEqual(bom);
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0x00]);
		const f = mockFromEvent(response(png, {}, { url: 'https://a.test/img/logo%20x.png' }));
		expect(f.ok && f.mock.body).toEqual({ kind: 'file', name: 'logo x.png', data: png });
		const n = mockFromEvent(response(enc('a\0b'), {}, { url: 'https://a.test/' }));
		expect(n.ok && n.mock.body).toEqual({ kind: 'file', name: 'response.bin', data: enc('a\0b') });
	});

	it('records a 404 and a mocked response just the same', () => {
		const r = mockFromEvent(response(enc('gone'), {}, { status: 404, mocked: 'https://x/*' }));
		expect(r.ok && [r.mock.status, r.mock.body]).toEqual([404, { kind: 'text', text: 'gone' }]);
	});

	it('says why a request cannot be recorded', () => {
		expect(
			mockFromEvent({ req: 1, method: 'GET', url: 'https://a.test/', state: 'failed', ms: 1 })
		).toEqual({
			ok: false,
			message: 'This request got no response to record (it failed or is still running).'
		});
		const partial = response(enc('x'), {});
		partial.received!.body.whole = false;
		expect(mockFromEvent(partial)).toEqual({
			ok: false,
			message:
				'Only part of this response was read (it was over Max HTTP response bytes), so it cannot be recorded.'
		});
		const big = new Uint8Array(MAX_MOCK_BODY_BYTES + 10);
		expect(mockFromEvent(response(big, {}))).toEqual({
			ok: false,
			message:
				"This response's body is 262,154 bytes; a mock may hold at most 262,144 bytes (256 KiB)."
		});
	});
});
