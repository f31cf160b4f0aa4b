// The reading half of the v0 demangler (demangle-v0.ts): a cursor over the symbol and the text
// printed so far, with the grammar's leaves (base-62 numbers, disambiguators, identifiers,
// backrefs, lifetimes and const values). A symbol that breaks the grammar, or uses what is not
// covered, throws Unsupported.

export class Unsupported extends Error {}

const MAX_DEPTH = 300;
/** The integer types' tags, whose consts are printed as numbers. */
const INTEGERS = 'ahijlmnostxy';

export class V0Reader {
	protected out = '';
	/** >0 while parsing parts that are not printed (an impl's own path, the instantiating crate). */
	protected silent = 0;
	protected depth = 0;
	protected boundLifetimes = 0;

	constructor(
		protected readonly sym: string,
		protected pos: number
	) {}

	result(): string {
		return this.out;
	}

	protected print(text: string): void {
		if (!this.silent) this.out += text;
	}

	protected peek(): string {
		return this.sym[this.pos] ?? '';
	}

	protected next(): string {
		if (this.pos >= this.sym.length) throw new Unsupported();
		return this.sym[this.pos++];
	}

	protected eat(c: string): boolean {
		if (this.peek() !== c) return false;
		this.pos++;
		return true;
	}

	protected base62(): number {
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
	protected disambiguator(): number {
		return this.eat('s') ? this.base62() + 1 : 0;
	}

	protected decimal(): number {
		const m = /^(0|[1-9]\d*)/.exec(this.sym.slice(this.pos));
		if (!m) throw new Unsupported();
		this.pos += m[0].length;
		return Number(m[0]);
	}

	protected ident(): { name: string; disambiguator: number } {
		const disambiguator = this.disambiguator();
		if (this.eat('u')) throw new Unsupported(); // punycode: not worth decoding here
		const length = this.decimal();
		this.eat('_');
		if (this.pos + length > this.sym.length) throw new Unsupported();
		const name = this.sym.slice(this.pos, this.pos + length);
		this.pos += length;
		return { name, disambiguator };
	}

	protected enter(): void {
		if (++this.depth > MAX_DEPTH) throw new Unsupported();
	}

	/** Prints what a backref points at, then carries on after the backref. */
	protected backref(print: () => void): void {
		const tagAt = this.pos - 1;
		const target = 2 + this.base62();
		if (target >= tagAt) throw new Unsupported();
		const resume = this.pos;
		this.pos = target;
		print();
		this.pos = resume;
	}

	/** A lifetime by its de Bruijn index: `'_` for 0, else a letter of the binders around it. */
	protected lifetime(index: number): void {
		if (index === 0) return this.print("'_");
		const depth = this.boundLifetimes - index;
		if (depth < 0) throw new Unsupported();
		this.print(depth < 26 ? `'${String.fromCharCode(97 + depth)}` : `'_${depth}`);
	}

	/** A const generic argument: an integer, bool or char (structural consts are not covered). */
	protected constant(): void {
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
