// Share links: the whole setup lives in the URL fragment as `#s=<format>.<payload>`, where the
// payload is base64url(deflate-raw(UTF-8 JSON)). The fragment never reaches a server, so nothing
// of the setup (input, config, plugin) is sent anywhere by opening a link.
import { fromBase64Url, toBase64Url } from '../util/base64';
import { deflateRaw, InflateError, inflateRaw } from './deflate';
import { SetupError } from './fields';
import { trimInputFile } from './input-file';
import { trimMocks } from './mocks';
import type { Setup } from '../setup/setup';
import { checkSetup, readV1, writeV1, type Decoded } from './setup-v1';

export const SHARE_PREFIX = '#s=';
/** The format this version writes. */
export const FORMAT = 1;

/**
 * Links much over ~64 K characters break: chat apps and mail clients cut or refuse them, and some
 * browsers and servers limit URL length. A decoder refuses anything longer.
 */
export const MAX_LINK_CHARS = 64_000;

/**
 * The largest plugin (raw wasm bytes) carried inside a link. Wasm compresses about 2-3×, so a
 * 24 KiB plugin usually takes 11-16 K characters; even one that does not compress at all (base64
 * in the JSON, deflated back to ~6 bits a character, then base64url) stays near 33 K, leaving room
 * for the input and config under MAX_LINK_CHARS.
 */
export const MAX_EMBED_BYTES = 24 * 1024;

/**
 * Cap on the unpacked JSON. A 64 K-character link can unpack to tens of megabytes (a
 * decompression bomb); no real setup needs more than the input limit (256 KiB, up to 6× longer
 * when JSON escapes control characters) plus an embedded plugin.
 */
export const MAX_JSON_BYTES = 2 * 1024 * 1024;

/**
 * Old formats keep opening: each entry reads one format's JSON into today's Setup (a later format
 * adds an entry, and an old entry migrates its result). Throws SetupError for an invalid setup.
 */
const decoders: Record<number, (json: unknown) => Decoded> = { 1: readV1 };

export interface EncodeResult {
	/** `#s=1.…`, or '' when the setup cannot become a link (then `note` says why). */
	hash: string;
	pluginEmbedded: boolean;
	/** Something a person should know before sending the link. */
	note?: string;
}

export type DecodeResult =
	| { ok: true; setup: Setup; missingPlugin?: string }
	/** message '' means "there is no share link here" (no fragment, or another kind): show nothing. */
	| { ok: false; message: string };

const kib = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en')} KiB`;
const count = (n: number) => n.toLocaleString('en');

async function pack(json: unknown): Promise<string | null> {
	const bytes = new TextEncoder().encode(JSON.stringify(json));
	if (bytes.length > MAX_JSON_BYTES) return null;
	return `${SHARE_PREFIX}${FORMAT}.${toBase64Url(await deflateRaw(bytes))}`;
}

/** Linked modules over the embed limit stay behind, like a large plugin; the note names them. */
function trimLinked(setup: Setup): { setup: Setup; note?: string } {
	const big = (setup.linked ?? []).filter((l) => l.data && l.data.length > MAX_EMBED_BYTES);
	if (!big.length) return { setup };
	const linked = setup.linked!.map((l) => (big.includes(l) ? { ...l, data: null } : l));
	const names = big.map((l) => `"${l.name}" (${l.file}, ${kib(l.data!.length)})`).join(', ');
	return {
		setup: { ...setup, linked },
		note: `The linked module${big.length > 1 ? 's' : ''} ${names} ${big.length > 1 ? 'are' : 'is'} too large to travel in a link (limit ${kib(MAX_EMBED_BYTES)}): whoever opens it must link ${big.length > 1 ? 'them' : 'it'} again by hand.`
	};
}

const joinNotes = (...notes: (string | undefined)[]) =>
	notes.filter(Boolean).join(' ') || undefined;

export async function encodeSetup(whole: Setup): Promise<EncodeResult> {
	const linked = trimLinked(whole);
	const input = trimInputFile(linked.setup, MAX_EMBED_BYTES);
	const mocks = trimMocks(input.setup.mocks, MAX_EMBED_BYTES);
	const r = await encodeTrimmed(mocks.mocks ? { ...input.setup, mocks: mocks.mocks } : input.setup);
	const kept = (n?: string) => (r.hash ? n : undefined);
	const note = joinNotes(kept(linked.note), kept(input.note), kept(mocks.note), r.note);
	return note ? { ...r, note } : r;
}

async function encodeTrimmed(setup: Setup): Promise<EncodeResult> {
	const problem = checkSetup(setup);
	if (problem)
		return { hash: '', pluginEmbedded: false, note: `This setup cannot be shared. ${problem}` };
	const src = setup.source;
	const hasBytes = src.kind === 'bytes';
	const fits = hasBytes && src.data.length <= MAX_EMBED_BYTES;
	let note: string | undefined;
	if (hasBytes && !fits) {
		note =
			`The plugin (${kib(src.data.length)}) is too large to travel in a link ` +
			`(limit ${kib(MAX_EMBED_BYTES)}): whoever opens it must load ${src.name} by hand.`;
	}
	let hash = await pack(writeV1(setup, hasBytes && !fits, false));
	const linkedData = setup.linked?.some((l) => l.data) ?? false;
	if ((fits || linkedData) && (hash === null || hash.length > MAX_LINK_CHARS)) {
		hash = await pack(writeV1(setup, true, true));
		const behind = fits
			? `With the plugin inside, the link would be too long, so it carries only the file name: ` +
				`whoever opens it must load ${(src as { name: string }).name} by hand.`
			: (note ?? '');
		note = linkedData
			? `${behind} ${fits ? 'The linked modules stay behind too' : 'With the linked modules inside, the link would be too long, so they stay behind'}: they must be linked again by hand.`.trim()
			: behind;
		if (hash !== null && hash.length <= MAX_LINK_CHARS)
			return { hash, pluginEmbedded: false, note };
	}
	if (hash === null || hash.length > MAX_LINK_CHARS) {
		const size =
			hash === null
				? `This setup is over ${kib(MAX_JSON_BYTES)}`
				: `The link would be ${count(hash.length)} characters long`;
		return {
			hash: '',
			pluginEmbedded: false,
			note: `${size}, more than a link can safely carry (${count(MAX_LINK_CHARS)} characters): shorten the input or the config.`
		};
	}
	return note ? { hash, pluginEmbedded: fits, note } : { hash, pluginEmbedded: fits };
}

/** The share fragment of a location (`#s=…`), or null when it has none. */
export function readShareHash(location: { hash: string }): string | null {
	return location.hash.startsWith(SHARE_PREFIX) ? location.hash : null;
}

const DAMAGED = 'This share link is damaged';
const RECOPY = 'it may have been cut off or changed when it was copied. Ask for the link again.';

/** Accepts `#s=1.…` or `s=1.…`. Never throws and never rejects. */
export async function decodeSetup(hash: string): Promise<DecodeResult> {
	try {
		return await decode(hash);
	} catch (e) {
		// Only reachable through a bug of ours; still a message rather than a broken page.
		return { ok: false, message: `This share link could not be opened: ${String(e)}` };
	}
}

async function decode(hash: string): Promise<DecodeResult> {
	const fragment = typeof hash === 'string' ? hash.replace(/^#/, '') : '';
	if (!fragment.startsWith('s=')) return { ok: false, message: '' };
	// Counted with its '#', as encodeSetup counts it.
	if (fragment.length + 1 > MAX_LINK_CHARS) {
		return {
			ok: false,
			message: `This share link is ${count(fragment.length + 1)} characters long; links over ${count(MAX_LINK_CHARS)} characters are not opened.`
		};
	}
	const value = fragment.slice(2);
	if (value === '') return { ok: false, message: `This share link is empty: ${RECOPY}` };
	const match = /^(\d{1,9})\.([\s\S]*)$/.exec(value);
	if (!match) return { ok: false, message: `${DAMAGED} (it has no format number): ${RECOPY}` };
	const format = Number(match[1]);
	if (!Object.hasOwn(decoders, format)) {
		const message =
			format > FORMAT
				? `This link was made by a newer version of the playground (format ${format}); this page reads formats up to ${FORMAT}. Reload the page to get the latest version.`
				: `This share link has an unknown format (${format}): ${RECOPY}`;
		return { ok: false, message };
	}
	if (match[2] === '') return { ok: false, message: `This share link is empty: ${RECOPY}` };
	const packed = fromBase64Url(match[2]);
	if (!packed) {
		return {
			ok: false,
			message: `${DAMAGED} (it contains characters a link never has): ${RECOPY}`
		};
	}
	let bytes: Uint8Array;
	try {
		bytes = await inflateRaw(packed, MAX_JSON_BYTES);
	} catch (e) {
		if (e instanceof InflateError && e.reason === 'too-large') {
			return {
				ok: false,
				message: `This share link unpacks to more than ${kib(MAX_JSON_BYTES)}, more than any setup needs, so it was not opened.`
			};
		}
		return { ok: false, message: `${DAMAGED} (its data cannot be unpacked): ${RECOPY}` };
	}
	let json: unknown;
	try {
		json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return { ok: false, message: `${DAMAGED} (its contents are not readable): ${RECOPY}` };
	}
	try {
		const { setup, missingPlugin } = decoders[format](json);
		return missingPlugin === undefined ? { ok: true, setup } : { ok: true, setup, missingPlugin };
	} catch (e) {
		if (e instanceof SetupError) {
			return { ok: false, message: `This share link cannot be opened. ${e.message}` };
		}
		throw e;
	}
}

export { checkSetup };
