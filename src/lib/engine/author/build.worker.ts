// The build worker: compiles AssemblyScript (asc) and WebAssembly text (wabt) off the page's thread.
// Each compiler is imported on first need (or on "preload") and then stays warm.
import { buildAs } from './asc';
import type { BuildRequest, BuildResponse, BuildResult } from './protocol';
import { printWat } from './print';
import { buildWat, type Wabt } from './wat';

let asc: Promise<typeof import('assemblyscript/asc')> | undefined;
let wabt: Promise<Wabt> | undefined;

const loadAsc = () => (asc ??= import('assemblyscript/asc'));
const loadWabt = () => (wabt ??= import('wabt').then((m) => m.default()));

async function build(req: Extract<BuildRequest, { type: 'build' }>): Promise<BuildResult> {
	const start = performance.now();
	try {
		if (req.language === 'wat') return buildWat(await loadWabt(), req.text);
		const r = await buildAs(await loadAsc(), req.text);
		// Report the whole wait, including a cold compiler load.
		return { ...r, ms: performance.now() - start };
	} catch (e) {
		const message = `The compiler failed: ${e instanceof Error ? e.message : String(e)}`;
		return {
			ok: false,
			diagnostics: [{ severity: 'error', message }],
			ms: performance.now() - start,
			message
		};
	}
}

self.onmessage = async (e: MessageEvent<BuildRequest>) => {
	const req = e.data;
	if (req.type === 'preload') {
		void loadWabt().catch(() => {});
		void loadAsc().catch(() => {});
		return;
	}
	if (req.type === 'print') {
		const result = await loadWabt()
			.then((w) => printWat(w, req.bytes))
			.catch((e: unknown) => ({ ok: false as const, message: `wabt did not load: ${String(e)}` }));
		const printed: BuildResponse = { type: 'printed', id: req.id, result };
		(self as unknown as Worker).postMessage(printed);
		return;
	}
	const result = await build(req);
	const msg: BuildResponse = { type: 'built', id: req.id, result };
	const transfer = result.ok ? [result.bytes.buffer as ArrayBuffer] : [];
	(self as unknown as Worker).postMessage(msg, transfer);
};
