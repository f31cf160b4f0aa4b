// setup/ — the domain: the Setup a person edits (this file), each setting described once
// (settings-table, settings), the input a run sends and the example catalog. May import cases/,
// http/hosts.ts and util/; never persist/ or export/, which carry and write it.
//
// The setup: which plugin, which function, what input, which settings (what a share link and a
// save carry, in persist/, and what the exports in export/ write out).
import { copySettings, DEFAULT_SETTINGS, type PluginSettings } from './settings';
import { TIMEOUT } from './settings-table';
import type { TestCase } from '../cases/test-cases';
import type { Mock } from '../http/mocks/mock';

/** The languages a plugin can be written in here. */
export type Language = 'assemblyscript' | 'wat';

export const LANGUAGES: readonly Language[] = ['assemblyscript', 'wat'];

/** The plugin source being written: its language and text. */
export interface SetupCode {
	language: Language;
	text: string;
}

export type SetupSource =
	| { kind: 'example'; id: string }
	/** https only (http only for localhost and 127.0.0.1: see pluginUrlProblem). */
	| { kind: 'url'; url: string }
	/** A small local plugin that travels inside the link. */
	| { kind: 'bytes'; name: string; data: Uint8Array }
	| { kind: 'none' };

/** A file given as the input; its bytes go to the plugin as they are. */
export interface SetupInputFile {
	name: string;
	/** Its MIME type as the browser gave it ('' when unknown). */
	type: string;
	/** null when it was too large to travel: the person loads it again by hand. */
	data: Uint8Array | null;
}

/** A module the plugin imports from, by the name it imports it under (`extism call --link`). */
export interface SetupLink {
	name: string;
	/** Its file name, shown when it could not come along. */
	file: string;
	/** null when it was too large to travel: the person links it again by hand. */
	data: Uint8Array | null;
}

/** A var a person set, given to a fresh instance before its first call (seed state). */
export interface SetupVar {
	name: string;
	value: Uint8Array;
}

export interface Setup {
	source: SetupSource;
	fn: string;
	input: string;
	/** How the typed input spells its bytes (absent: UTF-8 text). */
	inputEncoding?: 'hex' | 'base64';
	/** When set, the input is this file and the typed input waits until it is cleared. */
	inputFile?: SetupInputFile;
	settings: PluginSettings;
	/** null = no timeout. */
	timeoutMs: number | null;
	/** Custom host-function code by "module::name" (absent: default stubs). */
	stubs?: Record<string, string>;
	tests?: TestCase[];
	linked?: SetupLink[];
	/** Plugin source written here; it is built on Run, never on opening. */
	code?: SetupCode;
	/** Mock responses for the plugin's HTTP requests, in order (absent: none). */
	mocks?: Mock[];
	/** Vars set by hand, in order (absent: none). */
	vars?: SetupVar[];
}

export const DEFAULT_SETUP: Setup = {
	source: { kind: 'none' },
	fn: '',
	input: '',
	settings: copySettings(DEFAULT_SETTINGS),
	timeoutMs: TIMEOUT.default
};
