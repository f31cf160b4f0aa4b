// Helpers for the codec tests: build links by hand, around the encoder, to feed the decoder anything.
import { toBase64Url } from '../util/base64';
import { deflateRaw } from '../persist/deflate';
import type { Setup } from '../setup/setup';

/** A format-1 link carrying exactly these bytes as its unpacked contents. */
export async function linkOfBytes(bytes: Uint8Array, format = 1): Promise<string> {
	return `#s=${format}.${toBase64Url(await deflateRaw(bytes))}`;
}

export const linkOfJson = (json: unknown, format = 1): Promise<string> =>
	linkOfBytes(new TextEncoder().encode(JSON.stringify(json)), format);

export function sampleSetup(): Setup {
	return {
		source: { kind: 'example', id: 'count_vowels' },
		fn: 'count_vowels',
		input: 'Héllo, Extism! 👋\n"quoted" and \'single\'\n\ttab\u2028sep',
		settings: {
			wasi: true,
			logLevel: 'debug',
			config: { vowels: 'aeiouy', 'clé ünïcode': 'välue ✓', empty: '' },
			allowedHosts: ['httpbin.org', '*.example.com'],
			maxPages: 16,
			maxVarBytes: 1024,
			maxHttpResponseBytes: 65_536,
			allowHttpResponseHeaders: true
		},
		timeoutMs: null
	};
}

/** The JSON a format-1 link holds for sampleSetup(), to break one field at a time. */
export function sampleJson(): Record<string, unknown> & { settings: Record<string, unknown> } {
	const s = sampleSetup();
	return {
		source: { kind: 'example', id: 'count_vowels' },
		fn: s.fn,
		input: s.input,
		settings: { ...s.settings },
		timeoutMs: null
	};
}

export { prng, randomBytes } from './random';
