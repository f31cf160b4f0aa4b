import { describe, expect, it } from 'vitest';
import { buildAs } from './asc';

type Asc = Parameters<typeof buildAs>[0];

/** asc as it ends in a browser: writes its reason to stderr, then process.exit throws "exit 1". */
function exitingAsc(stderrText: string, thrown = 'exit 1'): Asc {
	return {
		main: async (_args: string[], api: { stderr: { write(s: string): void } }) => {
			if (stderrText) api.stderr.write(stderrText);
			throw new Error(thrown);
		}
	} as unknown as Asc;
}

describe('an AssemblyScript compiler that exits', () => {
	it('gives the reason it wrote, not "exit 1"', async () => {
		const r = await buildAs(
			exitingAsc(
				'▌ Whoops, the AssemblyScript compiler has crashed during compile :-(\n▌ RangeError: Maximum call stack size exceeded\n'
			),
			'export function f(): void {}'
		);
		expect(r.ok).toBe(false);
		expect(r.diagnostics.at(-1)?.message).toBe(
			'The compiler failed: ▌ Whoops, the AssemblyScript compiler has crashed during compile :-(\n▌ RangeError: Maximum call stack size exceeded'
		);
		expect(JSON.stringify(r)).not.toContain('exit 1');
	});
	it('says it stopped without a reason when it wrote none, and passes any other throw on in words', async () => {
		const silent = await buildAs(exitingAsc(''), '');
		expect(silent.diagnostics.at(-1)?.message).toBe(
			'The compiler failed: it stopped without saying why'
		);
		const other = await buildAs(exitingAsc('', 'out of memory'), '');
		expect(other.diagnostics.at(-1)?.message).toBe('The compiler failed: out of memory');
	});
});
