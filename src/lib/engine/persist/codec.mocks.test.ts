import { describe, expect, it } from 'vitest';
import { decodeSetup, encodeSetup, MAX_EMBED_BYTES } from './codec';
import { readMocks, trimMocks, writeMocks } from './mocks';
import { linkOfJson, sampleJson, sampleSetup } from '../testing/links';
import { newMock, type Mock } from '../http/mocks/mock';

const mocks: Mock[] = [
	{
		url: 'https://api.example.com/todos/*',
		method: 'GET',
		status: 404,
		headers: { 'content-type': 'text/plain', 'x-id': '7' },
		body: { kind: 'text', text: 'no such todo ✓' }
	},
	{ ...newMock('https://api.example.com/hook'), body: { kind: 'json', text: '{"ok":true}' } },
	{
		...newMock('https://cdn.example.com/logo.png'),
		body: { kind: 'file', name: 'logo.png', data: new Uint8Array([0x89, 0x50, 0, 255]) }
	}
];

describe('share links: mock responses', () => {
	it('carry mocks, in order, and open with the same mocks', async () => {
		const setup = { ...sampleSetup(), mocks };
		const { hash, note } = await encodeSetup(setup);
		expect(note).toBeUndefined();
		expect(await decodeSetup(hash)).toEqual({ ok: true, setup });
	});

	it('leave a link without mocks exactly as it was', async () => {
		expect((await encodeSetup({ ...sampleSetup(), mocks: [] })).hash).toBe(
			(await encodeSetup(sampleSetup())).hash
		);
		const decoded = await decodeSetup((await encodeSetup(sampleSetup())).hash);
		expect(decoded.ok && 'mocks' in decoded.setup).toBe(false);
	});

	it('leave a body over the embed limit behind, by name, and say so', async () => {
		const big: Mock = {
			...newMock('https://api.example.com/big'),
			body: { kind: 'text', text: 'x'.repeat(MAX_EMBED_BYTES + 1) }
		};
		const { hash, note } = await encodeSetup({ ...sampleSetup(), mocks: [mocks[0], big] });
		expect(note).toBe(
			'The body of the mock response for https://api.example.com/big (body.txt, 25 KiB) is too large to travel in a link (limit 24 KiB): whoever opens it must give it again as a file.'
		);
		const decoded = await decodeSetup(hash);
		expect(decoded.ok && decoded.setup.mocks).toEqual([
			mocks[0],
			{ ...big, body: { kind: 'file', name: 'body.txt', data: null } }
		]);
	});

	it('trim nothing when every body fits', () => {
		expect(trimMocks(mocks, MAX_EMBED_BYTES)).toEqual({ mocks });
		expect(trimMocks(undefined, MAX_EMBED_BYTES)).toEqual({});
	});

	it('refuse damaged or invalid mocks in a link, in words', async () => {
		const open = async (value: unknown) => {
			const r = await decodeSetup(await linkOfJson({ ...sampleJson(), mocks: value }));
			return r.ok ? 'opened' : r.message;
		};
		const good = writeMocks(mocks)[0];
		expect(await open({})).toBe(
			'This share link cannot be opened. The mock responses in this link are not a list.'
		);
		expect(await open([{ ...good, status: 700 }])).toBe(
			'This share link cannot be opened. Mock response 1 is refused: A mock status is a whole number from 100 to 599 (got 700).'
		);
		expect(await open([good, { ...good, url: 'example.com' }])).toBe(
			'This share link cannot be opened. Mock response 2 is refused: A mock URL starts with http:// or https:// ("example.com" does not).'
		);
		expect(await open([{ ...good, body: { kind: 'file', name: 'a.bin', data: '***' } }])).toBe(
			'This share link cannot be opened. The body of mock response 1 is damaged (not base64).'
		);
		expect(await open([{ ...good, body: { kind: 'html', text: '' } }])).toMatch(
			/^This share link cannot be opened\. The body kind of mock response 1 must be one of text, json, file/
		);
		expect(await open([{ ...good, headers: { 'a b': 'x' } }])).toMatch(
			/Mock response 1 is refused: "a b" is not a header name/
		);
		expect(await open([{ ...good, status: '200' }])).toBe(
			'This share link cannot be opened. The status of mock response 1 must be a whole number.'
		);
	});

	it('say a setup with an invalid mock cannot be shared, rather than making a broken link', async () => {
		const r = await encodeSetup({ ...sampleSetup(), mocks: [{ ...mocks[0], status: 42 }] });
		expect(r.hash).toBe('');
		expect(r.note).toBe(
			'This setup cannot be shared. Mock response 1 is refused: A mock status is a whole number from 100 to 599 (got 42).'
		);
	});

	it('read back what they write', () => {
		expect(readMocks(JSON.parse(JSON.stringify(writeMocks(mocks))))).toEqual(mocks);
	});
});
