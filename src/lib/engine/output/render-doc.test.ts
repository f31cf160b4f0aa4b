import { describe, expect, it } from 'vitest';
import {
	documentUrl,
	MAX_RENDER_BYTES,
	RENDER_CSP,
	renderOutput,
	sandboxDocument
} from './render-doc';

const enc = (s: string) => new TextEncoder().encode(s);
const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${RENDER_CSP}">`;

describe('renderOutput', () => {
	it('puts its own CSP before anything of the output', async () => {
		const r = await renderOutput(enc('<script>alert(1)</script><p>x</p>'), 'html');
		expect(r.ok).toBe(true);
		const doc = (r as { doc: string }).doc;
		expect(doc.indexOf(CSP_META)).toBeGreaterThan(0);
		expect(doc.indexOf(CSP_META)).toBeLessThan(doc.indexOf('<script>'));
		expect(doc.endsWith('<script>alert(1)</script><p>x</p>')).toBe(true);
	});
	it('forbids scripts and network in that CSP', () => {
		expect(RENDER_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data: blob:");
		expect(sandboxDocument('')).toContain(CSP_META);
	});
	it('turns Markdown into HTML inside the same document', async () => {
		const r = await renderOutput(enc('# Title\n\n- one\n- **two**'), 'markdown');
		expect(r).toEqual({
			ok: true,
			doc: sandboxDocument(
				'<h1>Title</h1>\n<ul>\n<li>one</li>\n<li><strong>two</strong></li>\n</ul>\n'
			)
		});
	});
	it('refuses an output too large to render, saying the limit', async () => {
		const r = await renderOutput(new Uint8Array(MAX_RENDER_BYTES + 1), 'html');
		expect(r).toEqual({
			ok: false,
			message:
				'The output (2.0 MiB) is too large to render here (at most 2.0 MiB): download it instead.'
		});
	});
	it('draws an SVG only through an <img> of a data URL, named, inside the same sandbox', async () => {
		const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>';
		const r = await renderOutput(enc(svg), 'svg', 'SVG image output of "a<b>"');
		expect(r.ok).toBe(true);
		const doc = (r as { doc: string }).doc;
		expect(doc.startsWith(sandboxDocument(''))).toBe(true);
		expect(doc).toContain(`src="data:image/svg+xml;base64,${btoa(svg)}"`);
		expect(doc).toContain('alt="SVG image output of &quot;a&lt;b&gt;&quot;"');
		expect(doc).not.toContain('<script>');
	});
	it('refuses an SVG whose uses would draw too much, saying why', async () => {
		let defs = '<g id="l0"><rect/></g>';
		for (let i = 1; i <= 6; i++)
			defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
		const r = await renderOutput(enc(`<svg>${defs}<use href="#l6"/></svg>`), 'svg');
		expect(r).toEqual({
			ok: false,
			message:
				'This SVG repeats its shapes through <use> more than 100,000 times: drawing it could freeze the page, so it is not rendered. Read it as text or download it.'
		});
		const cyclic = await renderOutput(enc('<svg><g id="a"><use href="#a"/></g></svg>'), 'svg');
		expect(cyclic).toMatchObject({
			ok: false,
			message: expect.stringContaining('point back at themselves')
		});
	});
	it('gives the frame the document as a data: address, UTF-8 intact', async () => {
		const doc = sandboxDocument('<p>ünï ✓</p><a href="#x">x</a>');
		const url = documentUrl(doc);
		expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
		const bytes = Uint8Array.from(atob(url.split(',')[1]), (c) => c.charCodeAt(0));
		expect(new TextDecoder().decode(bytes)).toBe(doc);
	});
});
