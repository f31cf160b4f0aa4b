// Reading a test plugin before it runs: which harness imports it uses and whether their
// signatures are ones `xtp plugin test` knows, from the inspector's view of its imports.
import type { FuncSig, ModuleInfo } from '../../wasm/inspect';
import { HARNESS_MODULE } from './harness';

/** The function a test plugin exports for the runner to call, as the xtp CLI calls it. */
export const TEST_EXPORT = 'test';

/** Why test plugins cannot run here: said on the page, and by the worker should one try anyway. */
export const NO_JSPI_MESSAGE =
	'Test plugins need JSPI (WebAssembly.Suspending), so that a test can wait while the plugin under test runs, and this browser does not have it. Use a current Chromium or Firefox.';

const I64 = 'i64' as const;
/** Every harness import and the signatures accepted for it (assert has an older 2-argument form). */
const SIGNATURES: Record<string, FuncSig[]> = {
	call: [{ params: [I64, I64], results: [I64] }],
	time: [{ params: [I64, I64], results: [I64] }],
	assert: [
		{ params: [I64, I64, I64], results: [] },
		{ params: [I64, I64], results: [] }
	],
	group: [{ params: [I64], results: [] }],
	reset: [{ params: [], results: [] }],
	mock_input: [{ params: [], results: [I64] }]
};

export type TestPluginCheck =
	| {
			ok: true;
			/** Harness functions it imports; none means it cannot make assertions. */
			uses: string[];
			assertArity: 2 | 3;
			useWasi: boolean;
	  }
	| { ok: false; message: string };

const sigText = (s: FuncSig) => `(${s.params.join(', ')}) → (${s.results.join(', ')})`;
const same = (a: FuncSig, b: FuncSig) =>
	a.params.join() === b.params.join() && a.results.join() === b.results.join();

export function checkTestPlugin(info: ModuleInfo): TestPluginCheck {
	if (!info.callable.includes(TEST_EXPORT))
		return {
			ok: false,
			message: `It exports no function "${TEST_EXPORT}" (with the Extism signature () → i32), which the test runner calls.`
		};
	const harness = info.imports.host.filter((i) => i.module === HARNESS_MODULE);
	let assertArity: 2 | 3 = 3;
	for (const imp of harness) {
		const known = SIGNATURES[imp.name];
		if (!known)
			return {
				ok: false,
				message: `It imports "${imp.name}" from ${HARNESS_MODULE}, which the test harness does not have (it has ${Object.keys(SIGNATURES).join(', ')}).`
			};
		const sig = imp.signature;
		if (imp.kind !== 'function' || !sig || !known.some((k) => same(k, sig)))
			return {
				ok: false,
				message: `Its import ${HARNESS_MODULE} "${imp.name}" has the signature ${sig ? sigText(sig) : imp.kind}, but the harness provides ${known.map(sigText).join(' or ')}.`
			};
		if (imp.name === 'assert') assertArity = sig.params.length === 2 ? 2 : 3;
	}
	const other = info.imports.host.find((i) => i.module !== HARNESS_MODULE);
	if (other)
		return {
			ok: false,
			message: `It imports "${other.name}" from "${other.module}", which a test plugin cannot have: only ${HARNESS_MODULE}, the Extism kernel and WASI are provided.`
		};
	return { ok: true, uses: harness.map((i) => i.name), assertArity, useWasi: info.usesWasi };
}
