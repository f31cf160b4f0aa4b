// The settings' defaults and their mapping onto the SDK's createPlugin options, all derived from
// the description in settings-table.ts.
import { SETTING_LIST, type LogLevel, type PluginSettings, type Setting } from './settings-table';

export { LOG_LEVELS, type LogLevel, type PluginSettings } from './settings-table';

/** A fresh default value (undefined for a limit: no limit). */
export function defaultOf(setting: Setting): unknown {
	switch (setting.kind) {
		case 'flag':
			return false;
		case 'choice':
			return setting.default;
		case 'list':
			return [];
		case 'map':
			return {};
		case 'limit':
			return undefined;
	}
}

/** Whether a value is the setting's default: every format leaves those out. */
export function isDefault(setting: Setting, value: unknown): boolean {
	if (Array.isArray(value)) return value.length === 0;
	if (value !== null && typeof value === 'object') return Object.keys(value).length === 0;
	return value === defaultOf(setting);
}

/** A copy that shares no list or object with the original. */
export function copyValue<T>(value: T): T {
	if (Array.isArray(value)) return [...value] as T;
	return value !== null && typeof value === 'object' ? { ...value } : value;
}

/** Settings that share no list or object with these (state proxies included). */
export function copySettings(s: PluginSettings): PluginSettings {
	return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, copyValue(v)])) as PluginSettings;
}

export const DEFAULT_SETTINGS = Object.fromEntries(
	SETTING_LIST.filter(([, s]) => s.kind !== 'limit').map(([key, s]) => [key, defaultOf(s)])
) as PluginSettings;

/**
 * The subset of the SDK's ExtismPluginOptions we set; kept structural so this file needs no SDK
 * import. A new setting needs a line here only if the worker reads its option by name.
 */
export interface SdkOptions {
	useWasi: boolean;
	enableWasiOutput: boolean;
	runInWorker: boolean;
	logLevel: LogLevel;
	config: Record<string, string>;
	allowedHosts: string[];
	allowHttpResponseHeaders: boolean;
	memory: { maxPages?: number; maxVarBytes?: number; maxHttpResponseBytes?: number };
}

/** Sets `path` ("memory.maxPages") in `target`, making the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
	const parts = path.split('.');
	const last = parts.pop()!;
	for (const part of parts) target = (target[part] ??= {}) as Record<string, unknown>;
	target[last] = value;
}

/**
 * Settings go in as options, never in the manifest: the SDK ignores a manifest's timeoutMs and
 * loses its memory limits. Timeouts are ours (the worker is terminated), not the SDK's. WASI
 * output is captured whenever WASI is on, and the SDK never starts its own worker inside ours.
 */
export function toSdkOptions(s: PluginSettings): SdkOptions {
	const options: Record<string, unknown> = { memory: {} }; // always an object, as it always was
	for (const [key, setting] of SETTING_LIST) {
		const value = s[key];
		if (value !== undefined) setPath(options, setting.sdk, copyValue(value));
	}
	return { ...options, enableWasiOutput: s.wasi, runInWorker: false } as unknown as SdkOptions;
}

export function sameSettings(a: PluginSettings, b: PluginSettings): boolean {
	return JSON.stringify(toSdkOptions(a)) === JSON.stringify(toSdkOptions(b));
}
