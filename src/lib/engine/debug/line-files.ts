// The file tables of a DWARF line program's header: DWARF 5's directory and file entries, each a
// list of (content type, form) values whose strings may sit in `.debug_str` or `.debug_line_str`,
// and the joining of a file to its directory that every version needs (line-table.ts).
import { Reader } from '../wasm/reader';

const DW_LNCT_path = 1;
const DW_LNCT_directory_index = 2;

export interface StringSections {
	/** `.debug_str`, for DW_FORM_strp paths (DWARF 5). */
	str?: Uint8Array;
	/** `.debug_line_str`, for DW_FORM_line_strp paths (DWARF 5). */
	lineStr?: Uint8Array;
}

export class UnknownForm extends Error {}

function stringAt(section: Uint8Array | undefined, offset: number): string | undefined {
	if (!section || offset >= section.length) return undefined;
	return new Reader(section, offset, section.length).cstring();
}

/** A DWARF 5 attribute value: strings for the string forms, numbers for the others. */
function formValue(
	r: Reader,
	form: number,
	offsetSize: 4 | 8,
	strings: StringSections
): string | number | undefined {
	switch (form) {
		case 0x08: // DW_FORM_string
			return r.cstring();
		case 0x0e: // DW_FORM_strp
			return stringAt(strings.str, r.fixed(offsetSize));
		case 0x1f: // DW_FORM_line_strp
			return stringAt(strings.lineStr, r.fixed(offsetSize));
		case 0x0b: // DW_FORM_data1
			return r.fixed(1);
		case 0x05: // DW_FORM_data2
			return r.fixed(2);
		case 0x06: // DW_FORM_data4
			return r.fixed(4);
		case 0x07: // DW_FORM_data8
			return r.fixed(8);
		case 0x0f: // DW_FORM_udata
			return r.unsigned(64);
		case 0x1e: // DW_FORM_data16 (an MD5 checksum)
			r.skip(16);
			return undefined;
		case 0x09: // DW_FORM_block
			r.skip(r.unsigned(64));
			return undefined;
		case 0x0a: // DW_FORM_block1
			r.skip(r.byte());
			return undefined;
		default:
			// DW_FORM_strx* need .debug_str_offsets and the unit's base: not produced for wasm today.
			throw new UnknownForm(`form 0x${form.toString(16)}`);
	}
}

/** DWARF 5 directory or file entries: each a list of (content type, form) values. */
export function entries(
	r: Reader,
	offsetSize: 4 | 8,
	strings: StringSections
): { path?: string; dir: number }[] {
	const formats: [number, number][] = [];
	for (let n = r.byte(); n > 0; n--) formats.push([r.unsigned(64), r.unsigned(64)]);
	const out: { path?: string; dir: number }[] = [];
	for (let n = r.unsigned(64); n > 0; n--) {
		const entry: { path?: string; dir: number } = { dir: 0 };
		for (const [type, form] of formats) {
			const v = formValue(r, form, offsetSize, strings);
			if (type === DW_LNCT_path && typeof v === 'string') entry.path = v;
			else if (type === DW_LNCT_directory_index && typeof v === 'number') entry.dir = v;
		}
		out.push(entry);
	}
	return out;
}

export function join(dir: string | undefined, name: string): string {
	if (!dir || name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)) return name;
	return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}
