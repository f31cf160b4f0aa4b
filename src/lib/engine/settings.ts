// What a person sets up for a plugin instance, and how it maps onto the SDK's createPlugin options.
import type { LogLevel } from './protocol';

export interface PluginSettings {
	wasi: boolean;
	logLevel: LogLevel;
	config: Record<string, string>;
	allowedHosts: string[];
	/** Extism memory limits; undefined = no limit. */
	maxPages?: number;
	maxVarBytes?: number;
	maxHttpResponseBytes?: number;
	allowHttpResponseHeaders: boolean;
}

export const LOG_LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

export const DEFAULT_SETTINGS: PluginSettings = {
	wasi: false,
	logLevel: 'info',
	config: {},
	allowedHosts: [],
	allowHttpResponseHeaders: false
};

/** The subset of the SDK's ExtismPluginOptions we set; kept structural so this file needs no SDK import. */
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

/**
 * Settings go in as options, never in the manifest: the SDK ignores a manifest's timeoutMs and
 * loses its memory limits. Timeouts are ours (the worker is terminated), not the SDK's.
 */
export function toSdkOptions(s: PluginSettings): SdkOptions {
	const memory: SdkOptions['memory'] = {};
	if (s.maxPages !== undefined) memory.maxPages = s.maxPages;
	if (s.maxVarBytes !== undefined) memory.maxVarBytes = s.maxVarBytes;
	if (s.maxHttpResponseBytes !== undefined) memory.maxHttpResponseBytes = s.maxHttpResponseBytes;
	return {
		useWasi: s.wasi,
		enableWasiOutput: s.wasi,
		runInWorker: false,
		logLevel: s.logLevel,
		config: { ...s.config },
		allowedHosts: [...s.allowedHosts],
		allowHttpResponseHeaders: s.allowHttpResponseHeaders,
		memory
	};
}

export function sameSettings(a: PluginSettings, b: PluginSettings): boolean {
	return JSON.stringify(toSdkOptions(a)) === JSON.stringify(toSdkOptions(b));
}
