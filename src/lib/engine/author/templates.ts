// Plugins to start writing from. Each builds as is and exports the function named in `fn`.
import type { Language } from './protocol';

export interface Template {
	id: string;
	title: string;
	language: Language;
	fn: string;
	input: string;
	text: string;
}

const COUNT_VOWELS = `import { Config, Host, LogLevel, Var } from '@extism/as-pdk';

// Counts the input's vowels (config "vowels" overrides which) and keeps a running total in var
// "total", so repeated calls on one instance add up.
export function count_vowels(): i32 {
  const input = Host.inputString();
  const configured = Config.get('vowels');
  const vowels = configured === null ? 'aeiouAEIOU' : configured;

  let count = 0;
  for (let i = 0; i < input.length; i++) {
    if (vowels.includes(input.charAt(i))) count++;
  }

  const previous = Var.getString('total');
  const total = (previous === null ? 0 : I32.parseInt(previous)) + count;
  Var.set('total', Uint8Array.wrap(String.UTF8.encode(total.toString())));

  Host.log(LogLevel.Info, 'counted ' + count.toString() + ' vowels');
  output('{"count":' + count.toString() + ',"total":' + total.toString() + '}');
  return 0;
}

// Host.outputString mis-sizes non-ASCII text: send the UTF-8 bytes.
function output(text: string): void {
  Host.output(Uint8Array.wrap(String.UTF8.encode(text)));
}
`;

const HELLO = `import { Host } from '@extism/as-pdk';

export function greet(): i32 {
  const name = Host.inputString();
  const text = 'Hello, ' + (name.length ? name : 'world') + '!';
  Host.output(Uint8Array.wrap(String.UTF8.encode(text)));
  return 0;
}
`;

const ERROR = `import { Host, Memory } from '@extism/as-pdk';
import { error_set } from '@extism/as-pdk/lib/env';

// A call that fails: the error message is set and a non-zero result returned.
export function fail(): i32 {
  const input = Host.inputString();
  error_set(Memory.allocateString('failed on purpose: ' + input).offset);
  return 1;
}
`;

const WAT = `;; The smallest useful Extism plugin: the output is the input, byte for byte.
(module
  (import "extism:host/env" "input_length" (func $input_length (result i64)))
  (import "extism:host/env" "input_load_u8" (func $input_load_u8 (param i64) (result i32)))
  (import "extism:host/env" "alloc" (func $alloc (param i64) (result i64)))
  (import "extism:host/env" "store_u8" (func $store_u8 (param i64 i32)))
  (import "extism:host/env" "output_set" (func $output_set (param i64 i64)))
  (memory (export "memory") 1)

  (func (export "echo") (result i32)
    (local $len i64) (local $block i64) (local $i i64)
    (local.set $len (call $input_length))
    (local.set $block (call $alloc (local.get $len)))
    (block $done
      (loop $copy
        (br_if $done (i64.ge_u (local.get $i) (local.get $len)))
        (call $store_u8
          (i64.add (local.get $block) (local.get $i))
          (call $input_load_u8 (local.get $i)))
        (local.set $i (i64.add (local.get $i) (i64.const 1)))
        (br $copy)))
    (call $output_set (local.get $block) (local.get $len))
    (i32.const 0)))
`;

export const TEMPLATES: readonly Template[] = [
	{
		id: 'count-vowels',
		title: 'Count vowels (config, var, log)',
		language: 'assemblyscript',
		fn: 'count_vowels',
		input: 'Hello, Extism!',
		text: COUNT_VOWELS
	},
	{
		id: 'hello',
		title: 'Hello world',
		language: 'assemblyscript',
		fn: 'greet',
		input: 'Extism',
		text: HELLO
	},
	{
		id: 'error',
		title: 'An error',
		language: 'assemblyscript',
		fn: 'fail',
		input: 'bad input',
		text: ERROR
	},
	{
		id: 'wat-echo',
		title: 'Minimal WAT plugin (echo)',
		language: 'wat',
		fn: 'echo',
		input: 'echo me',
		text: WAT
	}
];

export function templateById(id: string): Template | undefined {
	return TEMPLATES.find((t) => t.id === id);
}
