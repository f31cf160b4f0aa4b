// Raw fragments as a browser hands them over (location.hash after URL parsing), not only decoded
// payloads: whatever arrives, SvelteKit's decodeURIComponent must not throw after the repair, and
// the link decoder must answer in words.
import { describe, expect, it } from 'vitest';
import { decodeSetup } from './codec';
import { decodableFragment, percentDecodes } from './fragment';
import { prng } from '../testing/random';

/** What the page sees in location.hash for a typed or pasted fragment. */
const asBrowserHash = (raw: string) => new URL(`http://127.0.0.1/#${raw}`).hash;

/** What SvelteKit does with the fragment once our hook has run. */
function svelteKitDecode(hash: string): string {
	return decodeURIComponent(decodableFragment(hash) ?? hash);
}

function decodes(text: string): boolean {
	try {
		decodeURIComponent(text);
		return true;
	} catch {
		return false;
	}
}

describe('decodableFragment', () => {
	it('agrees with decodeURIComponent on tricky escapes', () => {
		const cases = [
			'%C3%A9',
			'%C3',
			'%C3%41',
			'%E0%80%80',
			'%ED%A0%80',
			'%F4%90%80%80',
			'%F0%9F%91%8B',
			'%C3%A9x%A9',
			'%41%',
			'%4',
			'%g1',
			'é',
			'\ud800'
		];
		for (const text of cases) expect(percentDecodes(text), text).toBe(decodes(text));
	});

	it('leaves fragments that decode alone', () => {
		for (const hash of ['', '#', '#s=1.AAAA-_', '#top', '#a%20b', '#%C3%A9', '#%25']) {
			expect(decodableFragment(hash)).toBeNull();
		}
	});

	it('repairs the fragments outside testing found, keeping their text', () => {
		for (const hash of ['#%ff', '#s=%ff', '#s=1.%E0%A4%A', '#%', '#s=1.abc%', '#%zz%41']) {
			const fixed = decodableFragment(hash);
			expect(fixed).not.toBeNull();
			expect(() => decodeURIComponent(hash)).toThrow(URIError);
			expect(decodeURIComponent(fixed!)).toBe(hash);
		}
	});

	it('a repaired share link is reported as damaged, not opened', async () => {
		const result = await decodeSetup(decodableFragment('#s=1.%E0%A4%A')!);
		expect(result).toEqual({ ok: false, message: expect.stringContaining('damaged') });
	});

	it('survives random raw fragments, and the decoder answers every one', async () => {
		const rand = prng(0xf4a9);
		const pieces = [
			'%',
			'%',
			'%e',
			'%E0',
			'%A4',
			'%ff',
			'%C3',
			'%A9',
			'%25',
			's=',
			'1.',
			'#',
			'A',
			'z',
			'-',
			'_',
			'.',
			'é',
			'👋',
			'\ud800',
			' ',
			'?'
		];
		let repaired = 0;
		for (let i = 0; i < 2000; i++) {
			let raw = rand() < 0.5 ? 's=1.' : '';
			const n = Math.floor(rand() * 12);
			for (let k = 0; k < n; k++) raw += pieces[Math.floor(rand() * pieces.length)];
			const hash = asBrowserHash(raw);
			if (decodableFragment(hash) !== null) repaired++;
			expect(percentDecodes(hash), JSON.stringify(raw)).toBe(decodes(hash));
			expect(() => svelteKitDecode(hash), JSON.stringify(raw)).not.toThrow();
			const result = await decodeSetup(decodableFragment(hash) ?? hash);
			if (!result.ok && hash.startsWith('#s=')) expect(result.message).not.toBe('');
		}
		// Most random fragments carry a bad escape; the fuzz is worthless if none does.
		expect(repaired).toBeGreaterThan(500);
	});
});
