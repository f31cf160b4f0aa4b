import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sha256Once } from './sha256';

const hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('sha256Once', () => {
	afterEach(() => vi.restoreAllMocks());

	it('digests the same bytes once', async () => {
		const digest = vi.spyOn(globalThis.crypto.subtle, 'digest');
		const bytes = new Uint8Array([1, 2, 3]);
		expect(await sha256Once(bytes)).toBe(await sha256Once(bytes));
		expect(digest).toHaveBeenCalledTimes(1);
	});

	it('does not remember a failed digest', async () => {
		const digest = vi
			.spyOn(globalThis.crypto.subtle, 'digest')
			.mockRejectedValueOnce(new Error('OperationError'));
		const bytes = new Uint8Array([4, 5, 6]);
		await expect(sha256Once(bytes)).rejects.toThrow('OperationError');
		expect(await sha256Once(bytes)).toBe(hex(bytes));
		expect(digest).toHaveBeenCalledTimes(2);
	});
});
