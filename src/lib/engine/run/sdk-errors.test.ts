// One test per message the adapter recognises, each as the SDK (2.0.0-rc13) or the browser
// writes it: when the SDK's wording changes, the test for that message is the one that fails.
import { describe, expect, it } from 'vitest';
import { fail } from './run-error';
import { fromSdkError } from './sdk-errors';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('fromSdkError', () => {
	it('refused host: the SDK’s allowedHosts refusal, with URL and host', () => {
		const e = new Error(
			'Call error: HTTP request to "https://b.test/x?y=1" is not allowed (no allowedHosts match "b.test")'
		);
		expect(fromSdkError(e)).toMatchObject({
			kind: 'refused',
			url: 'https://b.test/x?y=1',
			host: 'b.test',
			message: e.message
		});
	});
	it('var limit, which the SDK wraps as a plugin error', () => {
		const wrapped =
			'Plugin-originated error: var memory limit exceeded: 100 bytes requested, 16 allowed';
		expect(fromSdkError(new Error(wrapped)).kind).toBe('var-limit');
		const bare = 'var memory limit exceeded: 9 bytes requested, 4 allowed';
		expect(fromSdkError(new Error(bare)).kind).toBe('var-limit');
	});
	it('plugin error: error_set, with its text (possibly empty or multi-line)', () => {
		expect(fromSdkError(new Error('Plugin-originated error: bad input'))).toMatchObject({
			kind: 'plugin-error',
			text: 'bad input'
		});
		expect(fromSdkError(new Error('Plugin-originated error: '))).toMatchObject({
			kind: 'plugin-error',
			text: ''
		});
		expect(fromSdkError(new Error('Plugin-originated error: a\nb'))).toMatchObject({
			text: 'a\nb'
		});
	});
	it('no such function', () => {
		expect(fromSdkError(new Error('Plugin error: function "nope" does not exist'))).toMatchObject({
			kind: 'no-function',
			fn: 'nope'
		});
	});
	it('an export that is not a function', () => {
		expect(
			fromSdkError(new Error('Plugin error: export "memory" is not a function'))
		).toMatchObject({ kind: 'not-a-function', fn: 'memory' });
	});
	it('WASI off', () => {
		const e = new Error('WASI is not enabled; see the "useWasi" plugin option');
		expect(fromSdkError(e).kind).toBe('wasi-off');
	});
	it('a missing import, and a pre-1.0 one', () => {
		const host =
			'from module "main": cannot resolve import "extism:host/user" "kv.get": not provided by host imports nor linked manifest items';
		expect(fromSdkError(new Error(host))).toMatchObject({
			kind: 'missing-import',
			module: 'extism:host/user',
			field: 'kv.get',
			oldPdk: false
		});
		const old =
			'from module "main": cannot resolve import "env" "extism_input_length": not provided by host imports nor linked manifest items';
		expect(fromSdkError(new Error(old))).toMatchObject({ kind: 'missing-import', oldPdk: true });
	});
	it('stack overflow, as Chromium and Firefox word it', () => {
		for (const [name, message] of [
			['RangeError', 'Maximum call stack size exceeded'],
			['InternalError', 'too much recursion'],
			['RuntimeError', 'call stack exhausted']
		])
			expect(fromSdkError(named(name, message))).toMatchObject({
				kind: 'trap',
				trap: 'stack-overflow'
			});
	});
	it('unreachable, as Chromium and Firefox word it', () => {
		for (const message of ['unreachable', 'unreachable executed'])
			expect(fromSdkError(named('RuntimeError', message))).toMatchObject({
				kind: 'trap',
				trap: 'unreachable',
				name: 'RuntimeError',
				message
			});
	});
	it('memory access out of bounds', () => {
		expect(fromSdkError(named('RuntimeError', 'memory access out of bounds'))).toMatchObject({
			kind: 'trap',
			trap: 'out-of-bounds'
		});
	});
	it('division by zero', () => {
		expect(fromSdkError(named('RuntimeError', 'divide by zero'))).toMatchObject({
			kind: 'trap',
			trap: 'divide-by-zero'
		});
	});
	it('out of memory', () => {
		expect(fromSdkError(named('RangeError', 'WebAssembly.Memory.grow(): Out of memory')).kind).toBe(
			'out-of-memory'
		);
	});
	it('a missing Extism memory block (the SDK’s DataView error)', () => {
		const e = named('RangeError', 'Offset is outside the bounds of the DataView');
		expect(fromSdkError(e).kind).toBe('memory-block');
	});
	it('a module the browser cannot compile', () => {
		const e = named('CompileError', 'WebAssembly.Module(): expected magic word 00 61 73 6d');
		expect(fromSdkError(e).kind).toBe('compile');
	});
	it('anything else is unknown, with its message kept', () => {
		expect(fromSdkError(new Error('weird'))).toEqual({
			kind: 'unknown',
			name: 'Error',
			message: 'weird'
		});
		expect(fromSdkError('a string')).toMatchObject({ kind: 'unknown', message: 'a string' });
	});
	it('reads the plain {message} object the SDK’s worker mode rejects with', () => {
		const e = { message: 'unreachable', originalStack: '…' };
		expect(fromSdkError(e)).toMatchObject({ kind: 'trap', trap: 'unreachable' });
	});
	it('passes our own typed failures through without reading their text', () => {
		const ours = fail({ kind: 'cors', url: 'https://a.test/' }, 'Plugin-originated error: decoy');
		expect(fromSdkError(ours)).toEqual({
			kind: 'cors',
			url: 'https://a.test/',
			name: 'Error',
			message: 'Plugin-originated error: decoy'
		});
	});
});
