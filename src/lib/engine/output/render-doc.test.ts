import { describe, expect, it } from 'vitest';
import { MAX_RENDER_BYTES, RENDER_CSP, renderOutput, sandboxDocument } from './render-doc';

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
});
