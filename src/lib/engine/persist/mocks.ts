// Mock responses in a link's JSON (format 1's optional `mocks`), and the rule that keeps a large
// body out of a link: the same limit as an embedded plugin; the body is then named, not carried.
import { fromBase64, toBase64 } from '../util/base64';
import type { Json } from '../util/validate';
import { readObject, readOneOf, readString, readStringMap, SetupError } from './fields';
import {
	bodyBytes,
	MAX_HEADER_NAME_CHARS,
	MAX_HEADER_VALUE_CHARS,
	MAX_MOCK_BODY_BYTES,
	MAX_MOCK_HEADERS,
	MAX_MOCKS,
	mockProblems,
	type Mock,
	type MockBody
} from '../http/mocks/mock';
import { MAX_PATTERN_CHARS } from '../http/mocks/pattern';

const BODY_KINDS = ['text', 'json', 'file'] as const;
/** Base64 of the largest body, with room to spare. */
const MAX_BODY_CHARS = Math.ceil((MAX_MOCK_BODY_BYTES * 4) / 3) + 4;

/** Every field is written (a later default never changes what a link means). */
export function writeMocks(mocks: readonly Mock[]): Json[] {
	return mocks.map((m) => ({
		url: m.url,
		...(m.method ? { method: m.method } : {}),
		status: m.status,
		headers: { ...m.headers },
		body: writeBody(m.body)
	}));
}

function writeBody(b: MockBody): Json {
	if (b.kind !== 'file') return { kind: b.kind, text: b.text };
	return b.data
		? { kind: 'file', name: b.name, data: toBase64(b.data) }
		: { kind: 'file', name: b.name };
}

/** Throws SetupError, naming the mock, when anything is missing, mistyped or invalid. */
export function readMocks(value: unknown): Mock[] {
	if (!Array.isArray(value))
		throw new SetupError('The mock responses in this link are not a list.');
	if (value.length > MAX_MOCKS)
		throw new SetupError(`This link has more than ${MAX_MOCKS} mock responses.`);
	return value.map((item, i) => {
		const what = `mock response ${i + 1}`;
		const obj = readObject(item, what);
		const mock: Mock = {
			url: readString(obj.url, `the URL of ${what}`, MAX_PATTERN_CHARS),
			status: readStatus(obj.status, what),
			headers: readStringMap(obj.headers, `the headers of ${what}`, {
				entries: MAX_MOCK_HEADERS,
				key: MAX_HEADER_NAME_CHARS,
				value: MAX_HEADER_VALUE_CHARS
			}),
			body: readBody(obj.body, what)
		};
		if (obj.method !== undefined) mock.method = readString(obj.method, `the method of ${what}`, 16);
		// A body left behind is not a fault of the link: the page asks for it again.
		const problem = mockProblems(mock).find((p) => !(p.field === 'body' && bodyLeftBehind(mock)));
		if (problem) throw new SetupError(`${capital(what)} is refused: ${problem.message}`);
		return mock;
	});
}

function readStatus(value: unknown, what: string): number {
	if (typeof value !== 'number' || !Number.isInteger(value))
		throw new SetupError(`The status of ${what} must be a whole number.`);
	return value;
}

function readBody(value: unknown, what: string): MockBody {
	const obj = readObject(value, `the body of ${what}`);
	const kind = readOneOf(obj.kind, `the body kind of ${what}`, BODY_KINDS);
	if (kind !== 'file')
		return { kind, text: readString(obj.text, `the body of ${what}`, MAX_MOCK_BODY_BYTES) };
	const name = readString(obj.name, `the body file name of ${what}`, 256);
	if (!/^[^\p{Cc}]+$/u.test(name))
		throw new SetupError(`The body file name of ${what} is empty or invalid.`);
	if (obj.data === undefined) return { kind, name, data: null };
	const data = fromBase64(readString(obj.data, `the body of ${what}`, MAX_BODY_CHARS));
	if (!data) throw new SetupError(`The body of ${what} is damaged (not base64).`);
	return { kind, name, data };
}

/** Rounded up, as links name a large plugin, so a body over the limit never reads as the limit. */
const kib = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en')} KiB`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const bodyLeftBehind = (m: Mock) => m.body.kind === 'file' && m.body.data === null;

/** The name a body goes by when it stays behind. */
function bodyName(m: Mock): string {
	if (m.body.kind === 'file') return m.body.name;
	return m.body.kind === 'json' ? 'body.json' : 'body.txt';
}

/**
 * Bodies over `limit` bytes stay behind, each by name (a text body becomes a file to be given
 * again), and the note says which. Null-safe for setups without mocks.
 */
export function trimMocks(
	mocks: readonly Mock[] | undefined,
	limit: number
): { mocks?: Mock[]; note?: string } {
	if (!mocks) return {};
	const big = mocks.filter((m) => bodyBytes(m.body).length > limit);
	if (!big.length) return { mocks: [...mocks] };
	const trimmed = mocks.map((m) =>
		big.includes(m) ? { ...m, body: { kind: 'file' as const, name: bodyName(m), data: null } } : m
	);
	const names = big
		.map((m) => `${m.url} (${bodyName(m)}, ${kib(bodyBytes(m.body).length)})`)
		.join(', ');
	const plural = big.length > 1;
	return {
		mocks: trimmed,
		note: `The body of the mock response${plural ? 's' : ''} for ${names} ${plural ? 'are' : 'is'} too large to travel in a link (limit ${kib(limit)}): whoever opens it must give ${plural ? 'them' : 'it'} again as a file.`
	};
}
