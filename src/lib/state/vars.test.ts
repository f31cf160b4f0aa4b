import { describe, expect, it } from 'vitest';
import type { Playground } from './playground.svelte';
import { currentSetup } from './setup-map';
import { playgroundPerTest } from './testing/playgrounds';

const enc = new TextEncoder();
const names = (pg: Playground) => pg.vars.shown.map((v) => `${v.name}=${v.text ?? v.hex}`);
const lastRun = (pg: Playground) => {
	const e = pg.log.entries.findLast((x) => x.type === 'run');
	return e?.type === 'run' ? e.run : null;
};

describe('Vars (count vowels keeps a running total in var "total")', () => {
	const playground = playgroundPerTest();

	it('shows the vars the plugin holds after every run, and empties on Reset', async () => {
		const pg = playground();
		await pg.startOver();
		expect(pg.vars.shown).toEqual([]);
		await pg.runs.run();
		expect(names(pg)).toEqual(['total=4']);
		await pg.runs.run();
		expect(names(pg)).toEqual(['total=8']);
		pg.runs.reset();
		expect(pg.vars.shown).toEqual([]);
	});

	it('gives a var set by a person to the plugin on its next call, and deletes one', async () => {
		const pg = playground();
		await pg.startOver();
		await pg.runs.run();
		expect(pg.vars.set('total', '100', 'text')).toBeNull();
		expect(pg.vars.shown).toMatchObject([{ name: 'total', text: '100', waiting: 'set' }]);
		await pg.runs.run();
		expect(lastRun(pg)?.outputText).toContain('"total":104');
		expect(pg.vars.shown).toMatchObject([{ name: 'total', text: '104', waiting: null }]);
		pg.vars.remove('total');
		expect(pg.vars.shown).toMatchObject([{ name: 'total', waiting: 'delete' }]);
		await pg.runs.run();
		expect(lastRun(pg)?.outputText).toContain('"total":4');
	});

	it('seeds a fresh instance with the vars set by hand, which the setup carries', async () => {
		const pg = playground();
		await pg.startOver();
		pg.vars.set('total', '40', 'text');
		pg.vars.set('raw', '01 00 00 00', 'hex');
		expect(currentSetup(pg).vars).toEqual([
			{ name: 'total', value: enc.encode('40') },
			{ name: 'raw', value: new Uint8Array([1, 0, 0, 0]) }
		]);
		await pg.runs.run();
		pg.runs.reset();
		// The seed stays with the setup: shown for the next fresh instance, and given to it.
		expect(names(pg)).toEqual(['total=40', 'raw=01 00 00 00']);
		await pg.runs.run();
		expect(lastRun(pg)?.outputText).toContain('"total":44');
	});

	it('refuses a var without a name or with a value that is not hex', async () => {
		const pg = playground();
		expect(pg.vars.set('  ', 'x', 'text')).toBe('Give the var a name.');
		expect(pg.vars.set('a', 'zz', 'hex')).toContain('The value is not hex');
		expect(pg.setup.vars).toEqual([]);
	});

	it('puts the return code, the memory and its growth in the run’s summary', async () => {
		const pg = playground();
		await pg.startOver();
		await pg.runs.run();
		const first = lastRun(pg)!.facts!;
		expect(first.returned).toBe('returned 0');
		expect(first.flag).toBeNull();
		expect(first.memory).toMatch(/^memory \d+ pages? \(/);
		expect(first.vars).toBe('vars 1 (1 B)');
	});
});
