// Raw deflate through the platform's CompressionStream (browsers, Node 20): no library needed.

export async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
		.stream()
		.pipeThrough(new CompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

export class InflateError extends Error {
	override name = 'InflateError';
	constructor(readonly reason: 'corrupt' | 'too-large') {
		super(reason);
	}
}

/**
 * Inflate at most `maxBytes`, reading chunk by chunk so that a small link that unpacks to gigabytes
 * (a decompression bomb) is stopped at the cap instead of filling memory.
 */
export async function inflateRaw(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
	const stream = new DecompressionStream('deflate-raw');
	const writer = stream.writable.getWriter();
	// These settle only as the reader pulls, and reject when the data is corrupt or we cancel: the
	// reader below sees the same failure, so they must not surface as unhandled rejections.
	writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
	writer.close().catch(() => {});
	const reader = stream.readable.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		let step: ReadableStreamReadResult<Uint8Array>;
		try {
			step = await reader.read();
		} catch {
			throw new InflateError('corrupt');
		}
		if (step.done) break;
		total += step.value.length;
		if (total > maxBytes) {
			await reader.cancel().catch(() => {});
			throw new InflateError('too-large');
		}
		chunks.push(step.value);
	}
	const out = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		out.set(chunk, offset);
		offset += chunk.length;
	}
	return out;
}
