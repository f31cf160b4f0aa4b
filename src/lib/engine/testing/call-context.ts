// A stand-in for the SDK's CallContext in host-function tests: reads JS values by address and
// records what the host function stores.
/** A call context over a few JS values, as the SDK's CallContext is over Extism memory. */
export function context(values: Record<number, unknown>) {
	const stored: (string | Uint8Array)[] = [];
	return {
		stored,
		read(addr: bigint) {
			const v = values[Number(addr)];
			if (v === undefined) return null;
			return {
				json: () => v,
				bytes: () => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v))
			};
		},
		store(input: string | Uint8Array) {
			stored.push(input);
			return BigInt(100 + stored.length);
		}
	};
}
