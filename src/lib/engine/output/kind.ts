// What a plugin's output is, judged from its bytes: magic numbers first, then UTF-8 text and its
// shape (JSON, SVG, HTML, Markdown). It only picks the view shown first; the person may switch,
// and nothing is rendered from it without their asking (HTML, Markdown, SVG) or outside an <img>.

export type ContentKind =
	'png' | 'jpeg' | 'gif' | 'webp' | 'svg' | 'html' | 'markdown' | 'json' | 'text' | 'binary';

/** The views of the "Output format" group, in the order they are offered. */
export type OutputMode = 'text' | 'json' | 'image' | 'html' | 'markdown' | 'hex';
export const MODE_ORDER: readonly OutputMode[] = [
	'text',
	'json',
	'image',
	'html',
	'markdown',
	'hex'
];
export const MODE_LABELS: Record<OutputMode, string> = {
	text: 'Text',
	json: 'JSON',
	image: 'Image',
	html: 'HTML',
	markdown: 'Markdown',
	hex: 'Hex'
};

/** MIME type and file extension, so a download keeps its type. */
export const CONTENT_TYPES: Record<ContentKind, { mime: string; ext: string; name: string }> = {
	png: { mime: 'image/png', ext: 'png', name: 'PNG image' },
	jpeg: { mime: 'image/jpeg', ext: 'jpg', name: 'JPEG image' },
	gif: { mime: 'image/gif', ext: 'gif', name: 'GIF image' },
	webp: { mime: 'image/webp', ext: 'webp', name: 'WebP image' },
	svg: { mime: 'image/svg+xml', ext: 'svg', name: 'SVG image' },
	html: { mime: 'text/html', ext: 'html', name: 'HTML' },
	markdown: { mime: 'text/markdown', ext: 'md', name: 'Markdown' },
	json: { mime: 'application/json', ext: 'json', name: 'JSON' },
	text: { mime: 'text/plain', ext: 'txt', name: 'text' },
	binary: { mime: 'application/octet-stream', ext: 'bin', name: 'binary' }
};

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
	bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);

const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** A raster image format by its magic number, or null. */
export function sniffImage(bytes: Uint8Array): 'png' | 'jpeg' | 'gif' | 'webp' | null {
	if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
	if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
	return null;
}

const HTML_START = /^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const HTML_TAG =
	/<(?:a|b|i|p|br|hr|em|strong|div|span|img|table|tr|td|ul|ol|li|h[1-6]|script|style|form|section|article|main|nav|header|footer|meta|link|iframe|pre|code|button|input)[\s/>]/i;

/** The shape of UTF-8 text (JSON is told apart by a real parse, in output.ts). */
export function classifyText(text: string): 'svg' | 'html' | 'markdown' | 'text' {
	const t = text.replace(/^\uFEFF/, '').trimStart();
	const head = t.slice(0, 4096);
	// An XML prolog, comments or a doctype may stand before <svg.
	if (/^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!doctype svg[^>]*>\s*)*<svg[\s>]/i.test(head))
		return 'svg';
	if (HTML_START.test(head)) return 'html';
	if (head.startsWith('<') && HTML_TAG.test(head) && t.trimEnd().endsWith('>')) return 'html';
	if (looksLikeMarkdown(head)) return 'markdown';
	return 'text';
}

/** A heading or a code fence alone is enough; otherwise two different Markdown signs. */
function looksLikeMarkdown(text: string): boolean {
	if (/^#{1,6} \S/m.test(text) || /^```/m.test(text)) return true;
	const signs = [
		/\[[^\]\n]+\]\([^)\s]+\)/, // [link](url)
		/\*\*[^*\n]+\*\*|__[^_\n]+__/, // **bold**
		/^(?:[-*+]|\d+\.) \S.*\n(?:[-*+]|\d+\.) \S/m, // a list of two items
		/^> \S/m, // a quote
		/^\|.*\|\s*\n\|[\s:|-]+\|/m // a table
	];
	return signs.filter((re) => re.test(text)).length >= 2;
}

/** The views that apply to an output of this kind; every text can also be read as HTML or Markdown. */
export function modesFor(kind: ContentKind): OutputMode[] {
	switch (kind) {
		case 'png':
		case 'jpeg':
		case 'gif':
		case 'webp':
			return ['image', 'hex'];
		case 'svg':
			return ['text', 'image', 'hex'];
		case 'json':
			return ['text', 'json', 'hex'];
		case 'html':
		case 'markdown':
		case 'text':
			return ['text', 'html', 'markdown', 'hex'];
		case 'binary':
			return ['hex'];
	}
}

/**
 * The view shown first for an output of this kind. SVG starts as text, like HTML: drawing one can
 * take the browser forever (uses of uses), so it is drawn only on Render.
 */
export function preferredMode(kind: ContentKind): OutputMode {
	if (kind === 'json' || kind === 'html' || kind === 'markdown') return kind;
	if (kind === 'binary') return 'hex';
	if (kind === 'text' || kind === 'svg') return 'text';
	return 'image';
}

/** Said when the browser cannot decode an output that starts like an image. */
export function brokenImageNote(kind: ContentKind): string {
	return `This output starts like a ${CONTENT_TYPES[kind].name}, but the browser cannot show it (it may be damaged or cut short), so it is shown as hex.`;
}
