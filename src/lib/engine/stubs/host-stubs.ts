/**
 * Stand-ins for the host functions a plugin imports from its own host app (`extism:host/user`,
 * other namespaces), so that it loads and runs here. Runs inside the plugin worker.
 *
 * A default stub does nothing and returns zero of its result type. A custom stub is the body of a
 * JS function `(args, host)` written by the person; `host` reads and writes Extism memory handles.
 * A stub whose code does not compile is reported in `errors` and throws that same message when
 * the plugin calls it, rather than quietly acting as a default stub: the person should see that
 * their code did not run.
 */
import type { CallContext } from '@extism/extism';
import { checkedResults, formatValue, logText, zeroOf } from './values';
import type { ValType } from '../wasm/types';

export interface StubSpec {
	module: string;
	name: string;
	params: ValType[];
	results: ValType[];
	/** Body of a JS function `(args, host)`; undefined or blank = default stub. */
	code?: string;
}

export interface HostCall {
	module: string;
	name: string;
	/** i64 as decimal, other types as numbers. */
	args: string[];
	/** Formatted like args; '' when the function has no result or the stub threw. */
	result: string;
	error?: string;
	/** What the stub passed to host.log, one line per call of it. */
	logs?: string[];
	ms: number;
}

/** The helpers custom stub code receives as `host`. */
export interface StubHost {
	readText(handle: bigint | number): string | null;
	readJson(handle: bigint | number): unknown;
	readBytes(handle: bigint | number): Uint8Array | null;
	text(value: string): bigint;
	json(value: unknown): bigint;
	bytes(value: Uint8Array): bigint;
	log(...values: unknown[]): void;
}

export type HostFunction = (ctx: CallContext, ...args: unknown[]) => unknown;
type StubBody = (args: unknown[], host: StubHost) => unknown;

export interface StubError {
	module: string;
	name: string;
	message: string;
}

/** Namespaces the SDK fills itself: a stub there would replace the kernel or never be used. */
const RESERVED = ['extism:host/env', 'wasi_snapshot_preview1', 'wasi_unstable'];
/** Types a JS function cannot take or return at the wasm boundary. */
const UNSTUBBABLE = ['v128'];

export const stubLabel = (spec: { module: string; name: string }) => `${spec.module}::${spec.name}`;
export const isCustom = (spec: StubSpec) => spec.code !== undefined && spec.code.trim() !== '';

export function buildHostFunctions(
	specs: StubSpec[],
	onCall: (call: HostCall) => void
): { functions: Record<string, Record<string, HostFunction>>; errors: StubError[] } {
	const functions: Record<string, Record<string, HostFunction>> = {};
	const errors: StubError[] = [];
	const seen = new Set<string>();
	for (const spec of specs) {
		const label = stubLabel(spec);
		const fail = (message: string) =>
			errors.push({ module: spec.module, name: spec.name, message });
		if (RESERVED.includes(spec.module)) {
			fail(`${label} is provided by the Extism runtime and cannot be stubbed.`);
			continue;
		}
		const bad = [...spec.params, ...spec.results].find((t) => UNSTUBBABLE.includes(t));
		if (bad) {
			fail(`${label} uses ${bad}, which JavaScript cannot pass, so it cannot be stubbed.`);
			continue;
		}
		if (seen.has(label)) fail(`${label} is stubbed twice; the last stub is used.`);
		seen.add(label);
		const body = compile(spec, fail);
		(functions[spec.module] ??= {})[spec.name] = hostFunction(spec, body, onCall);
	}
	return { functions, errors };
}

/** Compiles custom code; a syntax error becomes a body that throws the same message. */
function compile(spec: StubSpec, fail: (message: string) => void): StubBody {
	if (!isCustom(spec)) {
		const zero = spec.results.map(zeroOf);
		return () => (zero.length > 1 ? zero : zero[0]);
	}
	try {
		return new Function('args', 'host', spec.code ?? '') as StubBody;
	} catch (err) {
		// Anything but a SyntaxError here is the environment refusing eval (a CSP without
		// 'unsafe-eval' applied to the worker), which must not read as the person's mistake.
		const problem = err instanceof SyntaxError ? 'has a syntax error' : 'could not be compiled';
		const message = `Stub for ${stubLabel(spec)} ${problem}: ${messageOf(err)}`;
		fail(message);
		return () => {
			throw new Error(message);
		};
	}
}

function hostFunction(
	spec: StubSpec,
	body: StubBody,
	onCall: (call: HostCall) => void
): HostFunction {
	const custom = isCustom(spec);
	return (ctx, ...args) => {
		const started = performance.now();
		const logs: string[] = [];
		const record = (result: string, error?: string) =>
			onCall({
				module: spec.module,
				name: spec.name,
				args: args.map(formatValue),
				result,
				...(error === undefined ? {} : { error }),
				...(logs.length > 0 ? { logs } : {}),
				ms: performance.now() - started
			});
		try {
			const raw = body(args, custom ? hostHelpers(ctx, logs) : NO_HELPERS);
			const values = checkedResults(spec, raw);
			record(values.map(formatValue).join(', '));
			return values.length > 1 ? values : values[0];
		} catch (err) {
			record('', messageOf(err));
			throw err;
		}
	};
}

/** Default stubs never touch `host`; this keeps them from allocating helpers on every call. */
const NO_HELPERS = {} as StubHost;

function hostHelpers(ctx: CallContext, logs: string[]): StubHost {
	const read = (handle: bigint | number) => (BigInt(handle) === 0n ? null : ctx.read(handle));
	return {
		readText: (handle) => read(handle)?.text() ?? null,
		readJson: (handle) => {
			const out = read(handle);
			return out === null ? null : out.json();
		},
		readBytes: (handle) => read(handle)?.bytes() ?? null,
		text: (value) => ctx.store(String(value)),
		json: (value) => ctx.store(JSON.stringify(value) ?? 'null'),
		bytes: (value) => ctx.store(value),
		log: (...values) => logs.push(values.map(logText).join(' '))
	};
}

function messageOf(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

/** One line for the console: 'Stubbed host functions: m::a (default), m::b (custom)'; '' if none. */
export function describeStubs(specs: StubSpec[]): string {
	if (specs.length === 0) return '';
	const parts = specs.map((s) => `${stubLabel(s)} (${isCustom(s) ? 'custom' : 'default'})`);
	return `Stubbed host functions: ${parts.join(', ')}`;
}

export { STUB_TEMPLATE } from './template';
