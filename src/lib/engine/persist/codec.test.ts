import { describe, expect, it } from 'vitest';
import {
	decodeSetup,
	encodeSetup,
	MAX_EMBED_BYTES,
	MAX_LINK_CHARS,
	readShareHash,
	type DecodeResult
} from './codec';
import { fromBase64Url, toBase64Url } from '../util/base64';
import { deflateRaw } from './deflate';
import { DEFAULT_SETUP, type Setup } from '../setup/setup';
import {
	linkOfBytes,
	linkOfJson,
	prng,
	randomBytes,
	sampleJson,
	sampleSetup
} from '../testing/links';

async function roundTrip(setup: Setup): Promise<DecodeResult> {
	const { hash } = await encodeSetup(setup);
	expect(hash).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/);
	return decodeSetup(hash);
}

const failure = (message: string) => ({ ok: false, message });

describe('share links: round trip', () => {
	it('keeps every field: unicode input, config, hosts, limits, no timeout, an example', async () => {
		const setup = sampleSetup();
		expect(await roundTrip(setup)).toEqual({ ok: true, setup });
	});

	it('keeps a URL source, a zero timeout and settings without limits', async () => {
		const setup: Setup = {
			...DEFAULT_SETUP,
			source: { kind: 'url', url: 'https://example.com/plugins/a.wasm?v=2#x' },
			fn: 'run',
			timeoutMs: 0
		};
		const result = await roundTrip(setup);
		expect(result).toEqual({ ok: true, setup });
		expect(result.ok && 'maxPages' in result.setup.settings).toBe(false);
	});

	it('keeps a large timeout and a source of none', async () => {
		const setup: Setup = { ...DEFAULT_SETUP, timeoutMs: 2 ** 31 - 1, input: '' };
		expect(await roundTrip(setup)).toEqual({ ok: true, setup });
	});

	it('carries a small plugin byte for byte', async () => {
		const data = randomBytes(prng(1), 5000);
		const setup: Setup = { ...DEFAULT_SETUP, source: { kind: 'bytes', name: 'mine.wasm', data } };
		const encoded = await encodeSetup(setup);
		expect(encoded).toEqual({ hash: expect.any(String), pluginEmbedded: true });
		const result = await decodeSetup(encoded.hash);
		if (!result.ok || result.setup.source.kind !== 'bytes') throw new Error('not decoded');
		expect(result.setup.source.name).toBe('mine.wasm');
		expect(Array.from(result.setup.source.data)).toEqual(Array.from(data));
	});

	it('carries a plugin of exactly the limit even when it does not compress', async () => {
		const data = randomBytes(prng(2), MAX_EMBED_BYTES);
		const setup: Setup = { ...DEFAULT_SETUP, source: { kind: 'bytes', name: 'p.wasm', data } };
		const { hash, pluginEmbedded } = await encodeSetup(setup);
		expect(pluginEmbedded).toBe(true);
		expect(hash.length).toBeLessThan(MAX_LINK_CHARS);
		expect(await decodeSetup(hash)).toEqual({ ok: true, setup });
	});

	it('keeps a config key named __proto__ as a plain key', async () => {
		const config = JSON.parse('{"__proto__": "x", "a": "b"}') as Record<string, string>;
		const setup: Setup = { ...DEFAULT_SETUP, settings: { ...DEFAULT_SETUP.settings, config } };
		const result = await roundTrip(setup);
		if (!result.ok) throw new Error(result.message);
		expect(Object.keys(result.setup.settings.config)).toEqual(['__proto__', 'a']);
		expect(Object.getPrototypeOf(result.setup.settings.config)).toBe(Object.prototype);
	});
});

describe('share links: what does not fit', () => {
	it('leaves out a plugin over the limit and says so; the link names the file', async () => {
		const data = new Uint8Array(312 * 1024);
		const setup: Setup = { ...DEFAULT_SETUP, source: { kind: 'bytes', name: 'plugin.wasm', data } };
		const encoded = await encodeSetup(setup);
		expect(encoded.pluginEmbedded).toBe(false);
		expect(encoded.note).toBe(
			'The plugin (312 KiB) is too large to travel in a link (limit 24 KiB): whoever opens it must load plugin.wasm by hand.'
		);
		expect(await decodeSetup(encoded.hash)).toEqual({
			ok: true,
			setup: { ...setup, source: { kind: 'none' } },
			missingPlugin: 'plugin.wasm'
		});
	});

	it('rounds a plugin just over the limit up, so it never reads as equal to it', async () => {
		const data = new Uint8Array(MAX_EMBED_BYTES + 1);
		const setup: Setup = { ...DEFAULT_SETUP, source: { kind: 'bytes', name: 'a.wasm', data } };
		expect((await encodeSetup(setup)).note).toContain('The plugin (25 KiB) is too large');
	});

	it('drops a plugin that fits on its own when the input leaves it no room', async () => {
		const rand = prng(3);
		const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
		const input = Array.from({ length: 40_000 }, () => letters[Math.floor(rand() * 62)]).join('');
		const data = randomBytes(rand, MAX_EMBED_BYTES);
		const setup: Setup = {
			...DEFAULT_SETUP,
			input,
			source: { kind: 'bytes', name: 'b.wasm', data }
		};
		const encoded = await encodeSetup(setup);
		expect(encoded.pluginEmbedded).toBe(false);
		expect(encoded.note).toBe(
			'With the plugin inside, the link would be too long, so it carries only the file name: whoever opens it must load b.wasm by hand.'
		);
		const result = await decodeSetup(encoded.hash);
		expect(result.ok && result.setup.input === input && result.missingPlugin).toBe('b.wasm');
	});

	it('makes no link when the input alone is too long for one', async () => {
		const rand = prng(4);
		const input = Array.from({ length: 150_000 }, () => String.fromCharCode(33 + rand() * 90)).join(
			''
		);
		const encoded = await encodeSetup({ ...DEFAULT_SETUP, input });
		expect(encoded.hash).toBe('');
		expect(encoded.note).toMatch(
			/^The link would be [\d,]+ characters long, more than a link can safely carry \(64,000 characters\): shorten the input or the config\.$/
		);
	});

	it('makes no link when the setup unpacks to more than the decoder would read', async () => {
		const config = Object.fromEntries(
			Array.from({ length: 40 }, (_, i) => [`k${i}`, 'x'.repeat(60 * 1024)])
		);
		const settings = { ...DEFAULT_SETUP.settings, config };
		const encoded = await encodeSetup({ ...DEFAULT_SETUP, settings });
		expect(encoded).toEqual({
			hash: '',
			pluginEmbedded: false,
			note: 'This setup is over 2,048 KiB, more than a link can safely carry (64,000 characters): shorten the input or the config.'
		});
	});

	it('leaves a plugin of megabytes behind instead of refusing the setup', async () => {
		const data = new Uint8Array(5 * 1024 * 1024);
		const setup: Setup = { ...DEFAULT_SETUP, source: { kind: 'bytes', name: 'huge.wasm', data } };
		const encoded = await encodeSetup(setup);
		expect(encoded.hash).toMatch(/^#s=1\./);
		expect(encoded.note).toBe(
			'The plugin (5,120 KiB) is too large to travel in a link (limit 24 KiB): whoever opens it must load huge.wasm by hand.'
		);
	});

	it('makes no link for a setup that no link may carry', async () => {
		const encoded = await encodeSetup({ ...DEFAULT_SETUP, fn: 'f'.repeat(257) });
		expect(encoded).toEqual({
			hash: '',
			pluginEmbedded: false,
			note: 'This setup cannot be shared. The function name is longer than 256 characters.'
		});
	});
});

describe('share links: bad links', () => {
	it('reads "no link" as an empty message', async () => {
		for (const hash of ['', '#', '#section-2', '#s', 'https://x/#s=1.abc']) {
			expect(await decodeSetup(hash)).toEqual(failure(''));
		}
	});

	it('accepts the fragment with or without its #', async () => {
		const { hash } = await encodeSetup(sampleSetup());
		expect(await decodeSetup(hash.slice(1))).toEqual({ ok: true, setup: sampleSetup() });
	});

	it('explains each kind of damage', async () => {
		const recopy =
			'it may have been cut off or changed when it was copied. Ask for the link again.';
		const { hash } = await encodeSetup(sampleSetup());
		const cases: [string, string][] = [
			['#s=', `This share link is empty: ${recopy}`],
			['#s=1.', `This share link is empty: ${recopy}`],
			['#s=abc', `This share link is damaged (it has no format number): ${recopy}`],
			[
				'#s=1.ab+c/',
				`This share link is damaged (it contains characters a link never has): ${recopy}`
			],
			[
				'#s=1.abcde',
				`This share link is damaged (it contains characters a link never has): ${recopy}`
			],
			['#s=1.____', `This share link is damaged (its data cannot be unpacked): ${recopy}`],
			[
				`#s=1.${toBase64Url(fromBase64Url(hash.slice(5))!.slice(0, -9))}`,
				`This share link is damaged (its data cannot be unpacked): ${recopy}`
			],
			[
				await linkOfBytes(new Uint8Array([0xff, 0xfe, 0x41])),
				`This share link is damaged (its contents are not readable): ${recopy}`
			],
			[
				await linkOfBytes(new TextEncoder().encode('{"fn": ')),
				`This share link is damaged (its contents are not readable): ${recopy}`
			],
			['#s=0.abcd', `This share link has an unknown format (0): ${recopy}`]
		];
		for (const [link, message] of cases)
			expect(await decodeSetup(link), link).toEqual(failure(message));
	});

	it('tells a link from a newer playground apart', async () => {
		const link = await linkOfJson(sampleJson(), 9);
		expect(await decodeSetup(link)).toEqual(
			failure(
				'This link was made by a newer version of the playground (format 9); this page reads formats up to 1. Reload the page to get the latest version.'
			)
		);
	});

	it('refuses a link over the length limit before reading it', async () => {
		expect(await decodeSetup(`#s=1.${'A'.repeat(MAX_LINK_CHARS)}`)).toEqual(
			failure(
				'This share link is 64,005 characters long; links over 64,000 characters are not opened.'
			)
		);
	});

	it('stops a decompression bomb at the cap', async () => {
		const bomb = `#s=1.${toBase64Url(await deflateRaw(new Uint8Array(30 * 1024 * 1024).fill(32)))}`;
		expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
		// The cap, not a clock, is what stops it: the answer names the cap.
		expect(await decodeSetup(bomb)).toEqual(
			failure(
				'This share link unpacks to more than 2,048 KiB, more than any setup needs, so it was not opened.'
			)
		);
	});
});

describe('readShareHash', () => {
	it('returns the share fragment, or null', () => {
		expect(readShareHash({ hash: '#s=1.abc' })).toBe('#s=1.abc');
		expect(readShareHash({ hash: '' })).toBeNull();
		expect(readShareHash({ hash: '#top' })).toBeNull();
		expect(readShareHash({ hash: '#sx=1' })).toBeNull();
	});
});
