// Every Rust name that rustc put in the fixtures' name sections, demangled by us and by the tools
// of other projects: llvm-cxxfilt for v0, binutils' c++filt for legacy (whose hash we drop).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { debugFixture, llvm, type DebugFixture } from '../testing/debug-fixtures';
import { DebugModule } from './debug-module';
import { demangle, demangleLegacy } from './demangle';
import { demangleV0 } from './demangle-v0';

function names(fixture: DebugFixture, prefix: string): string[] {
	const all = [...new DebugModule(debugFixture(fixture)).functionNames().values()];
	return [...new Set(all.filter((n) => n.startsWith(prefix)))];
}

const lines = (text: string) => text.trimEnd().split('\n');

describe('Rust v0 names (_R…)', () => {
	it('match llvm-cxxfilt for every v0 name rustc emitted', () => {
		const symbols = [...names('names-v0', '_R'), ...names('panic-v0', '_R')];
		// The fixture exercises closures, trait impls, const generics, references, fn pointers, dyn.
		expect(symbols.length).toBeGreaterThan(10);
		const want = lines(llvm('llvm-cxxfilt', [], symbols.join('\n') + '\n'));
		const got = symbols.map((s) => demangleV0(s));
		expect(got).toEqual(want);
		const text = want.join('\n');
		for (const shape of [
			'{closure#0}',
			' as ',
			'<u8, 3>',
			'size_of::<[u8]>',
			'size_of::<dyn core::fmt::Debug>',
			"size_of::<for<'a> fn(&'a mut u64) -> *const u8>",
			'size_of::<(i8, bool)>',
			'size_of::<[u16; 4]>'
		])
			expect(text, `the fixture covers ${shape}`).toContain(shape);
	});

	it('prints binders, tuples, arrays and consts as rustc-demangle does', () => {
		// Hand-mangled per RFC 2603, checked with llvm-cxxfilt like the names above.
		const symbols = [
			'_RINvCs123_1a1fFG_RL0_hEuE', // for<'a> fn(&'a u8)
			'_RINvCs123_1a1fTlbEE', // (i32, bool)
			'_RINvCs123_1a1fTlEE', // (i32,)
			'_RINvCs123_1a1fAhj5_E', // [u8; 5]
			'_RINvCs123_1a1fKb1_Kc41_Kan1_E', // consts: bool, char, negative i8
			'_RINvCs123_1a1fFUKCEuE', // unsafe extern "C" fn()
			'_RINvCs123_1a1fDNtCs123_1a1TEL_E', // dyn a::T
			'_RINvCs123_1a1fDG_INtCs123_1a1TRL0_hEp1XlEL_E', // dyn for<'a> a::T<&'a u8, X = i32>
			'_RINvCs123_1a1fRL_hQhPhOhShE', // pointers and slices
			'_RNCNvCs123_1a1f0B4_' // a closure with a disambiguator and an instantiating crate
		];
		const want = lines(llvm('llvm-cxxfilt', [], symbols.join('\n') + '\n'));
		expect(
			want.some((w, i) => w === symbols[i]),
			'llvm-cxxfilt demangles them all'
		).toBe(false);
		expect(symbols.map((s) => demangleV0(s))).toEqual(want);
	});

	it('gives up on what it does not cover, and on damaged names', () => {
		for (const s of [
			'_R', // nothing after the prefix
			'_RNvC', // cut short
			'_R0NvCs1_1a1f', // an encoding version it does not know
			'_RNvCu4caf_1a1f', // a punycode identifier
			'_RNvB9_1f', // a backref forward
			'_RNvCs123_1a99f' // an identifier longer than the name
		])
			expect(demangleV0(s), s).toBeNull();
		expect(demangle('_RNvC')).toBe('_RNvC');
	});
});

describe('Rust legacy names (_ZN…E)', () => {
	it('match c++filt, without the hash, for every legacy name rustc emitted', () => {
		const symbols = [...names('names-legacy', '_ZN'), ...names('panic-legacy', '_ZN')];
		expect(symbols.length).toBeGreaterThan(100);
		const filtered = execFileSync('c++filt', [], {
			input: symbols.join('\n') + '\n',
			encoding: 'utf8'
		});
		const want = lines(filtered).map((w) => w.replace(/::h[0-9a-f]{16}$/, ''));
		expect(symbols.map((s) => demangleLegacy(s))).toEqual(want);
		const text = want.join('\n');
		for (const shape of ['{{closure}}', '<', ' as ', '&'])
			expect(text, `the fixtures cover ${shape}`).toContain(shape);
	});

	it('leaves C++ (Itanium) names and damaged ones alone', () => {
		for (const s of [
			'_ZN3geo3Box4areaEi',
			'_ZN3fooE3bar',
			'_ZN05aE',
			'_ZN9tooshortE',
			'_ZNE',
			'_ZN1a$u110000$E'
		])
			expect(demangle(s), s).toBe(s);
	});
});

describe('other names', () => {
	it('are returned as they are', () => {
		for (const s of ['count', 'geo::Box::area(int) const', 'wasm-function[3]', ''])
			expect(demangle(s)).toBe(s);
	});
});
