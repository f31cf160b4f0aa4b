// The input as "Copy as code" writes it: typed text as a string, bytes spelled as hex or base64
// as decoded bytes (they may hold NULs, which no argument can), and an input file read by name.
import { encodeInput } from '../setup/input';
import { toBase64 } from '../util/base64';
import type { Setup } from '../setup/setup';

export type CodeInput =
	| { kind: 'none' }
	| { kind: 'text'; text: string }
	| { kind: 'bytes'; base64: string }
	| { kind: 'file'; name: string };

export function codeInput(setup: Setup): CodeInput {
	if (setup.inputFile) return { kind: 'file', name: setup.inputFile.name };
	if (setup.inputEncoding) {
		const r = encodeInput(setup.input, setup.inputEncoding);
		// Misspelt input cannot run here either; the code then carries it as the text it is.
		if (r.ok) return { kind: 'bytes', base64: toBase64(r.bytes) };
	}
	return setup.input === '' ? { kind: 'none' } : { kind: 'text', text: setup.input };
}

/** Around `extism call …`: what goes before it (a pipe), after its words, and after the command. */
export function cliInput(
	input: CodeInput,
	quote: (word: string) => string
): { pipe: string; words: string[]; redirect: string } {
	// No argument can hold a NUL byte: text with one is piped in as the bytes it is.
	if (input.kind === 'text' && input.text.includes('\0'))
		return cliInput(
			{ kind: 'bytes', base64: toBase64(new TextEncoder().encode(input.text)) },
			quote
		);
	if (input.kind === 'text')
		return { pipe: '', words: ['--input', quote(input.text)], redirect: '' };
	if (input.kind === 'bytes')
		return { pipe: `printf %s ${input.base64} | base64 -d | `, words: ['--stdin'], redirect: '' };
	if (input.kind === 'file')
		return { pipe: '', words: ['--stdin'], redirect: ` < ${quote(input.name)}` };
	return { pipe: '', words: [], redirect: '' };
}

/** The call's input argument in JavaScript, with the lines it needs first. */
export function jsInput(
	input: CodeInput,
	str: (text: string) => string
): { before: string[]; arg: string } {
	if (input.kind === 'text') return { before: [], arg: `, ${str(input.text)}` };
	if (input.kind === 'bytes')
		return {
			before: [],
			arg: `, Uint8Array.from(atob('${input.base64}'), (c) => c.charCodeAt(0))`
		};
	if (input.kind === 'file')
		return {
			before: [
				'// In Node and Deno; in a browser, take the bytes from an <input type=file> instead.',
				"import { readFile } from 'node:fs/promises';",
				''
			],
			arg: `, await readFile(${str(input.name)})`
		};
	return { before: [], arg: '' };
}

/** The call's input argument in Python, with the imports it needs. */
export function pyInput(input: CodeInput): { imports: string[]; arg: string } {
	if (input.kind === 'bytes')
		return { imports: ['import base64'], arg: `base64.b64decode("${input.base64}")` };
	if (input.kind === 'file')
		return { imports: [], arg: `open(${JSON.stringify(input.name)}, "rb").read()` };
	return { imports: [], arg: JSON.stringify(input.kind === 'text' ? input.text : '') };
}
