// Vars set by hand in a link's JSON (format 1's optional `vars`): each as text when its bytes are
// UTF-8, else as base64, in order.
import { fromBase64, toBase64 } from '../util/base64';
import type { Json } from '../util/validate';
import type { SetupVar } from '../setup/setup';
import { readObject, readString, SetupError } from './fields';

export const VAR_LIMITS = { entries: 64, nameChars: 256, valueBytes: 64 * 1024 } as const;

const strict = new TextDecoder('utf-8', { fatal: true });

function asText(bytes: Uint8Array): string | null {
	try {
		return strict.decode(bytes);
	} catch {
		return null;
	}
}

export function writeVars(vars: readonly SetupVar[]): Json[] {
	return vars.map((v) => {
		const text = asText(v.value);
		return text === null ? { name: v.name, base64: toBase64(v.value) } : { name: v.name, text };
	});
}

/** Throws SetupError, naming the var, when anything is missing, mistyped, repeated or too large. */
export function readVars(value: unknown): SetupVar[] {
	if (!Array.isArray(value)) throw new SetupError('The vars in this link are not a list.');
	if (value.length > VAR_LIMITS.entries)
		throw new SetupError(`This link has more than ${VAR_LIMITS.entries} vars.`);
	const names = new Set<string>();
	return value.map((item, i) => {
		const obj = readObject(item, `var ${i + 1}`);
		const name = readString(obj.name, `the name of var ${i + 1}`, VAR_LIMITS.nameChars);
		if (!name) throw new SetupError(`Var ${i + 1} in this link has no name.`);
		if (names.has(name)) throw new SetupError(`The var "${name}" comes twice.`);
		names.add(name);
		const maxChars = Math.ceil((VAR_LIMITS.valueBytes * 4) / 3) + 4;
		let bytes: Uint8Array | null;
		if (obj.text !== undefined)
			bytes = new TextEncoder().encode(
				readString(obj.text, `the value of var "${name}"`, maxChars)
			);
		else {
			bytes = fromBase64(readString(obj.base64, `the value of var "${name}"`, maxChars));
			if (!bytes) throw new SetupError(`The var "${name}" in this link is damaged (not base64).`);
		}
		if (bytes.length > VAR_LIMITS.valueBytes)
			throw new SetupError(`The var "${name}" is larger than ${VAR_LIMITS.valueBytes / 1024} KiB.`);
		return { name, value: bytes };
	});
}
