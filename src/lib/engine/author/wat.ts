// WebAssembly text → module bytes, through wabt.
import { fromWabt } from './diagnostics';
import { WAT_FILE } from './files';
import type { BuildResult } from './protocol';

export type Wabt = Awaited<ReturnType<typeof import('wabt')>>;

export function buildWat(wabt: Wabt, text: string): BuildResult {
	const start = performance.now();
	let module: ReturnType<Wabt['parseWat']> | undefined;
	try {
		module = wabt.parseWat(WAT_FILE, text, { multi_value: true, bulk_memory: true });
		module.resolveNames();
		module.validate();
		const { buffer } = module.toBinary({ write_debug_names: true });
		return {
			ok: true,
			bytes: new Uint8Array(buffer),
			diagnostics: [],
			ms: performance.now() - start
		};
	} catch (e) {
		const diagnostics = fromWabt(e instanceof Error ? e.message : String(e), WAT_FILE);
		return {
			ok: false,
			diagnostics,
			ms: performance.now() - start,
			message: 'The WebAssembly text has errors.'
		};
	} finally {
		module?.destroy();
	}
}
