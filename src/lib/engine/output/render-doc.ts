// HTML and Markdown output, made into a document for a sandboxed <iframe srcdoc>. Output is
// untrusted: the frame has no `allow-scripts`, and the document carries its own CSP as its first
// element, so nothing in it can run or fetch, whatever the page's own policy allows.
import { formatBytes } from './output';

/** No network, no scripts; inline styles and images made from data only. */
export const RENDER_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:";

/** Rendering parses the whole output; beyond this a download is the better way to read it. */
export const MAX_RENDER_BYTES = 2 * 1024 * 1024;

export type RenderAs = 'html' | 'markdown';
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

export async function renderOutput(bytes: Uint8Array, as: RenderAs): Promise<Rendered> {
	if (bytes.length > MAX_RENDER_BYTES)
		return {
			ok: false,
			message: `The output (${formatBytes(bytes.length)}) is too large to render here (at most ${formatBytes(MAX_RENDER_BYTES)}): download it instead.`
		};
	const text = new TextDecoder().decode(bytes);
	return { ok: true, doc: sandboxDocument(as === 'html' ? text : await markdownToHtml(text)) };
}
