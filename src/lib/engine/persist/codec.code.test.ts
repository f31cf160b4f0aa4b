import { describe, expect, it } from 'vitest';
import { decodeSetup, encodeSetup } from './codec';
import { MAX_CODE_BYTES } from './code';
import { linkOfJson } from '../testing/links';
import { DEFAULT_SETUP, type Setup } from '../setup/setup';
import { writeV1 } from './setup-v1';

const withCode = (code: Setup['code']): Setup => ({ ...DEFAULT_SETUP, fn: 'greet', code });

describe('share links: plugin source', () => {
	it('carry the source and its language', async () => {
		const setup = withCode({
			language: 'assemblyscript',
			text: 'export function greet(): i32 { return 0; }\n'
		});
		const { hash } = await encodeSetup(setup);
		expect(await decodeSetup(hash)).toEqual({ ok: true, setup });
	});

	it('write no code field when there is none, so old links read the same', () => {
		expect('code' in writeV1(DEFAULT_SETUP)).toBe(false);
	});

	it('refuse an unknown language or too much source', async () => {
		const json = writeV1(DEFAULT_SETUP);
		const bad = await decodeSetup(
			await linkOfJson({ ...json, code: { language: 'rust', text: '' } })
		);
		expect(bad.ok).toBe(false);
		const big = 'x'.repeat(MAX_CODE_BYTES + 1);
		const large = await decodeSetup(
			await linkOfJson({ ...json, code: { language: 'wat', text: big } })
		);
		expect(large.ok).toBe(false);
	});
});
