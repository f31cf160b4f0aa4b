// Settings that stayed from the previous plugin when another one loaded. They are kept, not
// reset: the other plugin is most often a new build or version of the same one, whose config and
// hosts the person still wants. What was wrong was that they stayed silently, so the page names
// them ("kept from the previous plugin") and one click puts this plugin's own starting values back.
import type { ExampleInfo } from '$lib/engine/setup/examples';
import { copySettings, copyValue, type PluginSettings } from '$lib/engine/setup/settings';
import { SETTING_LIST, TIMEOUT } from '$lib/engine/setup/settings-table';
import { DEFAULT_SETUP } from '$lib/engine/setup/setup';
import type { ModuleInfo } from '$lib/engine/wasm/inspect';

/** The plugin the settings came from, and what the new one starts with on its own. */
export interface KeptFrom {
	label: string;
	base: PluginSettings;
	timeoutMs: number | null;
}

type Values = { settings: PluginSettings; timeoutMs: number | null };

/** What a newly loaded plugin starts with: the defaults, its example's, WASI when it needs it. */
export function startingValues(info: ModuleInfo, example: ExampleInfo | null): Values {
	const settings = copySettings(DEFAULT_SETUP.settings);
	if (example) {
		settings.config = { ...example.config };
		settings.allowedHosts = [...example.allowedHosts];
		settings.wasi = example.wasi;
	}
	if (info.usesWasi) settings.wasi = true;
	return { settings, timeoutMs: DEFAULT_SETUP.timeoutMs };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The labels of the settings that differ from what the plugin starts with, in the panel's order. */
export function keptLabels(now: Values, from: KeptFrom | null): string[] {
	if (!from) return [];
	const labels = SETTING_LIST.filter(([k]) => !same(now.settings[k], from.base[k])).map(
		([, s]) => s.label
	);
	if (now.timeoutMs !== from.timeoutMs) labels.push(TIMEOUT.label);
	return labels;
}

/** Puts the plugin's starting values back in place of the kept ones. */
export function dropKept(now: Values, from: KeptFrom): void {
	for (const [k] of SETTING_LIST)
		if (!same(now.settings[k], from.base[k]))
			(now.settings as Record<string, unknown>)[k] = copyValue(from.base[k]);
	now.timeoutMs = from.timeoutMs;
}
