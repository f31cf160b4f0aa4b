// The setup that travels in a share link: which plugin, which function, what input, which settings.
import { copySettings, DEFAULT_SETTINGS, type PluginSettings } from '../settings';
import { TIMEOUT } from '../settings-table';
import type { TestCase } from '../test-cases';

export type SetupSource =
	| { kind: 'example'; id: string }
	/** https only (http only for localhost and 127.0.0.1: see pluginUrlProblem). */
	| { kind: 'url'; url: string }
	/** A small local plugin that travels inside the link. */
	| { kind: 'bytes'; name: string; data: Uint8Array }
	| { kind: 'none' };

export interface Setup {
	source: SetupSource;
	fn: string;
	input: string;
	settings: PluginSettings;
	/** null = no timeout. */
	timeoutMs: number | null;
	/** Custom host-function code by "module::name" (absent: default stubs). */
	stubs?: Record<string, string>;
	tests?: TestCase[];
}

export const DEFAULT_SETUP: Setup = {
	source: { kind: 'none' },
	fn: '',
	input: '',
	settings: copySettings(DEFAULT_SETTINGS),
	timeoutMs: TIMEOUT.default
};
