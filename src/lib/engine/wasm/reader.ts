/** A bounds-checked cursor over WebAssembly binary data (LEB128 numbers, names, bytes). */

/** Thrown when a read would pass `end`; the caller decides whether that means truncated or malformed. */
export class OutOfData extends Error {
	constructor(readonly offset: number) {
		super(`unexpected end of data at byte ${offset}`);
	}
}

/** A structural error with a sentence for people (no leading "The module is malformed:"). */
export class Malformed extends Error {
	constructor(
		message: string,
		readonly offset: number
	) {
		super(message);
	}
}

/** "1 byte", "1,234 bytes": numbers in messages for people. */
export const plural = (n: number, word: string, words = `${word}s`): string =>
	`${n.toLocaleString('en-US')} ${n === 1 ? word : words}`;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Unsigned LEB128, shortest form: for writing the few numbers we rewrite in a module. */
export function leb(n: number): number[] {
	const out: number[] = [];
	do {
		let b = n % 128;
		n = Math.floor(n / 128);
		if (n > 0) b |= 0x80;
		out.push(b);
	} while (n > 0);
	return out;
}

export class Reader {
	constructor(
		readonly bytes: Uint8Array,
		public pos: number,
		readonly end: number
	) {}

	get atEnd(): boolean {
		return this.pos >= this.end;
	}

	get remaining(): number {
		return this.end - this.pos;
	}

	/** The next byte without consuming it, or -1 at the end. */
	peek(): number {
		return this.pos < this.end ? this.bytes[this.pos] : -1;
	}

	byte(): number {
		if (this.pos >= this.end) throw new OutOfData(this.pos);
		return this.bytes[this.pos++];
	}

	skip(n: number): void {
		if (n > this.end - this.pos) throw new OutOfData(this.end);
		this.pos += n;
	}

	/** Unsigned LEB128 of at most `bits` bits (32 or 64); beyond 2^53 the value is approximate. */
	unsigned(bits = 32): number {
		const start = this.pos;
		const maxBytes = Math.ceil(bits / 7);
		let result = 0;
		let scale = 1;
		for (let i = 0; ; i++) {
			const b = this.byte();
			if (i === maxBytes - 1) {
				// The last byte may only carry the bits that remain; anything else is an overlong encoding.
				const spare = bits - 7 * i;
				if (b & 0x80) throw new Malformed(`a number at byte ${start} is too long`, start);
				if (b >> spare !== 0) throw new Malformed(`a number at byte ${start} is too large`, start);
			}
			result += (b & 0x7f) * scale;
			scale *= 128;
			if (!(b & 0x80)) return result;
		}
	}

	u32(): number {
		return this.unsigned(32);
	}

	/** Signed 33-bit LEB128, used for block and heap types. */
	s33(): number {
		const start = this.pos;
		let result = 0;
		let scale = 1;
		for (let i = 0; i < 5; i++) {
			const b = this.byte();
			if (i === 4) {
				if (b & 0x80) throw new Malformed(`a number at byte ${start} is too long`, start);
				// Bits 5 and 6 of the fifth byte must repeat the sign bit (bit 4).
				const top = b & 0x70;
				if (top !== 0 && top !== 0x70)
					throw new Malformed(`a number at byte ${start} is too large`, start);
			}
			result += (b & 0x7f) * scale;
			scale *= 128;
			if (!(b & 0x80)) return b & 0x40 ? result - scale : result;
		}
		throw new Malformed(`a number at byte ${start} is too long`, start);
	}

	/**
	 * A vector of `item`s. Each item takes at least one byte, so the data bounds the loop; `limit` (the
	 * JS API's implementation limits, which browsers enforce) bounds the memory spent on absurd counts.
	 */
	vector<T>(item: () => T, limit: number, what: string): T[] {
		const start = this.pos;
		const n = this.u32();
		if (n > limit)
			throw new Malformed(
				`it declares ${plural(n, what)} at byte ${start}, more than the ${limit.toLocaleString('en-US')} browsers accept`,
				start
			);
		const out: T[] = [];
		for (let i = 0; i < n; i++) out.push(item());
		return out;
	}

	/** Signed LEB128 of up to 64 bits (DWARF's sleb128); beyond 2^53 the value is approximate. */
	signed(): number {
		const start = this.pos;
		let result = 0;
		let scale = 1;
		for (let i = 0; i < 10; i++) {
			const b = this.byte();
			result += (b & 0x7f) * scale;
			scale *= 128;
			if (!(b & 0x80)) return b & 0x40 ? result - scale : result;
		}
		throw new Malformed(`a number at byte ${start} is too long`, start);
	}

	/** A little-endian unsigned integer of `size` bytes (DWARF's fixed-size fields); 8 bytes lose precision past 2^53. */
	fixed(size: 1 | 2 | 4 | 8): number {
		if (size > this.end - this.pos) throw new OutOfData(this.end);
		let result = 0;
		for (let i = size - 1; i >= 0; i--) result = result * 256 + this.bytes[this.pos + i];
		this.pos += size;
		return result;
	}

	/** A NUL-terminated UTF-8 string (DWARF's DW_FORM_string); invalid bytes become U+FFFD. */
	cstring(): string {
		const zero = this.bytes.indexOf(0, this.pos);
		if (zero < 0 || zero >= this.end) throw new OutOfData(this.end);
		const text = lenient.decode(this.bytes.subarray(this.pos, zero));
		this.pos = zero + 1;
		return text;
	}

	/** A length-prefixed UTF-8 name. */
	name(): string {
		const start = this.pos;
		const length = this.u32();
		if (length > this.end - this.pos) throw new OutOfData(this.end);
		const raw = this.bytes.subarray(this.pos, this.pos + length);
		this.pos += length;
		try {
			return utf8.decode(raw);
		} catch {
			throw new Malformed(`the name at byte ${start} is not valid UTF-8`, start);
		}
	}
}
