// AssemblyScript → module bytes, through asc's API on the in-memory file map.
import { fromAsc, type AscDiagnostic, type Diagnostic } from './diagnostics';
import { AS_FILE, OUT_FILE, SOURCE_MAP_FILE, asFiles, ascArgs, readFrom } from './files';
import type { BuildResult } from './protocol';

type Asc = typeof import('assemblyscript/asc');

function sink() {
	const chunks: string[] = [];
	return {
		write(chunk: Uint8Array | string) {
			chunks.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
		},
		toString: () => chunks.join('')
	};
}

export async function buildAs(asc: Asc, text: string): Promise<BuildResult> {
	const start = performance.now();
	const files = asFiles(text);
	const diagnostics: Diagnostic[] = [];
	let bytes: Uint8Array | null = null;
	let sourceMap: string | undefined;
	const stderr = sink();
	let result: Awaited<ReturnType<Asc['main']>>;
	try {
		result = await asc.main(ascArgs(), {
			stdout: sink(),
			stderr,
			readFile: (name) => readFrom(files, name),
			writeFile: (name, contents) => {
				if (name === OUT_FILE && typeof contents !== 'string') bytes = contents;
				if (name === SOURCE_MAP_FILE && typeof contents === 'string') sourceMap = contents;
			},
			listFiles: () => [],
			reportDiagnostic: (d) =>
				diagnostics.push(
					fromAsc(d as unknown as AscDiagnostic, AS_FILE, (path) => readFrom(files, path))
				)
		});
	} catch (e) {
		// asc ends a failed compile by calling process.exit, which throws "exit 1" in a browser: the
		// reason is what it wrote to stderr before that.
		const thrown = e instanceof Error ? e.message : String(e);
		const said = stderr.toString().trim();
		const reason = said || (/^exit \d+$/.test(thrown) ? 'it stopped without saying why' : thrown);
		return {
			ok: false,
			diagnostics: [
				...diagnostics,
				{ severity: 'error', message: `The compiler failed: ${reason}` }
			],
			ms: performance.now() - start,
			message: 'The AssemblyScript compiler failed.'
		};
	}
	const ms = performance.now() - start;
	if (result.error || !bytes) {
		if (!diagnostics.some((d) => d.severity === 'error'))
			diagnostics.push({
				severity: 'error',
				message:
					result.error?.message ?? (stderr.toString().trim() || 'The compiler wrote no module.')
			});
		return { ok: false, diagnostics, ms, message: 'The AssemblyScript has errors.' };
	}
	return { ok: true, bytes, diagnostics, ms, ...(sourceMap && { sourceMap }) };
}
