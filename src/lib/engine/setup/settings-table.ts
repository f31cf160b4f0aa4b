// Every setting of a plugin instance, described once: its type, default and range, its label, and
// its name in each place it travels: the SDK's createPlugin options (which the JavaScript snippet
// writes too), `extism call`'s flags, an Extism manifest and a share link. settings.ts, the link
// codec, the manifest, the code generators and the panels all read this table, so a new setting
// is one entry below plus its control in a panel.
import { hostPatternError } from '../http/hosts';

/** The SDK's log levels, most verbose first. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * A place in one format's list, lowest first. Each format keeps the order it always had (the
 * formats never agreed on one), so generated code does not change; a new setting takes a free place.
 */
type At = number;

interface Names {
	label: string;
	/** How a link's refusal names it. Its field in a link is its key in SETTINGS, so keys never change. */
	what: string;
	/** The createPlugin option, dotted when nested ("memory.maxPages"); also the manifest's camelCase name. */
	sdk: string;
	cli: { flag: string; at: At };
	/** Place among the options of the JavaScript snippet (settings nested in one option share it). */
	js: At;
}

/** Manifests hold a setting in a field (snake_case, dotted when nested), or Python passes it otherwise. */
type Manifested =
	| { manifest: { field: string; at: At }; python?: never }
	| {
			manifest?: never;
			python:
				| { kwarg: string } // an argument of extism.Plugin(...)
				| { before: (value: string) => string } // a line before the plugin is made
				| { lacks: string }; // no Python equivalent: a comment says what the playground did
	  };

type Kinds =
	/** Off by default. */
	| { kind: 'flag' }
	/** `sdkDefault` is the SDK's own, where it differs: the snippet then always writes it. */
	| { kind: 'choice'; values: readonly string[]; default: string; sdkDefault: string }
	| {
			kind: 'list';
			limits: { items: number; chars: number; check: (text: string) => string | null };
	  }
	| { kind: 'map'; limits: { entries: number; key: number; value: number } }
	/** A whole number from 0 to max; unset by default, meaning no limit. */
	| { kind: 'limit'; max: number };

export type Setting = Names & Manifested & Kinds;

/** Checks every entry against Setting and keeps its literal types, which PluginSettings is made from. */
const described = <const T extends Record<string, Setting>>(table: T) => table;

export const SETTINGS = described({
	wasi: {
		kind: 'flag',
		label: 'WASI',
		what: 'the setting wasi',
		sdk: 'useWasi',
		cli: { flag: '--wasi', at: 2 },
		js: 1,
		python: { kwarg: 'wasi' }
	},
	logLevel: {
		kind: 'choice',
		values: LOG_LEVELS,
		default: 'info',
		sdkDefault: 'silent', // the SDK logs nothing unless a level is set
		label: 'Log level',
		what: 'the log level',
		sdk: 'logLevel',
		cli: { flag: '--log-level', at: 9 },
		js: 4,
		python: { before: (level) => `extism.set_log_file("stderr", ${JSON.stringify(level)})` }
	},
	config: {
		kind: 'map',
		limits: { entries: 256, key: 256, value: 64 * 1024 },
		label: 'Config',
		what: 'the config',
		sdk: 'config',
		cli: { flag: '--config', at: 3 },
		js: 3,
		manifest: { field: 'config', at: 2 }
	},
	allowedHosts: {
		kind: 'list',
		// Exactly what the Allowed host field accepts: "!x" or "+(*)" would allow every host.
		limits: { items: 64, chars: 253, check: hostPatternError },
		label: 'Allowed hosts',
		what: 'the list of allowed hosts',
		sdk: 'allowedHosts',
		cli: { flag: '--allow-host', at: 1 },
		js: 2,
		manifest: { field: 'allowed_hosts', at: 1 }
	},
	allowHttpResponseHeaders: {
		kind: 'flag',
		label: 'Response headers',
		what: 'the setting allowHttpResponseHeaders',
		sdk: 'allowHttpResponseHeaders',
		cli: { flag: '--enable-http-response-headers', at: 4 },
		js: 6,
		python: { lacks: 'let the plugin read HTTP response headers' }
	},
	maxPages: {
		kind: 'limit',
		max: 65_536, // a wasm32 memory has at most 65,536 pages of 64 KiB
		label: 'Max memory pages',
		what: 'the setting maxPages',
		sdk: 'memory.maxPages',
		cli: { flag: '--memory-max', at: 5 },
		js: 5,
		manifest: { field: 'memory.max_pages', at: 3 }
	},
	maxVarBytes: {
		kind: 'limit',
		max: 2 ** 32,
		label: 'Max var bytes',
		what: 'the setting maxVarBytes',
		sdk: 'memory.maxVarBytes',
		cli: { flag: '--var-max', at: 6 },
		js: 5,
		manifest: { field: 'memory.max_var_bytes', at: 3 }
	},
	maxHttpResponseBytes: {
		kind: 'limit',
		max: 2 ** 32,
		label: 'Max HTTP response bytes',
		what: 'the setting maxHttpResponseBytes',
		sdk: 'memory.maxHttpResponseBytes',
		cli: { flag: '--http-response-max', at: 7 },
		js: 5,
		manifest: { field: 'memory.max_http_response_bytes', at: 3 }
	}
});

/**
 * The run's time limit, beside the settings because it is ours, not the SDK's (the worker is
 * terminated), and a link keeps it outside them; null = none. Snippets write it after every setting.
 */
export const TIMEOUT = {
	label: 'Timeout (ms)',
	what: 'the timeout',
	default: 10_000,
	// setTimeout treats anything above 2^31 - 1 ms as 0 and would fire at once.
	max: 2 ** 31 - 1,
	/** For the JavaScript snippet and a camelCase manifest; the playground never passes it. */
	sdk: 'timeoutMs',
	cli: { flag: '--timeout', at: 8 },
	manifest: { field: 'timeout_ms' }
} as const;

type Table = typeof SETTINGS;
export type SettingKey = keyof Table;
type KeysOf<K extends Setting['kind']> = {
	[N in SettingKey]: Table[N]['kind'] extends K ? N : never;
}[SettingKey];
type ValueOf<S> = S extends { kind: 'flag' }
	? boolean
	: S extends { kind: 'choice'; values: readonly (infer V)[] }
		? V
		: S extends { kind: 'list' }
			? string[]
			: S extends { kind: 'map' }
				? Record<string, string>
				: number;

/** What a person sets up for a plugin instance; limits left out mean no limit. */
export type PluginSettings = {
	[N in Exclude<SettingKey, KeysOf<'limit'>>]: ValueOf<Table[N]>;
} & { [N in KeysOf<'limit'>]?: number };

/** The settings in the table's order (a link's order), with their keys. */
export const SETTING_LIST = Object.entries(SETTINGS) as [SettingKey, Setting][];
