/**
 * Rust's v0 symbol mangling (`_R…`, RFC 2603), printed as rustc-demangle's alternate form:
 * `<panic::Ages<u8>>::years_until_100`, `std::rt::lang_start::<()>::{closure#0}`. Covers paths,
 * generics, types, lifetimes, fn pointers, dyn traits and integer/bool/char consts; a symbol using
 * anything else (punycode identifiers, structural consts) comes back as null, shown raw.
 */

import { Unsupported, V0Reader } from './demangle-v0-reader';

const BASIC: Record<string, string> = {
	a: 'i8',
	b: 'bool',
	c: 'char',
	d: 'f64',
	e: 'str',
	f: 'f32',
	h: 'u8',
	i: 'isize',
	j: 'usize',
	l: 'i32',
	m: 'u32',
	n: 'i128',
	o: 'u128',
	s: 'i16',
	t: 'u16',
	u: '()',
	v: '...',
	x: 'i64',
	y: 'u64',
	z: '!',
	p: '_'
};

class Printer extends V0Reader {
	path(inValue: boolean): void {
		this.enter();
		const tag = this.next();
		switch (tag) {
			case 'C':
				this.print(this.ident().name);
				break;
			case 'N': {
				const ns = this.next();
				if (!/[a-zA-Z]/.test(ns)) throw new Unsupported();
				this.path(inValue);
				const { name, disambiguator } = this.ident();
				if (/[A-Z]/.test(ns)) {
					const kind = ns === 'C' ? 'closure' : ns === 'S' ? 'shim' : ns;
					this.print(`::{${kind}${name ? `:${name}` : ''}#${disambiguator}}`);
				} else if (name) this.print(`::${name}`);
				break;
			}
			case 'M':
			case 'X':
				this.silent++;
				this.disambiguator();
				this.path(false);
				this.silent--;
				this.print('<');
				this.type();
				if (tag === 'X') {
					this.print(' as ');
					this.path(false);
				}
				this.print('>');
				break;
			case 'Y':
				this.print('<');
				this.type();
				this.print(' as ');
				this.path(false);
				this.print('>');
				break;
			case 'I':
				this.path(inValue);
				this.print(inValue ? '::<' : '<');
				this.list(() => this.genericArg());
				this.print('>');
				break;
			case 'B':
				this.backref(() => this.path(inValue));
				break;
			default:
				throw new Unsupported();
		}
		this.depth--;
	}

	/** Items up to `E`, comma-separated; returns how many. */
	private list(item: () => void): number {
		let n = 0;
		while (!this.eat('E')) {
			if (n++) this.print(', ');
			item();
		}
		return n;
	}

	private genericArg(): void {
		if (this.eat('L')) this.lifetime(this.base62());
		else if (this.eat('K')) this.constant();
		else this.type();
	}

	/** An optional `G` binder: prints `for<'a, …> ` and runs `inner` with those lifetimes bound. */
	private binder(inner: () => void): void {
		const count = this.eat('G') ? this.base62() + 1 : 0;
		if (count) {
			this.print('for<');
			for (let i = 0; i < count; i++) {
				if (i) this.print(', ');
				this.boundLifetimes++;
				this.lifetime(1);
			}
			this.print('> ');
		}
		inner();
		this.boundLifetimes -= count;
	}

	type(): void {
		this.enter();
		const tag = this.next();
		if (BASIC[tag]) this.print(BASIC[tag]);
		else
			switch (tag) {
				case 'R':
				case 'Q':
					this.print('&');
					if (this.eat('L')) {
						const lt = this.base62();
						if (lt) {
							this.lifetime(lt);
							this.print(' ');
						}
					}
					if (tag === 'Q') this.print('mut ');
					this.type();
					break;
				case 'P':
					this.print('*const ');
					this.type();
					break;
				case 'O':
					this.print('*mut ');
					this.type();
					break;
				case 'A':
					this.print('[');
					this.type();
					this.print('; ');
					this.constant();
					this.print(']');
					break;
				case 'S':
					this.print('[');
					this.type();
					this.print(']');
					break;
				case 'T': {
					this.print('(');
					const n = this.list(() => this.type());
					this.print(n === 1 ? ',)' : ')');
					break;
				}
				case 'F':
					this.binder(() => this.fnSig());
					break;
				case 'D':
					this.print('dyn ');
					this.binder(() => {
						let n = 0;
						while (!this.eat('E')) {
							if (n++) this.print(' + ');
							this.dynTrait();
						}
					});
					if (!this.eat('L')) throw new Unsupported();
					{
						const lt = this.base62();
						if (lt) {
							this.print(' + ');
							this.lifetime(lt);
						}
					}
					break;
				case 'B':
					this.backref(() => this.type());
					break;
				default:
					this.pos--;
					this.path(false);
			}
		this.depth--;
	}

	private fnSig(): void {
		if (this.eat('U')) this.print('unsafe ');
		if (this.eat('K')) {
			const abi = this.eat('C') ? 'C' : this.ident().name.replace(/_/g, '-');
			this.print(`extern "${abi}" `);
		}
		this.print('fn(');
		this.list(() => this.type());
		this.print(')');
		if (this.eat('u')) return;
		this.print(' -> ');
		this.type();
	}

	/** A trait path whose generic list stays open for the associated-type bindings that follow. */
	private dynTrait(): void {
		let open = false;
		if (this.peek() === 'I') {
			this.pos++;
			this.path(false);
			this.print('<');
			this.list(() => this.genericArg());
			open = true;
		} else this.path(false);
		while (this.eat('p')) {
			this.print(open ? ', ' : '<');
			open = true;
			this.print(this.ident().name);
			this.print(' = ');
			this.type();
		}
		if (open) this.print('>');
	}
}

/** A v0 symbol (`_R…`) demangled, or null when it is not one or uses parts this does not cover. */
export function demangleV0(symbol: string): string | null {
	const prefix = symbol.startsWith('_R') ? 2 : symbol.startsWith('__R') ? 3 : -1;
	if (prefix < 0) return null;
	const sym = symbol.slice(prefix);
	// An encoding version (a decimal after `_R`) other than none is a future scheme.
	if (!/^[A-Z]/.test(sym)) return null;
	const printer = new Printer('_R' + sym, 2);
	try {
		printer.path(true);
		return printer.result();
	} catch (e) {
		if (e instanceof Unsupported) return null;
		throw e;
	}
}
