/**
 * Where each section of a module lies, without decoding any body: for readers that want only a few
 * sections (the debugger's name section, code bodies and DWARF) of a module that already compiled.
 */
import { Malformed, Reader } from './reader';

export interface SectionSpan {
	id: number;
	/** A custom section's name; undefined for the others. */
	name?: string;
	/** Offset of the contents in the module (for a custom section, after its name). */
	start: number;
	end: number;
}

const HEADER = 8;

/** Every section in file order. Throws `Malformed`/`OutOfData` on bytes that are not a module. */
export function listSections(bytes: Uint8Array): SectionSpan[] {
	if (bytes.length < HEADER || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73)
		throw new Malformed('it does not start with the WebAssembly magic number', 0);
	const spans: SectionSpan[] = [];
	const r = new Reader(bytes, HEADER, bytes.length);
	while (!r.atEnd) {
		const id = r.byte();
		const size = r.u32();
		const end = r.pos + size;
		if (end > bytes.length)
			throw new Malformed(`a section at byte ${r.pos} runs past the end`, r.pos);
		if (id === 0) {
			const body = new Reader(bytes, r.pos, end);
			const name = body.name();
			spans.push({ id, name, start: body.pos, end });
		} else spans.push({ id, start: r.pos, end });
		r.pos = end;
	}
	return spans;
}

const CODE = 10;

/** Where the code section's contents start (DWARF addresses count from there), or undefined. */
export function codeSectionStart(bytes: Uint8Array): number | undefined {
	return listSections(bytes).find((s) => s.id === CODE)?.start;
}
