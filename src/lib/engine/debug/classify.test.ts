import { describe, expect, it } from 'vitest';
import { isRuntimeFrame } from './classify';

describe('runtime frames (folded away)', () => {
	it.each([
		'core::panicking::panic',
		'std::panicking::begin_panic_handler::{{closure}}',
		'<alloc::vec::Vec<T,A> as core::ops::index::Index<I>>::index',
		'<core::fmt::Formatter as core::fmt::Write>::write_str',
		'panic_abort::__rust_start_panic::abort',
		'dlmalloc::dlmalloc::Dlmalloc<A>::malloc',
		'__rust_start_panic',
		'__rdl_alloc',
		'__wasi_fd_write',
		'rust_begin_unwind',
		'rust_panic',
		'abort',
		'malloc',
		'dlfree',
		'std::__2::basic_string<char>::append(char const*)',
		'~lib/rt/stub/__alloc',
		'~lib/string/String.UTF8.encode'
	])('%s', (name) => expect(isRuntimeFrame(name)).toBe(true));

	it('judges a frame without a name by its source file', () => {
		expect(isRuntimeFrame(undefined, '/usr/src/rustc-1.63.0/library/core/src/panicking.rs')).toBe(
			true
		);
		expect(
			isRuntimeFrame(
				undefined,
				'/rustc/4b91a6ea7258a947e59c6522cd5898e7c0a6a88f/library/std/src/panicking.rs'
			)
		).toBe(true);
		expect(isRuntimeFrame(undefined, './libc-bottom-half/sources/abort.c')).toBe(true);
		expect(isRuntimeFrame(undefined, 'src/lib.rs')).toBe(false);
		expect(isRuntimeFrame(undefined)).toBe(false);
	});
});

describe("the plugin's own frames", () => {
	it.each([
		'panic::Ages<T>::years_until_100',
		'<panic::Ages<u8>>::years_until_100',
		'<my_plugin::Config as core::fmt::Debug>::fmt',
		'count',
		'check_positive',
		'geo::Box::area(int) const',
		'corey::parse',
		'stdlib_like::run',
		'plugin/inner',
		'lib/json/parse'
	])('%s', (name) => expect(isRuntimeFrame(name)).toBe(false));

	it('keeps a named frame its own even on a line of std code it inlined', () => {
		expect(isRuntimeFrame('my_plugin::run', '/rustc/abc/library/alloc/src/vec/mod.rs')).toBe(false);
	});
});
