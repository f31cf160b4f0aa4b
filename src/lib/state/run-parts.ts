// What RunController decides before and after a run, apart from running it: what an instance is
// made from, why nothing can run, and what a test case's run gave.
import type { RunReport } from '$lib/engine/run/outcomes';
import type { InstanceSpec } from '$lib/engine/run/runner';
import type { PluginSettings } from '$lib/engine/setup/settings';
import type { Mock } from '$lib/engine/http/mocks/mock';
import type { CurrentPlugin, LoadedPlugin } from './current-plugin.svelte';
import type { PluginExtras } from './extras.svelte';
import type { LogContext, RunRecord } from './run-log.svelte';

/** One run's call: with what settings, which function, which bytes, how many times. */
export interface Job {
	settings: PluginSettings;
	fn: string;
	input: Uint8Array;
	repeat: number;
	mocks: Mock[];
}

export type CaseOutcome =
	{ kind: 'output' | 'error'; text: string } | { kind: 'blocked'; text: string };

/** What the plugin's instance is made from: a change means a fresh instance. */
export function instanceSpec(
	current: Pick<CurrentPlugin, 'moduleFor'>,
	extras: Pick<PluginExtras, 'specsFor' | 'linked'>,
	p: LoadedPlugin,
	settings: PluginSettings,
	mocks: Mock[] = []
): InstanceSpec {
	return {
		module: current.moduleFor(p, settings.maxPages),
		settings,
		stubs: extras.specsFor(p.info),
		linked: extras.linked.map((l) => ({ name: l.name, module: l.module })),
		...(mocks.length ? { mocks } : {})
	};
}

/** Why nothing can run now, or null. */
export function whyBlocked(
	current: Pick<CurrentPlugin, 'plugin'>,
	extras: Pick<PluginExtras, 'hasCustom' | 'trusted'>
): string | null {
	if (!current.plugin) return 'Load a plugin first: pick an example, open a file or enter a URL.';
	if (extras.hasCustom && !extras.trusted)
		return 'This setup came with custom host-function code. Read it under Host functions and click "Trust this code" before running.';
	return null;
}

/** A test case's run as the suite judges it: its output, or its error, in words. */
export function caseOutcome(report: RunReport | null, rec: RunRecord): CaseOutcome {
	const o = report?.outcome;
	if (o?.status === 'ok') return { kind: 'output', text: rec.outputText };
	if (o?.status === 'error') return { kind: 'error', text: o.error.message };
	return { kind: 'error', text: `The run ended: ${o?.status ?? 'no answer'}.` };
}

/** What a run's "no logs" line can say: the level, and whether the plugin can log at all. */
export function logContext(
	p: LoadedPlugin,
	settings: Pick<PluginSettings, 'logLevel'>
): LogContext {
	const logs = p.info.imports.extism.some(
		(i) => i.kind === 'function' && i.name.startsWith('log_')
	);
	return { level: settings.logLevel, importsNoLog: !logs };
}
