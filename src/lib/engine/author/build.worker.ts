// The build worker: compiles AssemblyScript (asc) and WebAssembly text (wabt) off the page's thread.
// Each compiler is imported on first need (or on "preload" of its language) and then stays warm.
import { buildAs } from './asc';
import type { BuildRequest, BuildResponse, BuildResult } from './protocol';
import { printWat } from './print';
import { buildWat, WabtSlot, type Wabt } from './wat';

let asc: Promise<typeof import('assemblyscript/asc')> | undefined;
const wabt = new WabtSlot(() => import('wabt').then((m) => m.default()));

const loadAsc = () => (asc ??= import('assemblyscript/asc'));
const loadWabt = () => wabt.get();

const NAMES = { assemblyscript: 'AssemblyScript compiler', wat: 'WebAssembly text parser' };
const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function build(req: Extract<BuildRequest, { type: 'build' }>): Promise<BuildResult> {
	const start = performance.now();
	const failed = (message: string, reload = false): BuildResult => ({
		ok: false,
		diagnostics: [{ severity: 'error', message }],
		ms: performance.now() - start,
		message,
		reload
	});
	let compiler: Awaited<ReturnType<typeof loadAsc>> | Wabt;
	try {
		compiler = await (req.language === 'wat' ? loadWabt() : loadAsc());
	} catch (e) {
		const name = NAMES[req.language];
		return failed(
			`The ${name} did not load (${why(e)}). Check the connection and build again.`,
			true
		);
	}
	try {
		if (req.language === 'wat')
			return await wabt.use(
				(w) => buildWat(w, req.text),
				(m) => failed(m)
			);
		const r = await buildAs(compiler as Awaited<ReturnType<typeof loadAsc>>, req.text);
		// Report the whole wait, including a cold compiler load.
		return { ...r, ms: performance.now() - start };
	} catch (e) {
		return failed(`The compiler failed: ${why(e)}`);
	}
}

self.onmessage = async (e: MessageEvent<BuildRequest>) => {
	const req = e.data;
	if (req.type === 'preload') {
		void (req.language === 'wat' ? loadWabt() : loadAsc()).catch(() => {});
		return;
	}
	if (req.type === 'print') {
		const result = await wabt
			.use(
				(w) => printWat(w, req.bytes),
				(message) => ({ ok: false as const, message })
			)
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
