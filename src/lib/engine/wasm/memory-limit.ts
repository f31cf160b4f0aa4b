// "Max memory pages" for the plugin's own linear memory. The SDK applies the setting to Extism's
// host blocks only; a plugin's memory.grow is limited by the maximum its memory declares, so the
// module is rewritten to declare at most the limit, and one that needs more at start is refused.
import { SETTINGS } from '../setup/settings-table';
import { leb, Reader } from './reader';

const MAX_PAGES = SETTINGS.maxPages.label;

export type CappedModule =
	{ ok: true; bytes: Uint8Array; changed: boolean } | { ok: false; message: string };

const MEMORY_SECTION = 5;
const HEADER = 8;
const PAGE = 64 * 1024;

const mib = (pages: number) => `${((pages * PAGE) / 1024 / 1024).toLocaleString('en-US')} MiB`;

/** The module with every memory it defines capped at `maxPages`; bytes already validated. */
export function capMemory(bytes: Uint8Array, maxPages: number): CappedModule {
	const r = new Reader(bytes, HEADER, bytes.length);
	while (!r.atEnd) {
		const start = r.pos;
		const id = r.byte();
		const size = r.u32();
		const body = r.pos;
		r.skip(size);
		if (id !== MEMORY_SECTION) continue;
		const m = new Reader(bytes, body, body + size);
		const count = m.u32();
		const out = leb(count);
		for (let i = 0; i < count; i++) {
			const flags = m.byte();
			// memory64 limits are 64-bit numbers this reader does not take; leave such a module alone.
			if (flags & 0x04) return { ok: true, bytes, changed: false };
			const min = m.u32();
			const max = flags & 0x01 ? m.u32() : null;
			if (min > maxPages) {
				return {
					ok: false,
					message: `This module declares ${min.toLocaleString('en-US')} pages (${mib(min)}) of memory at start, more than ${MAX_PAGES} (${maxPages.toLocaleString('en-US')}) allows. Raise ${MAX_PAGES} or clear it.`
				};
			}
			out.push(
				flags | 0x01,
				...leb(min),
				...leb(max === null ? maxPages : Math.min(max, maxPages))
			);
		}
		const section = [MEMORY_SECTION, ...leb(out.length), ...out];
		const result = new Uint8Array(start + section.length + (bytes.length - r.pos));
		result.set(bytes.subarray(0, start));
		result.set(section, start);
		result.set(bytes.subarray(r.pos), start + section.length);
		return { ok: true, bytes: result, changed: true };
	}
	return { ok: true, bytes, changed: false };
}
