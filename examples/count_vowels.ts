import { Host, LogLevel, Var } from '@extism/as-pdk';
import { configString, outputText } from './lib/io';
import { quote } from './lib/json';

const DEFAULT_VOWELS = 'aeiouAEIOU';

/**
 * Counts the input's characters that appear in config `vowels` (default `aeiouAEIOU`) and keeps
 * a running total in var `total`, so repeated calls on one instance add up.
 */
export function count_vowels(): i32 {
	const input = Host.inputString();
	const configured = configString('vowels');
	const vowels = configured === null ? DEFAULT_VOWELS : configured;

	const wanted = codePoints(vowels);
	let count: i64 = 0;
	for (let i = 0; i < input.length;) {
		const cp = input.codePointAt(i);
		if (wanted.has(cp)) count++;
		i += cp > 0xffff ? 2 : 1;
	}

	const previous = Var.getString('total');
	const total = (previous === null ? 0 : I64.parseInt(previous, 10)) + count;
	Var.set('total', Uint8Array.wrap(String.UTF8.encode(total.toString())));

	Host.log(LogLevel.Info, `counted ${count} vowels`);
	Host.log(LogLevel.Debug, `total is now ${total}`);
	outputText(`{"count":${count},"total":${total},"vowels":${quote(vowels)}}`);
	return 0;
}

function codePoints(text: string): Set<i32> {
	const set = new Set<i32>();
	for (let i = 0; i < text.length;) {
		const cp = text.codePointAt(i);
		set.add(cp);
		i += cp > 0xffff ? 2 : 1;
	}
	return set;
}
