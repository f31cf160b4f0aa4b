// Strict readers for the fields of a decoded link (and of a manifest). A link is untrusted text:
// every value is checked for its type and size, and a failure is a sentence naming the field.
import type { Setting } from '../setup/settings-table';
import { cap, clip, isObject, shortName, type Json } from '../util/validate';

export class SetupError extends Error {
	override name = 'SetupError';
}

export function readObject(value: unknown, what: string): Json {
	if (!isObject(value)) throw new SetupError(`${cap(what)} must be an object.`);
	return value;
}

export function readString(value: unknown, what: string, maxChars: number): string {
	if (typeof value !== 'string') throw new SetupError(`${cap(what)} must be text.`);
	if (value.length > maxChars)
		throw new SetupError(
			`${cap(what)} is longer than ${maxChars.toLocaleString('en')} characters.`
		);
	return value;
}

export function readBoolean(value: unknown, what: string): boolean {
	if (typeof value !== 'boolean') throw new SetupError(`${cap(what)} must be true or false.`);
	return value;
}

export function readCount(value: unknown, what: string, max: number): number {
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
		throw new SetupError(
			`${cap(what)} must be a whole number from 0 to ${max.toLocaleString('en')} (got ${shortName(value)}).`
		);
	}
	return value;
}

export function readOneOf<T extends string>(
	value: unknown,
	what: string,
	allowed: readonly T[]
): T {
	if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
		throw new SetupError(
			`${cap(what)} must be one of ${allowed.join(', ')} (got ${shortName(value)}).`
		);
	}
	return value as T;
}

export function readStringMap(
	value: unknown,
	what: string,
	limits: { entries: number; key: number; value: number }
): Record<string, string> {
	const obj = readObject(value, what);
	const entries = Object.entries(obj);
	if (entries.length > limits.entries)
		throw new SetupError(`${cap(what)} has more than ${limits.entries} entries.`);
	for (const [key, v] of entries) {
		if (key.length === 0 || key.length > limits.key)
			throw new SetupError(`Every key of ${what} must be 1 to ${limits.key} characters long.`);
		readString(v, `${what} value "${clip(key)}"`, limits.value);
	}
	// fromEntries defines keys as data, so a key named "__proto__" stays a plain key.
	return Object.fromEntries(entries) as Record<string, string>;
}

export function readStringList(
	value: unknown,
	what: string,
	limits: { items: number; chars: number; check: (text: string) => string | null }
): string[] {
	if (!Array.isArray(value)) throw new SetupError(`${cap(what)} must be a list.`);
	if (value.length > limits.items)
		throw new SetupError(`${cap(what)} has more than ${limits.items} entries.`);
	return value.map((item) => {
		const text = readString(item, `every entry of ${what}`, limits.chars);
		const problem = limits.check(text);
		if (problem)
			throw new SetupError(`${cap(what)} has an entry "${clip(text)}" that is refused: ${problem}`);
		return text;
	});
}

/** A setting's value as its description allows; `what` names it in a refusal. */
export function readSetting(setting: Setting, value: unknown, what: string): unknown {
	switch (setting.kind) {
		case 'flag':
			return readBoolean(value, what);
		case 'choice':
			return readOneOf(value, what, setting.values);
		case 'list':
			return readStringList(value, what, setting.limits);
		case 'map':
			return readStringMap(value, what, setting.limits);
		case 'limit':
			return readCount(value, what, setting.max);
	}
}
