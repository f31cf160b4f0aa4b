import { describe, expect, it } from 'vitest';
import { factsLine, type CallFacts } from './call-facts';

const facts = (f: Partial<CallFacts>): CallFacts => ({
	returnCode: 0,
	memoryPages: 2,
	vars: [],
	...f
});

describe('factsLine', () => {
	it('flags a non-zero code only when the call did not fail', () => {
		const ok = factsLine(facts({ returnCode: 3 }), null, false);
		expect(ok.returned).toBe('returned 3');
		expect(ok.flag).toContain('Rust SDK fails the call ("Returned non-zero exit code")');
		expect(factsLine(facts({ returnCode: 3 }), null, true).flag).toBeNull();
		expect(factsLine(facts({ returnCode: 0 }), null, false).flag).toBeNull();
	});

	it('says nothing of a code when the export gave none', () => {
		const line = factsLine(facts({ returnCode: null }), null, false);
		expect(line.returned).toBeNull();
		expect(line.flag).toBeNull();
	});

	it('shows memory in pages and bytes, and growth against the previous call', () => {
		const line = factsLine(facts({ memoryPages: 17 }), 15, false);
		expect(line.memory).toBe('memory 17 pages (1.1 MiB)');
		expect(line.growth).toBe('+2 pages');
		expect(factsLine(facts({ memoryPages: 1 }), 1, false).growth).toBeNull();
		expect(factsLine(facts({ memoryPages: 1 }), null, false)).toMatchObject({
			memory: 'memory 1 page (64.0 KiB)',
			growth: null
		});
		expect(factsLine(facts({ memoryPages: null }), 3, false).memory).toBeNull();
	});

	it('counts the vars and their bytes', () => {
		const vars = [
			{ name: 'a', value: new Uint8Array(3) },
			{ name: 'b', value: new Uint8Array(1500) }
		];
		expect(factsLine(facts({ vars }), null, false).vars).toBe('vars 2 (1.5 KiB)');
	});
});
