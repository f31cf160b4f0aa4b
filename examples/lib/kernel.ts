// Extism kernel and WASI imports that @extism/as-pdk 1.0.0 does not declare.
// AssemblyScript-only syntax (decorated ambient functions): Prettier and ESLint cannot parse
// this file, so it is kept tiny and listed in their ignore files.

@external('extism:host/env', 'log_trace')
export declare function log_trace(offset: u64): void;

@external('extism:host/env', 'http_request')
export declare function http_request(request: u64, body: u64): u64;

@external('extism:host/env', 'http_status_code')
export declare function http_status_code(): i32;

@external('wasi_snapshot_preview1', 'fd_write')
export declare function fd_write(fd: u32, iovs: usize, iovsLen: u32, written: usize): u16;

@external('extism:host/env', 'http_headers')
export declare function http_headers(): u64;

@external('extism:host/env', 'get_log_level')
export declare function get_log_level(): i32;
