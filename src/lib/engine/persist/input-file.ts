// The input file and input encoding in a link's JSON (optional fields of format 1), and the rule
// that keeps a large input file out of a link: the same limit as an embedded plugin.
import { formatBytes } from '../output/output';
import { fromBase64, toBase64 } from '../util/base64';
import { readObject, readOneOf, readString, SetupError } from './fields';
import type { Setup, SetupInputFile } from '../setup/setup';
import type { Json } from '../util/validate';

const ENCODINGS = ['hex', 'base64'] as const;

/** Read into the setup in place; links without these fields read as before. */
export function readInputFields(obj: Json, setup: Setup) {
	if (obj.inputEncoding !== undefined)
		setup.inputEncoding = readOneOf(obj.inputEncoding, 'the input encoding', ENCODINGS);
	if (obj.inputFile === undefined) return;
	const f = readObject(obj.inputFile, 'the input file');
	const name = readString(f.name, 'the input file name', 256);
	if (!/^[^\p{Cc}]+$/u.test(name)) throw new SetupError('The input file name is empty or invalid.');
	const type = readString(f.type, 'the input file type', 256);
	if (f.data === undefined) {
		setup.inputFile = { name, type, data: null };
		return;
	}
	const data = fromBase64(readString(f.data, 'the input file data', 4 * 1024 * 1024));
	if (!data) throw new SetupError('The input file in this link is damaged (not base64).');
	setup.inputFile = { name, type, data };
}

export function writeInputFields(setup: Setup, json: Json) {
	if (setup.inputEncoding) json.inputEncoding = setup.inputEncoding;
	const f = setup.inputFile;
	if (f)
		json.inputFile = f.data
			? { name: f.name, type: f.type, data: toBase64(f.data) }
			: { name: f.name, type: f.type };
}

/** An input file over `limit` bytes stays behind (its name travels); the note says so. */
export function trimInputFile(setup: Setup, limit: number): { setup: Setup; note?: string } {
	const f = setup.inputFile;
	if (!f?.data || f.data.length <= limit) return { setup };
	const behind: SetupInputFile = { ...f, data: null };
	return {
		setup: { ...setup, inputFile: behind },
		note: `The input file "${f.name}" (${formatBytes(f.data.length)}) is too large to travel in a link (limit ${formatBytes(limit)}): whoever opens it must load it again as the input file.`
	};
}
