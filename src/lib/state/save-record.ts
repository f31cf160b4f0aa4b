// What a save stores in place of a link: the setup as a link fragment without its files (they
// are stored beside it), and what a link cannot carry but a save still can (input that does not
// compress). What cannot be kept is listed in words; a setup no save can hold is refused, so a
// save is never "saved" over an empty record.
import { decodeSetup, encodeSetup, MAX_EMBED_BYTES } from '$lib/engine/persist/codec';
import type { SavedState } from '$lib/engine/persist/saved-state';
import { checkSetup, LIMITS } from '$lib/engine/persist/setup-v1';
import type { Setup } from '$lib/engine/setup/setup';
import { bodyBytes } from '$lib/engine/http/mocks/mock';
import { formatBytes } from '$lib/engine/util/format';
import { utf8Length } from '$lib/engine/util/validate';

/** Input beyond what a link carries is kept beside it, up to this many characters. */
export const MAX_SAVED_INPUT_CHARS = 2 * 1024 * 1024;

export type LinkRecord =
	{ ok: true; record: SavedState; problems: string[] } | { ok: false; message: string };

export async function linkRecord(setup: Setup, trusted: string[]): Promise<LinkRecord> {
	const problems: string[] = [];
	const file = setup.source.kind === 'bytes' ? setup.source : null;
	const record: SavedState = { link: '', ...(trusted.length ? { trusted } : {}) };
	// Files are stored beside the link, which never carries their bytes here.
	let rest: Setup = { ...setup, source: file ? { kind: 'none' } : setup.source };
	delete rest.inputFile;
	const inputBytes = utf8Length(setup.input);
	if (inputBytes > LIMITS.inputBytes) {
		rest = { ...rest, input: '' };
		if (setup.input.length <= MAX_SAVED_INPUT_CHARS) record.input = setup.input;
		else
			problems.push(
				`the input (${formatBytes(inputBytes)}) is too large to keep across reloads (at most ${formatBytes(MAX_SAVED_INPUT_CHARS)})`
			);
	}
	const unsaveable = checkSetup(rest);
	if (unsaveable) return { ok: false, message: `Not saved in this browser: ${unsaveable}` };
	let encoded = await encodeSetup(rest);
	// What a link cannot carry, a save still can: input that does not compress goes beside it.
	if (!encoded.hash && rest.input && setup.input.length <= MAX_SAVED_INPUT_CHARS) {
		record.input = setup.input;
		rest = { ...rest, input: '' };
		encoded = await encodeSetup(rest);
	}
	// Never "saved" over an empty record: a reload could restore nothing from it.
	if (!encoded.hash)
		return {
			ok: false,
			message: `Not saved in this browser: ${encoded.note ?? 'the setup is too large.'}`
		};
	record.link = encoded.hash;
	// A link too long with the linked modules inside carries them by name only.
	const embedded = (rest.linked ?? []).filter((l) => l.data && l.data.length <= MAX_EMBED_BYTES);
	if (embedded.length) {
		const back = await decodeSetup(encoded.hash);
		const kept = back.ok ? (back.setup.linked ?? []).filter((l) => l.data) : [];
		const lost = embedded.filter((l) => !kept.some((k) => k.name === l.name));
		if (lost.length)
			problems.push(
				`the linked module${lost.length > 1 ? 's' : ''} ${lost.map((l) => `"${l.name}"`).join(', ')} (too large together to keep across reloads): link ${lost.length > 1 ? 'them' : 'it'} again after a reload`
			);
	}
	for (const l of rest.linked ?? [])
		if (l.data && l.data.length > MAX_EMBED_BYTES)
			problems.push(
				`the linked module "${l.name}" (${formatBytes(l.data.length)}) is too large to keep across reloads`
			);
	for (const m of rest.mocks ?? []) {
		const size = bodyBytes(m.body).length;
		if (size > MAX_EMBED_BYTES)
			problems.push(
				`the body of the mock response for ${m.url} (${formatBytes(size)}) is too large to keep across reloads: choose it again after a reload`
			);
	}
	return { ok: true, record, problems };
}
