import { describe, expect, it } from 'vitest';
import type { CaseResult } from '$lib/engine/cases/test-cases';
import { newMock } from '$lib/engine/http/mocks/mock';
import { PanelBadges, tabName } from './panel-badges.svelte';
import { playgroundPerTest } from './testing/playgrounds';

describe('PanelBadges', () => {
	const playground = playgroundPerTest();

	it('says nothing on panels with nothing in them', () => {
		const badges = new PanelBadges(playground());
		expect(tabName('Allowed hosts', badges.side['Allowed hosts'])).toBe('Allowed hosts');
		expect(tabName('Network', badges.output.Network)).toBe('Network');
		expect(Object.values(badges.side).some((b) => b.alert)).toBe(false);
	});

	it('counts hosts and config entries as they are added', () => {
		const pg = playground();
		const badges = new PanelBadges(pg);
		pg.setup.settings.allowedHosts = [];
		pg.setup.allowHost('example.com');
		pg.setup.allowHost('*.example.org');
		pg.setup.settings.config = { a: '1' };
		expect(tabName('Allowed hosts', badges.side['Allowed hosts'])).toBe('Allowed hosts (2)');
		expect(tabName('Config', badges.side.Config)).toBe('Config (1)');
	});

	it('counts the vars the next call will find', async () => {
		const pg = playground();
		const badges = new PanelBadges(pg);
		expect(tabName('Vars', badges.output.Vars)).toBe('Vars');
		await pg.startOver();
		await pg.runs.run();
		pg.vars.set('extra', 'x', 'text');
		expect(tabName('Vars', badges.output.Vars)).toBe('Vars (2)');
	});

	it('says how many test cases passed, and flags a failure', () => {
		const pg = playground();
		const badges = new PanelBadges(pg);
		for (let i = 0; i < 4; i++) pg.suite.add();
		expect(badges.side['Test cases']).toEqual({ text: '4', alert: false });
		const result = (id: string, pass: boolean) =>
			({ id, pass, actual: { kind: 'output' }, ms: 1 }) as unknown as CaseResult;
		pg.suite.results = Object.fromEntries(
			pg.suite.cases.map((c, i) => [c.id, result(c.id, i !== 2)])
		);
		expect(badges.side['Test cases']).toEqual({ text: '3/4 passed', alert: true });
	});

	it('flags a refused request on the Network tab', () => {
		const pg = playground();
		const badges = new PanelBadges(pg);
		pg.network.refused(1, 'https://evil.test/x', 'evil.test');
		expect(tabName('Network', badges.output.Network)).toBe('Network (1 refused)');
		expect(badges.output.Network.alert).toBe(true);
	});

	it('flags host-function code waiting to be trusted', () => {
		const pg = playground();
		const badges = new PanelBadges(pg);
		pg.extras.replace({ 'env::f': 'return 1' }, []);
		expect(badges.side['Host functions']).toEqual({ text: '1 to trust', alert: true });
		pg.extras.trust();
		expect(badges.side['Host functions'].alert).toBe(false);
	});

	it('flags failed XTP assertions', () => {
		const pg = playground();
		const badges = new PanelBadges(pg);
		pg.xtp.totals = { passed: 2, failed: 1, calls: 3, failedCalls: 0 };
		expect(badges.side['XTP tests']).toEqual({ text: '1 failed', alert: true });
	});

	it('counts mock responses, and flags one that blocks every run', () => {
		const pg = playground();
		const badges = new PanelBadges(pg);
		expect(tabName('Mock responses', badges.output['Mock responses'])).toBe('Mock responses');
		pg.mocks.add(newMock('https://a.test/*'));
		expect(badges.output['Mock responses']).toEqual({ text: '1', alert: false });
		pg.mocks.add({ ...newMock('https://b.test/'), body: { kind: 'file', name: 'b', data: null } });
		expect(badges.output['Mock responses']).toEqual({ text: '2, one to fix', alert: true });
	});
});
