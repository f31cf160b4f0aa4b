// The sources of the templates, kept apart from the list that describes them.

export const COUNT_VOWELS = `import { Config, Host, LogLevel, Var } from '@extism/as-pdk';

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

export const HELLO = `import { Host } from '@extism/as-pdk';

export function greet(): i32 {
  const name = Host.inputString();
  const text = 'Hello, ' + (name.length ? name : 'world') + '!';
  Host.output(Uint8Array.wrap(String.UTF8.encode(text)));
  return 0;
}
`;

export const ERROR = `import { Host, Memory } from '@extism/as-pdk';
import { error_set } from '@extism/as-pdk/lib/env';

// A call that fails: the error message is set and a non-zero result returned.
export function fail(): i32 {
  const input = Host.inputString();
  error_set(Memory.allocateString('failed on purpose: ' + input).offset);
  return 1;
}
`;

export const WEBHOOK = `import { Host } from '@extism/as-pdk';
import { Http } from './lib/http';
import { failWith, outputText } from './lib/io';
import { decodeString, quote, rawField } from './lib/json';

// POSTs the input's "payload" as JSON to its "url" and outputs {status, body}. The url's host
// must be in Allowed hosts: the host refuses every other request.
export function post_json(): i32 {
  const input = Host.inputString();
  const url = rawField(input, 'url');
  if (url === null || !url.startsWith('"')) {
    return failWith('input must be JSON like {"url": "https://…", "payload": {…}}');
  }
  const payload = rawField(input, 'payload');
  const res = Http.request(
    'POST',
    decodeString(url),
    '{"Content-Type":"application/json"}',
    payload === null ? 'null' : payload
  );
  const body = res.body;
  if (body === null) return failWith('no response (status ' + res.status.toString() + ')');
  outputText('{"status":' + res.status.toString() + ',"body":' + quote(body) + '}');
  return 0;
}
`;

export const LOGS = `import { Host, LogLevel, Memory } from '@extism/as-pdk';
import { get_log_level, log_trace } from './lib/kernel';
import { outputText } from './lib/io';

// One message at each log level, lowest first. The host drops those below its log level
// (Settings → Log level), which the plugin can ask for: 0 trace … 4 error.
export function log_all(): i32 {
  // as-pdk's Host.log has no trace level: that one goes straight to the kernel.
  log_trace(Memory.allocateString('trace message').offset);
  Host.log(LogLevel.Debug, 'debug message');
  Host.log(LogLevel.Info, 'info message');
  Host.log(LogLevel.Warn, 'warn message');
  Host.log(LogLevel.Error, 'error message');
  outputText('logged at 5 levels; host log level ' + get_log_level().toString());
  return 0;
}
`;

export const HOST_FUNCTION = `import { Host, Memory } from '@extism/as-pdk';
import { length } from '@extism/as-pdk/lib/env';
import { outputText } from './lib/io';

// A function the host application provides. Here the playground stands in a stub for it (see
// Host functions): by default it returns 0; give it code there to return something.
@external('extism:host/user', 'lookup')
declare function lookup(key: u64): u64;

export function describe_user(): i32 {
  const key = Memory.allocateString(Host.inputString());
  const found = lookup(key.offset);
  const value = found == 0 ? 'nothing' : new Memory(found, length(found)).toString();
  outputText('lookup(' + Host.inputString() + ') gave ' + value);
  return 0;
}
`;

export const WAT = `;; The smallest useful Extism plugin: the output is the input, byte for byte.
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
