/**
 * Rust's v0 symbol mangling (`_R…`, RFC 2603), printed as rustc-demangle's alternate form:
 * `<panic::Ages<u8>>::years_until_100`, `std::rt::lang_start::<()>::{closure#0}`. Covers paths,
 * generics, types, lifetimes, fn pointers, dyn traits and integer/bool/char consts; a symbol using
 * anything else (punycode identifiers, structural consts) comes back as null, shown raw.
 */

class Unsupported extends Error {}

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
const INTEGERS = 'ahijlmnostxy';
const MAX_DEPTH = 300;

class Printer {
	private out = '';
	/** >0 while parsing parts that are not printed (an impl's own path, the instantiating crate). */
	private silent = 0;
	private depth = 0;
	private boundLifetimes = 0;

	constructor(
		private readonly sym: string,
		private pos: number
	) {}

	result(): string {
		return this.out;
	}

	private print(text: string): void {
		if (!this.silent) this.out += text;
	}

	private peek(): string {
		return this.sym[this.pos] ?? '';
	}

	private next(): string {
		if (this.pos >= this.sym.length) throw new Unsupported();
		return this.sym[this.pos++];
	}

	private eat(c: string): boolean {
		if (this.peek() !== c) return false;
		this.pos++;
		return true;
	}

	private base62(): number {
		if (this.eat('_')) return 0;
		let x = 0;
		for (;;) {
			const c = this.next();
			if (c === '_') return x + 1;
			const d = /[0-9]/.test(c)
				? c.charCodeAt(0) - 48
				: /[a-z]/.test(c)
					? c.charCodeAt(0) - 97 + 10
					: /[A-Z]/.test(c)
						? c.charCodeAt(0) - 65 + 36
						: -1;
			if (d < 0) throw new Unsupported();
			// Crate disambiguators are 64-bit hashes, never printed: approximate is fine for them.
			x = x * 62 + d;
		}
	}

	/** `s<base62>` → value + 1, or 0 when absent. */
	private disambiguator(): number {
		return this.eat('s') ? this.base62() + 1 : 0;
	}

	private decimal(): number {
		const m = /^(0|[1-9]\d*)/.exec(this.sym.slice(this.pos));
		if (!m) throw new Unsupported();
		this.pos += m[0].length;
		return Number(m[0]);
	}

	private ident(): { name: string; disambiguator: number } {
		const disambiguator = this.disambiguator();
		if (this.eat('u')) throw new Unsupported(); // punycode: not worth decoding here
		const length = this.decimal();
		this.eat('_');
		if (this.pos + length > this.sym.length) throw new Unsupported();
		const name = this.sym.slice(this.pos, this.pos + length);
		this.pos += length;
		return { name, disambiguator };
	}

	private enter(): void {
		if (++this.depth > MAX_DEPTH) throw new Unsupported();
	}

	/** Prints what a backref points at, then carries on after the backref. */
	private backref(print: () => void): void {
		const tagAt = this.pos - 1;
		const target = 2 + this.base62();
		if (target >= tagAt) throw new Unsupported();
		const resume = this.pos;
		this.pos = target;
		print();
		this.pos = resume;
	}

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

	private lifetime(index: number): void {
		if (index === 0) return this.print("'_");
		const depth = this.boundLifetimes - index;
		if (depth < 0) throw new Unsupported();
		this.print(depth < 26 ? `'${String.fromCharCode(97 + depth)}` : `'_${depth}`);
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

	private constant(): void {
		this.enter();
		const tag = this.next();
		if (tag === 'B') this.backref(() => this.constant());
		else if (tag === 'p') this.print('_');
		else if (INTEGERS.includes(tag) || tag === 'b' || tag === 'c') {
			const negative = this.eat('n');
			const start = this.pos;
			while (/[0-9a-f]/.test(this.peek())) this.pos++;
			const hex = this.sym.slice(start, this.pos);
			if (!this.eat('_')) throw new Unsupported();
			const value = hex ? BigInt(`0x${hex}`) : 0n;
			if (tag === 'b') {
				if (value > 1n) throw new Unsupported();
				this.print(value ? 'true' : 'false');
			} else if (tag === 'c') {
				if (value > 0x10ffffn) throw new Unsupported();
				this.print(JSON.stringify(String.fromCodePoint(Number(value))).replace(/^"|"$/g, "'"));
			} else this.print(`${negative ? '-' : ''}${value}`);
		} else throw new Unsupported();
		this.depth--;
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
