import { describe, expect, it } from 'vitest';
import {
	debugFixture,
	debugFixturePath,
	oracleCodeSection,
	trapStack
} from '../testing/debug-fixtures';
import { binary, section, str, wat } from '../testing/wasm-builders';
import { parseModule } from '../wasm/module';
import { debugModuleFor, DebugModule } from './debug-module';
import { parseWasmStack } from './stack';

describe('a real module (rustc, ~6 MB with DWARF)', () => {
	const bytes = debugFixture('panic-legacy');
	const m = new DebugModule(bytes);

	it('finds the code section contents just after the header llvm-readobj reports', () => {
		const { offset, size } = oracleCodeSection(debugFixturePath('panic-legacy'));
		// Header: the id byte, then the size as LEB128 (one byte per 7 bits).
		expect(m.codeStart).toBe(offset + 1 + Math.ceil(Math.log2(size + 1) / 7));
	});

	it('has a body for every defined function, and places each V8 frame in its own function', async () => {
		const parsed = parseModule(bytes);
		if (!parsed.ok) throw new Error(parsed.message);
		const imported = parsed.module.imports.filter((i) => i.kind === 'function').length;
		const bodies = m.functionBodies();
		expect(bodies.length).toBe(parsed.module.functionTypes.length - imported);
		expect(bodies[0].index).toBe(imported);
		const { frames } = parseWasmStack(await trapStack(bytes, 'count'));
		for (const f of frames) {
			expect(m.bodyAt(f.moduleOffset!)?.index).toBe(f.funcIndex);
			// V8's names come from the same name section.
			expect(m.functionName(f.funcIndex)).toBe(f.name);
		}
		expect(m.bodyAt(0)).toBeUndefined();
		expect(m.bodyAt(bytes.length)).toBeUndefined();
	});

	it('is parsed once per module: the same bytes give the same reader', () => {
		// Compared as booleans: a failure message would print 6 MB of module.
		expect(debugModuleFor(bytes) === debugModuleFor(bytes)).toBe(true);
		expect(debugModuleFor(bytes) === debugModuleFor(bytes.slice())).toBe(false);
	});
});

describe('modules with less in them', () => {
	it('no name section, no DWARF: no names, no lines', async () => {
		const bytes = await wat('(module (func $f unreachable) (export "f" (func $f)))');
		const m = new DebugModule(bytes);
		expect(m.hasNames).toBe(false);
		expect(m.hasLineInfo).toBe(false);
		expect(m.sourceLine(m.functionBodies()[0].start)).toBeUndefined();
		expect(m.functionStartLine(0)).toBeUndefined();
	});

	it('keeps the names before a damaged entry in the name section', () => {
		// Function names: count 3, then two entries, then an entry cut short.
		const names = [3, 0, ...str('first'), 1, ...str('second'), 2, 40, 0x61];
		const nameSection = [...str('name'), 1, names.length, ...names];
		const bytes = binary(
			section(1, [1, 0x60, 0, 0]),
			section(3, [3, 0, 0, 0]),
			section(10, [3, 2, 0, 0x0b, 2, 0, 0x0b, 2, 0, 0x0b]),
			section(0, nameSection)
		);
		const m = new DebugModule(bytes);
		expect([...m.functionNames()]).toEqual([
			[0, 'first'],
			[1, 'second']
		]);
		expect(m.functionBodies().map((b) => b.index)).toEqual([0, 1, 2]);
	});

	it('counts imported functions before the bodies', async () => {
		const bytes = await wat(`(module
			(import "extism:host/env" "input_length" (func (result i64)))
			(import "env" "mem" (memory 1))
			(import "env" "t" (table 1 funcref))
			(import "env" "g" (global i32))
			(import "extism:host/env" "output_set" (func (param i64 i64)))
			(func $own unreachable))`);
		expect(new DebugModule(bytes).functionBodies()[0].index).toBe(2);
	});

	it('refuses bytes that are not a module', () => {
		expect(() => new DebugModule(new Uint8Array([1, 2, 3]))).toThrow(/magic number/);
		expect(() => new DebugModule(binary([10, 50, 1]))).toThrow(/past the end/);
	});
});
