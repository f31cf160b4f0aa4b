import { describe, expect, it } from 'vitest';
import { decodeSetup, encodeSetup, MAX_EMBED_BYTES } from './codec';
import { linkOfJson, randomBytes, prng, sampleJson } from '../testing/links';
import { DEFAULT_SETUP, type Setup } from '../setup/setup';

const small = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
const withLinked = (linked: Setup['linked']): Setup => ({
	...DEFAULT_SETUP,
	source: { kind: 'example', id: 'count_vowels' },
	fn: 'run',
	linked
});

describe('share links: linked modules', () => {
	it('carry a small linked module inside, under its import name and file name', async () => {
		const setup = withLinked([{ name: 'lib', file: 'lib.wasm', data: small }]);
		const { hash, note } = await encodeSetup(setup);
		expect(note).toBeUndefined();
		expect(await decodeSetup(hash)).toEqual({ ok: true, setup });
	});

	it('leave a large one behind by name, and say so', async () => {
		const big = randomBytes(prng(7), MAX_EMBED_BYTES + 1);
		const setup = withLinked([
			{ name: 'big', file: 'big.wasm', data: big },
			{ name: 'lib', file: 'lib.wasm', data: small }
		]);
		const { hash, note } = await encodeSetup(setup);
		expect(note).toBe(
			'The linked module "big" (big.wasm, 25 KiB) is too large to travel in a link (limit 24 KiB): whoever opens it must link it again by hand.'
		);
		const decoded = await decodeSetup(hash);
		expect(decoded.ok && decoded.setup.linked).toEqual([
			{ name: 'big', file: 'big.wasm', data: null },
			{ name: 'lib', file: 'lib.wasm', data: small }
		]);
	});

	it('refuse damaged, duplicate, nameless or too many linked modules', async () => {
		const open = async (linked: unknown) =>
			decodeSetup(await linkOfJson({ ...sampleJson(), linked }));
		expect(await open({})).toMatchObject({
			ok: false,
			message: expect.stringContaining('The linked modules in this link are not a list.')
		});
		expect(await open([{ name: 'a', file: 'a.wasm', data: '!!!' }])).toMatchObject({
			message: expect.stringContaining(
				'The linked module "a" in this link is damaged (not base64).'
			)
		});
		const twice = [
			{ name: 'a', file: 'a.wasm' },
			{ name: 'a', file: 'b.wasm' }
		];
		expect(await open(twice)).toMatchObject({
			message: expect.stringContaining('The linked module "a" comes twice.')
		});
		expect(await open([{ name: ' ', file: 'a.wasm' }])).toMatchObject({
			message: expect.stringContaining('A linked module in this link has no name.')
		});
		const many = Array.from({ length: 17 }, (_, i) => ({ name: `m${i}`, file: 'm.wasm' }));
		expect(await open(many)).toMatchObject({
			message: expect.stringContaining('This link has more than 16 linked modules.')
		});
	});
});
