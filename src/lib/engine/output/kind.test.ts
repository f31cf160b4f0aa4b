import { describe, expect, it } from 'vitest';
import { describeOutput } from './output';
import {
	brokenImageNote,
	classifyText,
	modesFor,
	preferredMode,
	sniffImage,
	type ContentKind
} from './kind';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: (number[] | string)[]) =>
	new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(enc(p)) : p)));

describe('sniffImage', () => {
	it('knows PNG, JPEG, GIF and WebP by their magic numbers', () => {
		expect(sniffImage(bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13]))).toBe('png');
		expect(sniffImage(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
		expect(sniffImage(bytes('GIF89a', [1, 0]))).toBe('gif');
		expect(sniffImage(bytes('GIF87a'))).toBe('gif');
		expect(sniffImage(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
	});
	it('refuses near misses and short files', () => {
		expect(sniffImage(bytes([0x89], 'PNG\r\n'))).toBeNull();
		expect(sniffImage(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeNull();
		expect(sniffImage(bytes('GIF88a'))).toBeNull();
		expect(sniffImage(new Uint8Array())).toBeNull();
	});
});

describe('classifyText', () => {
	it('tells SVG, also after an XML prolog and a comment', () => {
		expect(classifyText('<svg xmlns="http://www.w3.org/2000/svg"/>')).toBe('svg');
		expect(classifyText('\uFEFF<?xml version="1.0"?>\n<!-- made here -->\n<svg>')).toBe('svg');
	});
	it('tells HTML documents and fragments', () => {
		expect(classifyText('<!DOCTYPE html><title>x</title>')).toBe('html');
		expect(classifyText('  <html lang="en"></html>')).toBe('html');
		expect(classifyText('<img src=x onerror="1"><b>bold</b>')).toBe('html');
	});
	it('keeps XML and text with a stray bracket as text', () => {
		expect(classifyText('<note><to>me</to></note>')).toBe('text');
		expect(classifyText('a < b and <b> later')).toBe('text');
		expect(classifyText('hello world')).toBe('text');
	});
	it('tells Markdown by a heading or fence, or two other signs', () => {
		expect(classifyText('# Title\n\nSome text')).toBe('markdown');
		expect(classifyText('Code:\n```js\nx\n```')).toBe('markdown');
		expect(classifyText('See [the docs](https://x.y) and **this**.')).toBe('markdown');
		expect(classifyText('Only **bold** here.')).toBe('text');
		expect(classifyText('#hashtag is not a heading')).toBe('text');
	});
});

describe('describeOutput picks the content', () => {
	it('sees an image before trying UTF-8 (a GIF can decode as text)', () => {
		const gif = describeOutput(bytes('GIF89a', [1, 0, 1, 0]));
		expect(gif).toMatchObject({ kind: 'binary', content: 'gif', text: '' });
	});
	it('tells JSON, HTML, Markdown and plain binary', () => {
		expect(describeOutput(enc('{"a":1}')).content).toBe('json');
		expect(describeOutput(enc('<p>hi</p>')).content).toBe('html');
		expect(describeOutput(enc('## Hi')).content).toBe('markdown');
		expect(describeOutput(new Uint8Array([0xff, 0xfe, 0])).content).toBe('binary');
	});
});

describe('modes', () => {
	const cases: [ContentKind, string[], string][] = [
		['png', ['image', 'hex'], 'image'],
		['svg', ['text', 'image', 'hex'], 'text'],
		['json', ['text', 'json', 'hex'], 'json'],
		['html', ['text', 'html', 'markdown', 'hex'], 'html'],
		['markdown', ['text', 'html', 'markdown', 'hex'], 'markdown'],
		['text', ['text', 'html', 'markdown', 'hex'], 'text'],
		['binary', ['hex'], 'hex']
	];
	it.each(cases)('%s offers %j and shows %s first', (kind, modes, first) => {
		expect(modesFor(kind)).toEqual(modes);
		expect(preferredMode(kind)).toBe(first);
		expect(modesFor(kind)).toContain(preferredMode(kind));
	});
	it('names the format in the note for a broken image', () => {
		expect(brokenImageNote('png')).toBe(
			'This output starts like a PNG image, but the browser cannot show it (it may be damaged or cut short), so it is shown as hex.'
		);
	});
});
