// The plugin source a link or save carries (format 1's optional `code`): its language and text.
import { LANGUAGES, type Language } from '../author/protocol';
import { readObject, readOneOf, readString, SetupError } from './fields';
import { utf8Length, type Json } from '../util/validate';

export interface SetupCode {
	language: Language;
	text: string;
}

/** Source beyond this does not travel (a link of this much deflated source is still usable). */
export const MAX_CODE_BYTES = 64 * 1024;

export function readCode(value: unknown): SetupCode {
	const obj = readObject(value, 'the plugin source code');
	const language = readOneOf(obj.language, 'the source language', LANGUAGES);
	const text = readString(obj.text, 'the plugin source code', MAX_CODE_BYTES);
	if (utf8Length(text) > MAX_CODE_BYTES)
		throw new SetupError(`The plugin source is larger than ${MAX_CODE_BYTES / 1024} KiB.`);
	return { language, text };
}

export function writeCode(code: SetupCode): Json {
	return { language: code.language, text: code.text };
}
