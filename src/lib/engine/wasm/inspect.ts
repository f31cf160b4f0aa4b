/**
 * Inspects a WebAssembly file before anything runs: what it imports and exports, which functions an
 * Extism host can call, and — when it is not a loadable core module — why, in words for people.
 */
import { notWasmHint } from './hints';
import { sha256Once } from './sha256';
import { parseModule, type ExternKind, type RawModule } from './module';
import type { FuncSig, ValType } from './types';

export type { ExternKind, FuncSig, ValType };

export interface ImportInfo {
	module: string;
	name: string;
	kind: ExternKind;
	signature?: FuncSig;
}
export interface ExportInfo {
	name: string;
	kind: ExternKind;
	signature?: FuncSig;
}
export interface ModuleInfo {
	ok: true;
	size: number;
	/** Absent when the caller hashes the bytes itself, later (see `hash: false`). */
	sha256?: string;
	exports: ExportInfo[];
	/** Exported functions an Extism host can call: no params, result () or (i32); excluding _start, _initialize, and names starting with "__" */
	callable: string[];
	imports: { extism: ImportInfo[]; wasi: ImportInfo[]; host: ImportInfo[] };
	hasExtismAbi: boolean;
	usesWasi: boolean;
	/** Imports env.extism_* (plugins built before Extism 1.0). */
	legacyAbi: boolean;
	hasStart: boolean;
	exportsMemory: boolean;
	warnings: string[];
}
export type FailureReason =
	'empty' | 'not-wasm' | 'component' | 'bad-version' | 'truncated' | 'malformed';
export interface InspectFailure {
	ok: false;
	reason: FailureReason;
	message: string;
	size: number;
	/** Absent when the caller hashes the bytes itself, later (see `hash: false`). */
	sha256?: string;
}
export type InspectResult = ModuleInfo | InspectFailure;

export const EXTISM_MODULE = 'extism:host/env';
const WASI_MODULES = ['wasi_snapshot_preview1', 'wasi_unstable'];
/** Above this size WebAssembly.validate is skipped: it is synchronous and would freeze the page. */
const VALIDATE_LIMIT = 64 * 1024 * 1024;
const MAGIC = [0x00, 0x61, 0x73, 0x6d];

export const WARNING_NO_ABI =
	'This module imports nothing from extism:host/env, so it is not an Extism plugin: it cannot read input or set output. Its functions can still be called, but output will be empty.';
export const WARNING_LEGACY =
	'This plugin was built for Extism before 1.0 (it imports env.extism_* functions) and cannot run on the current runtime. Rebuild it with a current Extism PDK.';
export const WARNING_NO_CALLABLE = 'No exported function has the Extism signature () → i32.';

/**
 * `validate: false` skips WebAssembly.validate, for callers that compile the module anyway (a
 * compile validates too, and validating twice costs milliseconds on a large module).
 * `hash: false` leaves the SHA-256 out, for callers that hash later, off the load's path.
 */
export async function inspectWasm(
	input: Uint8Array,
	opts: { validate?: boolean; hash?: boolean } = {}
): Promise<InspectResult> {
	const bytes = asBytes(input);
	const size = bytes.length;
	// Hashing runs while the sections are parsed. A missing hash must not hide what is wrong with
	// the file itself, so a failure to hash gives ''.
	const hashing =
		opts.hash === false ? Promise.resolve(undefined) : sha256Once(bytes).catch(() => '');
	const fail = async (reason: FailureReason, message: string): Promise<InspectFailure> => ({
		ok: false,
		reason,
		message,
		size,
		sha256: await hashing
	});
	try {
		const header = checkHeader(bytes);
		if (header) return await fail(header[0], header[1]);
		const parsed = parseModule(bytes);
		if (!parsed.ok) return await fail(parsed.reason, parsed.message);
		if (parsed.module.sectionIds.length === 0)
			return await fail(
				'empty',
				'The module is empty: it has no types, functions, imports or exports. Check that you picked the right file.'
			);
		const invalid = opts.validate === false ? null : await validationError(bytes);
		if (invalid !== null) return await fail('malformed', invalid);
		return describe(parsed.module, size, await hashing);
	} catch (e) {
		const text = e instanceof Error ? e.message : String(e);
		return fail('malformed', `The module could not be read: ${text}`);
	}
}

/** Callers in plain JS sometimes hand over an ArrayBuffer or another view; read those too. */
function asBytes(input: unknown): Uint8Array {
	if (input instanceof Uint8Array) return input;
	if (ArrayBuffer.isView(input))
		return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
	if (input instanceof ArrayBuffer) return new Uint8Array(input);
	if (typeof SharedArrayBuffer !== 'undefined' && input instanceof SharedArrayBuffer)
		return new Uint8Array(input);
	return new Uint8Array(0);
}

function checkHeader(bytes: Uint8Array): [FailureReason, string] | null {
	const size = bytes.length;
	if (size === 0) return ['empty', 'The file is empty (0 bytes).'];
	if (!MAGIC.every((b, i) => i >= size || bytes[i] === b))
		return [
			'not-wasm',
			`This is not a WebAssembly module: it does not start with the \\0asm magic bytes. ${notWasmHint(bytes)}`
		];
	if (size < 8)
		return [
			'truncated',
			`The module is truncated: it ends after ${size} byte${size === 1 ? '' : 's'}, inside the 8-byte header. The download or copy was cut short.`
		];
	if (bytes[4] === 1 && bytes[5] === 0 && bytes[6] === 0 && bytes[7] === 0) {
		if (size > 8) return null;
		return [
			'empty',
			'The module is empty: it has only the 8-byte WebAssembly header and nothing else. The download or copy may have been cut short.'
		];
	}
	// Components share the magic; their version word is a 16-bit version followed by layer 1.
	if (bytes[6] === 1 && bytes[7] === 0)
		return [
			'component',
			'This is a WebAssembly component, not a core module. Extism plugins are core modules: build with a current Extism PDK.'
		];
	const version = (bytes[4] | (bytes[5] << 8) | (bytes[6] << 16) | (bytes[7] << 24)) >>> 0;
	return [
		'bad-version',
		`This WebAssembly module has version ${version}, but only version 1 exists. It may come from an old experimental toolchain or be damaged: rebuild it with a current toolchain.`
	];
}

async function validationError(bytes: Uint8Array): Promise<string | null> {
	const wasm = globalThis.WebAssembly;
	if (typeof wasm?.validate !== 'function' || bytes.length > VALIDATE_LIMIT) return null;
	const plain = (
		bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice()
	) as Uint8Array<ArrayBuffer>;
	if (wasm.validate(plain)) return null;
	let detail = '';
	try {
		// Only compiling says where validation failed; it fails fast on the same error.
		await wasm.compile(plain);
	} catch (e) {
		if (e instanceof Error) detail = ` (${e.message})`;
	}
	return invalidCodeMessage(detail);
}

export function invalidCodeMessage(detail: string): string {
	return `The module is malformed: its code does not validate${detail}. It may be damaged, or use WebAssembly features this browser does not support.`;
}

function describe(m: RawModule, size: number, sha256: string | undefined): ModuleInfo {
	const signature = (typeIndex: number | undefined): FuncSig | undefined =>
		typeIndex === undefined ? undefined : (m.types[typeIndex] ?? undefined);
	const imports: ModuleInfo['imports'] = { extism: [], wasi: [], host: [] };
	for (const i of m.imports) {
		const info: ImportInfo = { module: i.module, name: i.name, kind: i.kind };
		if (i.kind === 'function') info.signature = signature(i.typeIndex);
		if (i.module === EXTISM_MODULE) imports.extism.push(info);
		else if (WASI_MODULES.includes(i.module)) imports.wasi.push(info);
		else imports.host.push(info);
	}
	const exports = m.exports.map((e): ExportInfo => {
		const info: ExportInfo = { name: e.name, kind: e.kind };
		if (e.kind === 'function') info.signature = signature(m.functionTypes[e.index]);
		return info;
	});
	const callable = exports.filter((e) => isCallable(e)).map((e) => e.name);
	const hasExtismAbi = imports.extism.length > 0;
	const legacyAbi = imports.host.some((i) => i.module === 'env' && i.name.startsWith('extism_'));
	const warnings: string[] = [];
	if (legacyAbi) warnings.push(WARNING_LEGACY);
	else if (!hasExtismAbi) warnings.push(WARNING_NO_ABI);
	if (callable.length === 0) warnings.push(WARNING_NO_CALLABLE);
	return {
		ok: true,
		size,
		sha256,
		exports,
		callable,
		imports,
		hasExtismAbi,
		usesWasi: imports.wasi.length > 0,
		legacyAbi,
		hasStart: m.start !== null,
		exportsMemory: exports.some((e) => e.kind === 'memory'),
		warnings
	};
}

function isCallable(e: ExportInfo): boolean {
	const sig = e.signature;
	if (e.kind !== 'function' || !sig || sig.params.length > 0) return false;
	if (e.name === '_start' || e.name === '_initialize' || e.name.startsWith('__')) return false;
	return sig.results.length === 0 || (sig.results.length === 1 && sig.results[0] === 'i32');
}

/** '(i64, i64) → i64', '() → i32', '() → ()', '(i32) → (i32, i32)'; '' when unknown. */
export function formatSignature(sig: FuncSig | undefined): string {
	if (!sig) return '';
	const results = sig.results.length === 1 ? sig.results[0] : `(${sig.results.join(', ')})`;
	return `(${sig.params.join(', ')}) → ${results}`;
}
