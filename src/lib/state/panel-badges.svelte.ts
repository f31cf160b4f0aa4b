// What each tab says is inside its panel, so nothing important hides behind a closed tab: a count
// ("Allowed hosts (2)"), a verdict ("Test cases (3/4 passed)") and whether it needs a look (a
// refused request, a failed test, code waiting to be trusted).
import type { SetupState } from './setup-state.svelte';
import type { PluginExtras } from './extras.svelte';
import type { TestSuite } from './test-suite.svelte';
import type { XtpSuite } from './xtp-suite.svelte';
import type { NetworkLog } from './network-log.svelte';
import type { MockResponses } from './mocks.svelte';
import type { CurrentPlugin } from './current-plugin.svelte';
import type { OutputTab, SideTab } from './layout.svelte';
import type { VarsState } from './vars.svelte';

export interface Badge {
	/** Said after the tab's name, in brackets; empty when there is nothing to count. */
	text: string;
	/** Something the person should look at. */
	alert: boolean;
}

const NONE: Badge = { text: '', alert: false };
const count = (n: number): Badge => (n ? { text: String(n), alert: false } : NONE);

export interface BadgeSources {
	setup: SetupState;
	extras: PluginExtras;
	suite: TestSuite;
	xtp: XtpSuite;
	network: NetworkLog;
	mocks: Pick<MockResponses, 'list' | 'blocked'>;
	current: Pick<CurrentPlugin, 'plugin' | 'rejected'>;
	vars?: Pick<VarsState, 'shown'>;
}

export class PanelBadges {
	#s: BadgeSources;

	constructor(sources: BadgeSources) {
		this.#s = sources;
	}

	readonly side: Record<SideTab, Badge> = $derived.by(() => {
		const { setup, extras, suite, xtp, current } = this.#s;
		const cases = suite.summary;
		const totals = xtp.totals;
		const hostFns = current.plugin ? extras.specsFor(current.plugin.info).length : 0;
		return {
			Plugin: current.rejected ? { text: 'not loaded', alert: true } : NONE,
			Settings: NONE,
			Config: count(Object.keys(setup.settings.config).length),
			'Allowed hosts': count(setup.settings.allowedHosts.length),
			'Host functions': extras.trusted
				? count(hostFns)
				: { text: `${extras.untrusted.length} to trust`, alert: true },
			'Linked modules': count(extras.linked.length),
			'Test cases': cases
				? {
						text: `${cases.passed}/${cases.passed + cases.failed} passed`,
						alert: cases.failed > 0
					}
				: count(suite.cases.length),
			'XTP tests': totals
				? totals.failed
					? { text: `${totals.failed} failed`, alert: true }
					: { text: `${totals.passed} passed`, alert: false }
				: NONE
		};
	});

	readonly output: Record<OutputTab, Badge> = $derived.by(() => {
		const { network, mocks } = this.#s;
		const refused = network.rows.filter((r) => r.state === 'refused').length;
		return {
			Output: NONE,
			Network: refused ? { text: `${refused} refused`, alert: true } : count(network.total),
			Vars: count(this.#s.vars?.shown.length ?? 0),
			// A mock that cannot answer blocks every run: the tab says so.
			'Mock responses': mocks.blocked
				? { text: `${mocks.list.length}, one to fix`, alert: true }
				: count(mocks.list.length)
		};
	});
}

/** A tab's accessible name: its panel's name, then what the badge says. */
export const tabName = (name: string, badge: Badge = NONE) =>
	badge.text ? `${name} (${badge.text})` : name;
