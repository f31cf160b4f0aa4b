// HTML and Markdown output, made into a document for a sandboxed <iframe srcdoc>. Output is
// untrusted: the frame has no `allow-scripts`, and the document carries its own CSP as its first
// element, so nothing in it can run or fetch, whatever the page's own policy allows.
import { formatBytes } from '../util/format';
import { toBase64 } from '../util/base64';
import { countUseShapes, MAX_SVG_USE_SHAPES, type UseCount } from './svg-uses';

/** No network, no scripts; inline styles and images made from data only. */
export const RENDER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:";

/** Rendering parses the whole output; beyond this a download is the better way to read it. */
export const MAX_RENDER_BYTES = 2 * 1024 * 1024;

/** An SVG is drawn by an <img> inside the same sandboxed document, never by the page itself. */
export type RenderAs = 'html' | 'markdown' | 'svg';
export type Rendered = { ok: true; doc: string } | { ok: false; message: string };

/** The output as a document; a policy (CSP) only ever adds restrictions, so the output's own cannot loosen this one. */
export function sandboxDocument(html: string): string {
	return `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${RENDER_CSP}">${html}`;
}

export async function markdownToHtml(markdown: string): Promise<string> {
	// Loaded on the first render only: most sessions never render Markdown.
	const { marked } = await import('marked');
	return marked.parse(markdown, { async: false, gfm: true });
}

/**
 * The document as the frame's address. A `srcdoc` document resolves links against the page's own
 * address, so a `#part` link loaded the playground into the frame; in a data: document it moves
 * within the document, as in any page.
 */
export function documentUrl(doc: string): string {
	return `data:text/html;charset=utf-8;base64,${toBase64(new TextEncoder().encode(doc))}`;
}

const attr = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function svgRefusal(count: Exclude<UseCount, { ok: true; shapes: number }> | null): string {
	const why =
		count === null
			? `repeats its shapes through <use> more than ${MAX_SVG_USE_SHAPES.toLocaleString('en')} times`
			: count.reason === 'cycle'
				? 'repeats its shapes through <use> elements that point back at themselves'
				: 'nests its elements, or repeats its shapes through <use>, deeper than any drawing needs';
	return `This SVG ${why}: drawing it could freeze the page, so it is not rendered. Read it as text or download it.`;
}

/** The SVG drawn through an <img> (no script, no fetch), unless its uses would draw too much. */
function svgDocument(bytes: Uint8Array, text: string, label: string): Rendered {
	const count = countUseShapes(text);
	if (!count.ok) return { ok: false, message: svgRefusal(count) };
	if (count.shapes > MAX_SVG_USE_SHAPES) return { ok: false, message: svgRefusal(null) };
	const src = `data:image/svg+xml;base64,${toBase64(bytes)}`;
	return {
		ok: true,
		doc: sandboxDocument(
			`<style>body{margin:0}img{max-width:100%}</style><img src="${src}" alt="${attr(label)}">`
		)
	};
}

/** `label` names an SVG's image for assistive technology. */
export async function renderOutput(
	bytes: Uint8Array,
	as: RenderAs,
	label = 'Output'
): Promise<Rendered> {
	if (bytes.length > MAX_RENDER_BYTES)
		return {
			ok: false,
			message: `The output (${formatBytes(bytes.length)}) is too large to render here (at most ${formatBytes(MAX_RENDER_BYTES)}): download it instead.`
		};
	const text = new TextDecoder().decode(bytes);
	if (as === 'svg') return svgDocument(bytes, text, label);
	return { ok: true, doc: sandboxDocument(as === 'html' ? text : await markdownToHtml(text)) };
}
