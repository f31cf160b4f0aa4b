import { Host, Memory } from '@extism/as-pdk';
import { config_get, error_set, length } from '@extism/as-pdk/lib/env';
import { fd_write } from './kernel';

/** Sets the call's output to the UTF-8 bytes of `text` (Host.outputString mis-sizes non-ASCII). */
export function outputText(text: string): void {
	Host.output(Uint8Array.wrap(String.UTF8.encode(text)));
}

/** Sets the call's error message; return the result from the export so the host reports it. */
export function failWith(message: string): i32 {
	error_set(Memory.allocateString(message).offset);
	return 1;
}

/**
 * A config value, or null when the key is absent. Unlike as-pdk's Config.get, an empty value
 * stays an empty string.
 */
export function configString(key: string): string | null {
	const offset = config_get(Memory.allocateString(key).offset);
	if (offset == 0) return null;
	return new Memory(offset, length(offset)).toString();
}

/** Writes `text` to a WASI file descriptor (1 = stdout, 2 = stderr); returns the WASI errno. */
export function writeFd(fd: u32, text: string): u16 {
	const bytes = String.UTF8.encode(text);
	// One iovec { buf: u32, len: u32 } followed by the u32 the host fills with the bytes written.
	const scratch = new ArrayBuffer(12);
	const iov = changetype<usize>(scratch);
	store<u32>(iov, <u32>changetype<usize>(bytes));
	store<u32>(iov, <u32>bytes.byteLength, 4);
	return fd_write(fd, iov, 1, iov + 8);
}
