// Throws over a thousand random and broken links at the decoder: it must never throw or reject, and
// whatever it accepts must be a setup the validator accepts too.
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../util/base64';
import { checkSetup, decodeSetup, encodeSetup } from './codec';
import { LOG_LEVELS } from '../setup/settings';
import { DEFAULT_SETUP, type Setup } from '../setup/setup';
import { linkOfJson, prng, randomBytes, sampleJson, sampleSetup } from '../testing/links';

const rand = prng(0x5eed);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];
const LINK_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const ODD_CHARS = '#s=.+/%?& \n\u0000é👋\ud800';

function randomString(max: number): string {
	let out = '';
	const length = int(max);
	for (let i = 0; i < length; i++)
		out += rand() < 0.8 ? pick([...LINK_CHARS]) : pick([...ODD_CHARS]);
	return out;
}

function randomJson(depth = 0): unknown {
	const kind = int(depth > 2 ? 6 : 8);
	if (kind === 0) return null;
	if (kind === 1) return rand() < 0.5;
	if (kind === 2) return pick([0, -1, 1.5, 2 ** 31, 2 ** 53, 1e308, 16, 65_536, 65_537]);
	if (kind === 3) return randomString(20);
	if (kind === 4)
		return pick([
			'https://a.com/x.wasm',
			'http://a.com',
			'count_vowels',
			'bytes',
			'none',
			'url',
			'example',
			'info',
			'__proto__'
		]);
	if (kind === 5) return pick([[], {}, '', 'AGFzbQEAAAA=']);
	if (kind === 6) return Array.from({ length: int(4) }, () => randomJson(depth + 1));
	const obj: Record<string, unknown> = {};
	for (let i = int(4); i > 0; i--)
		obj[pick(['kind', 'id', 'url', 'name', 'data', 'x', randomString(6)])] = randomJson(depth + 1);
	return obj;
}

/** The sample's JSON with one field, at any depth, replaced, removed or added. */
function mutatedJson(): unknown {
	const json = sampleJson() as Record<string, unknown>;
	const paths: string[][] = [
		['source'],
		['source', 'kind'],
		['source', 'id'],
		['source', 'url'],
		['source', 'name'],
		['source', 'data'],
		['fn'],
		['input'],
		['timeoutMs'],
		['settings'],
		...[
			'wasi',
			'logLevel',
			'config',
			'allowedHosts',
			'maxPages',
			'maxVarBytes',
			'maxHttpResponseBytes',
			'allowHttpResponseHeaders'
		].map((k) => ['settings', k])
	];
	for (let n = 1 + int(2); n > 0; n--) {
		const path = pick(paths);
		let target = json;
		for (const key of path.slice(0, -1)) {
			if (typeof target[key] !== 'object' || target[key] === null) target[key] = {};
			target = target[key] as Record<string, unknown>;
		}
		const last = path[path.length - 1];
		if (rand() < 0.15) delete target[last];
		else target[last] = randomJson();
	}
	return json;
}

function mutatedLink(link: string): string {
	const chars = [...link];
	for (let n = 1 + int(3); n > 0; n--) {
		const at = int(chars.length);
		const op = int(4);
		if (op === 0) chars[at] = pick([...LINK_CHARS]);
		else if (op === 1)
			chars.splice(at, 0, rand() < 0.9 ? pick([...LINK_CHARS]) : pick([...ODD_CHARS]));
		else if (op === 2) chars.splice(at, 1);
		else chars.length = Math.max(3, at);
	}
	return chars.join('');
}

const isCount = (v: unknown) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isText = (v: unknown) => typeof v === 'string';

/** Checked apart from the codec's own validator, so that a check missing from both still shows. */
function expectWellTyped(setup: Setup, link: string): void {
	const src = setup.source;
	const sourceOk =
		(src.kind === 'example' && /^[\w.-]+$/.test(src.id)) ||
		(src.kind === 'url' &&
			/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/])/.test(src.url)) ||
		(src.kind === 'bytes' && src.data instanceof Uint8Array && isText(src.name)) ||
		(src.kind === 'none' && Object.keys(src).length === 1);
	const s = setup.settings;
	const ok =
		sourceOk &&
		isText(setup.fn) &&
		setup.fn.length <= 256 &&
		isText(setup.input) &&
		(setup.timeoutMs === null || isCount(setup.timeoutMs)) &&
		typeof s.wasi === 'boolean' &&
		typeof s.allowHttpResponseHeaders === 'boolean' &&
		LOG_LEVELS.includes(s.logLevel) &&
		Object.values(s.config).every(isText) &&
		Array.isArray(s.allowedHosts) &&
		s.allowedHosts.every(isText) &&
		[s.maxPages, s.maxVarBytes, s.maxHttpResponseBytes].every((v) => v === undefined || isCount(v));
	expect(ok, `${link} → ${JSON.stringify(setup)}`).toBe(true);
}

describe('decodeSetup under fuzzing', () => {
	it('never throws, and accepts only setups that pass the validator', async () => {
		const started = performance.now();
		const bases: Setup[] = [
			sampleSetup(),
			DEFAULT_SETUP,
			{ ...DEFAULT_SETUP, source: { kind: 'bytes', name: 'x.wasm', data: randomBytes(rand, 300) } },
			{ ...DEFAULT_SETUP, source: { kind: 'url', url: 'https://example.com/p.wasm' }, fn: 'go' }
		];
		const valid = await Promise.all(bases.map(async (s) => (await encodeSetup(s)).hash));
		const links: string[] = [];
		for (let i = 0; i < 250; i++) links.push((rand() < 0.5 ? '#s=1.' : '') + randomString(200));
		for (let i = 0; i < 450; i++) links.push(mutatedLink(pick(valid)));
		for (let i = 0; i < 150; i++) links.push(`#s=1.${toBase64Url(randomBytes(rand, int(400)))}`);
		for (let i = 0; i < 100; i++) links.push(await linkOfJson(randomJson()));
		for (let i = 0; i < 250; i++) links.push(await linkOfJson(mutatedJson()));

		const outcomes = { accepted: 0, refused: 0 };
		for (const link of links) {
			let result;
			try {
				result = await decodeSetup(link);
			} catch (e) {
				throw new Error(`decodeSetup rejected ${JSON.stringify(link)}`, { cause: e });
			}
			if (result.ok) {
				outcomes.accepted++;
				expect(checkSetup(result.setup), link).toBeNull();
				expectWellTyped(result.setup, link);
			} else {
				outcomes.refused++;
				expect(typeof result.message, link).toBe('string');
				expect(result.message, link).not.toMatch(/could not be opened: /);
			}
		}
		console.log(
			`fuzz: ${links.length} links in ${(performance.now() - started).toFixed(0)} ms`,
			outcomes
		);
		expect(links.length).toBeGreaterThanOrEqual(1000);
		// Both ends were reached: the fuzz is not only refusing garbage.
		expect(outcomes.accepted).toBeGreaterThan(20);
		expect(outcomes.refused).toBeGreaterThan(500);
	});
});
