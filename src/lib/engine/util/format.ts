// Numbers, names and bytes as a person reads them: sizes, durations, long wasm names, hex dumps.

/** Classic 16-bytes-a-line dump: offset, hex bytes, printable ASCII. */
export function hexDump(bytes: Uint8Array): string {
	const lines: string[] = [];
	for (let off = 0; off < bytes.length; off += 16) {
		const row = bytes.subarray(off, off + 16);
		const hex = Array.from(row, (b) => b.toString(16).padStart(2, '0')).join(' ');
		const ascii = Array.from(row, (b) =>
			b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.'
		).join('');
		lines.push(`${off.toString(16).padStart(8, '0')}  ${hex.padEnd(47)}  |${ascii}|`);
	}
	return lines.join('\n');
}

export function formatBytes(n: number): string {
	if (n < 1024) return `${n} B`;
	if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
	return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

export function formatMs(ms: number): string {
	if (ms < 1) return `${ms.toFixed(3)} ms`;
	if (ms < 100) return `${ms.toFixed(1)} ms`;
	return `${Math.round(ms)} ms`;
}

const MAX_NAME_CHARS = 120;

/** A name from a module, short enough to lay out: wasm names may be megabytes long. */
export function clipName(name: string): string {
	if (name.length <= MAX_NAME_CHARS) return name;
	return `${name.slice(0, MAX_NAME_CHARS)}… (${name.length.toLocaleString('en-US')} characters)`;
}
