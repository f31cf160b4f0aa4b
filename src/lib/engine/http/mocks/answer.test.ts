import { describe, expect, it } from 'vitest';
import { answerResponse, compileMocks, NO_MOCKS } from './answer';
import { newMock, type Mock } from './mock';

const mock = (url: string, over: Partial<Mock> = {}): Mock => ({ ...newMock(url), ...over });
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('compileMocks', () => {
	it('answers with the first matching mock, and lets the rest go to the network', () => {
		const set = compileMocks([
			mock('https://a.test/todos/1', { body: { kind: 'text', text: 'one' } }),
			mock('https://a.test/todos/*', { status: 404, body: { kind: 'text', text: 'any' } })
		]);
		expect(set.find('GET', 'https://a.test/todos/1')).toMatchObject({
			pattern: 'https://a.test/todos/1',
			status: 200
		});
		expect(text(set.find('GET', 'https://a.test/todos/1')!.body)).toBe('one');
		expect(set.find('GET', 'https://a.test/todos/2')).toMatchObject({
			pattern: 'https://a.test/todos/*',
			status: 404
		});
		expect(set.find('GET', 'https://b.test/todos/1')).toBeNull();
		expect(set.find('GET', 'not a url')).toBeNull();
		expect(NO_MOCKS.find('GET', 'https://a.test/todos/1')).toBeNull();
	});

	it('answers only its method when it has one', () => {
		const set = compileMocks([mock('https://a.test/hook', { method: 'post' })]);
		expect(set.find('POST', 'https://a.test/hook')).not.toBeNull();
		expect(set.find('post', 'https://a.test/hook')).not.toBeNull();
		expect(set.find('GET', 'https://a.test/hook')).toBeNull();
	});

	it('sends header names in lower case, and JSON as application/json unless told otherwise', () => {
		const set = compileMocks([
			mock('https://a.test/j', { body: { kind: 'json', text: '{}' }, headers: { 'X-Id': ' 7 ' } }),
			mock('https://a.test/k', {
				body: { kind: 'json', text: '{}' },
				headers: { 'Content-Type': 'application/problem+json' }
			}),
			mock('https://a.test/t')
		]);
		expect(set.find('GET', 'https://a.test/j')!.headers).toEqual({
			'x-id': '7',
			'content-type': 'application/json'
		});
		expect(set.find('GET', 'https://a.test/k')!.headers).toEqual({
			'content-type': 'application/problem+json'
		});
		expect(set.find('GET', 'https://a.test/t')!.headers).toEqual({});
	});

	it('hands out a fresh copy of the body each time', () => {
		const set = compileMocks([mock('https://a.test/', { body: { kind: 'text', text: 'ab' } })]);
		const first = set.find('GET', 'https://a.test/')!;
		first.body[0] = 0;
		expect(text(set.find('GET', 'https://a.test/')!.body)).toBe('ab');
	});

	it('refuses to start with an invalid mock, saying which', () => {
		expect(() =>
			compileMocks([mock('https://a.test/'), mock('https://a.test/', { status: 42 })])
		).toThrow(
			'Mock 2 (https://a.test/): A mock status is a whole number from 100 to 599 (got 42).'
		);
	});
});

describe('answerResponse', () => {
	it('makes a fetch Response with the status, headers and bytes', async () => {
		const res = answerResponse({
			pattern: 'p',
			status: 404,
			headers: { 'x-a': '1' },
			body: new Uint8Array([1, 2])
		});
		expect(res.status).toBe(404);
		expect(res.headers.get('x-a')).toBe('1');
		expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([1, 2]);
	});

	it('makes one for a 1xx status and one without a body for 204', async () => {
		const info = answerResponse({
			pattern: 'p',
			status: 103,
			headers: {},
			body: new Uint8Array([1])
		});
		expect(info.status).toBe(103);
		const none = answerResponse({ pattern: 'p', status: 204, headers: {}, body: new Uint8Array() });
		expect(none.status).toBe(204);
		expect(none.body).toBeNull();
	});
});
