import { describe, expect, it } from 'vitest';
import { decodeSetup, encodeSetup } from './codec';
import { readVars, VAR_LIMITS, writeVars } from './vars';
import { linkOfJson, sampleJson, sampleSetup } from '../testing/links';

const enc = new TextEncoder();
const vars = [
	{ name: 'total', value: enc.encode('42') },
	{ name: 'clé ✓', value: enc.encode('välue') },
	{ name: 'counter', value: new Uint8Array([0xff, 0xfe, 0, 1]) },
	{ name: 'empty', value: new Uint8Array() }
];

describe('share links: vars', () => {
	it('carry vars, in order, text and bytes alike, and open with the same vars', async () => {
		const setup = { ...sampleSetup(), vars };
		const { hash, note } = await encodeSetup(setup);
		expect(note).toBeUndefined();
		expect(await decodeSetup(hash)).toEqual({ ok: true, setup });
	});

	it('write UTF-8 values as text and others as base64', () => {
		expect(writeVars(vars)).toEqual([
			{ name: 'total', text: '42' },
			{ name: 'clé ✓', text: 'välue' },
			{ name: 'counter', base64: '//4AAQ==' },
			{ name: 'empty', text: '' }
		]);
	});

	it('leave a link without vars exactly as it was, and old links open without vars', async () => {
		expect((await encodeSetup({ ...sampleSetup(), vars: [] })).hash).toBe(
			(await encodeSetup(sampleSetup())).hash
		);
		const old = await decodeSetup(await linkOfJson(sampleJson()));
		expect(old.ok && 'vars' in old.setup).toBe(false);
	});

	it('refuse damaged vars in words', async () => {
		const bad = async (v: unknown) => {
			const r = await decodeSetup(await linkOfJson({ ...sampleJson(), vars: v }));
			return r.ok ? 'opened' : r.message;
		};
		expect(await bad({})).toContain('The vars in this link are not a list.');
		expect(await bad([{ name: '', text: 'x' }])).toContain('Var 1 in this link has no name.');
		expect(
			await bad([
				{ name: 'a', text: '1' },
				{ name: 'a', text: '2' }
			])
		).toContain('The var "a" comes twice.');
		expect(await bad([{ name: 'a', base64: '!!' }])).toContain(
			'The var "a" in this link is damaged'
		);
		expect(await bad([{ name: 'a', text: 5 }])).toContain('must be text');
		expect(await bad([{ name: 'a', text: 'x'.repeat(VAR_LIMITS.valueBytes + 1) }])).toContain(
			'The var "a" is larger than 64 KiB.'
		);
		const many = Array.from({ length: VAR_LIMITS.entries + 1 }, (_, i) => ({
			name: `v${i}`,
			text: ''
		}));
		expect(await bad(many)).toContain(`more than ${VAR_LIMITS.entries} vars`);
	});

	it('reads what it writes', () => {
		expect(readVars(writeVars(vars))).toEqual(vars);
	});
});
