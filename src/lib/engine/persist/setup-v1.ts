// Format 1 of a link's JSON: the Setup itself, with plugin bytes as base64. Every field is written,
// so a later change of a default never changes what an old link means; keys it does not know are
// ignored, so a newer optional field does not break older readers.
import { SETTING_LIST, TIMEOUT, type PluginSettings } from '../setup/settings-table';
import { pluginUrlProblem } from '../wasm/source';
import { fromBase64, toBase64 } from '../util/base64';
import {
	readCount,
	readObject,
	readOneOf,
	readSetting,
	readString,
	readStringMap,
	SetupError
} from './fields';
import type { Setup, SetupLink, SetupSource } from '../setup/setup';
import { casesFromJson, casesToJson } from '../cases/test-cases-file';
import { utf8Length, type Json } from '../util/validate';
import { readCode, writeCode } from './code';
import { readInputFields, writeInputFields } from './input-file';
import { readMocks, writeMocks } from './mocks';
import { readVars, writeVars } from './vars';

export const LIMITS = {
	fnChars: 256,
	inputBytes: 256 * 1024,
	exampleId: /^[A-Za-z0-9][\w.-]{0,63}$/,
	urlChars: 2048,
	fileNameChars: 256,
	stubs: { entries: 64, key: 512, value: 64 * 1024 },
	linked: 16
	// The settings' own ranges are in their description (settings.ts).
} as const;

/** A decoded link: the setup, and the file name of a plugin that was too large to come along. */
export interface Decoded {
	setup: Setup;
	missingPlugin?: string;
}

function readPluginUrl(value: unknown): string {
	const text = readString(value, 'the plugin URL', LIMITS.urlChars);
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new SetupError(`The plugin address "${text.slice(0, 80)}" is not a URL.`);
	}
	const problem = pluginUrlProblem(
		url,
		(u) =>
			`The plugin address must start with https:// (it starts with ${u.protocol}). Plugin code should not travel unencrypted.`
	);
	if (problem) throw new SetupError(problem);
	return text;
}

function readFileName(value: unknown): string {
	const name = readString(value, 'the plugin file name', LIMITS.fileNameChars);
	if (!/^[^\p{Cc}]+$/u.test(name))
		throw new SetupError('The plugin file name is empty or invalid.');
	return name;
}

function readSource(value: unknown): { source: SetupSource; missingPlugin?: string } {
	const obj = readObject(value, 'the plugin source');
	const kind = readOneOf(obj.kind, 'the plugin source kind', ['example', 'url', 'bytes', 'none']);
	if (kind === 'example') {
		const id = readString(obj.id, 'the example name', 64);
		if (!LIMITS.exampleId.test(id)) throw new SetupError(`"${id}" is not an example name.`);
		return { source: { kind, id } };
	}
	if (kind === 'url') return { source: { kind, url: readPluginUrl(obj.url) } };
	if (kind === 'bytes') {
		const name = readFileName(obj.name);
		const data = fromBase64(readString(obj.data, 'the plugin data', 4 * 1024 * 1024));
		if (!data) throw new SetupError('The plugin data in this link is damaged (not base64).');
		return { source: { kind, name, data } };
	}
	if (obj.name === undefined) return { source: { kind } };
	return { source: { kind }, missingPlugin: readFileName(obj.name) };
}

/** Every setting is written under its own key; a limit that is not set is left out. */
function readSettings(value: unknown): PluginSettings {
	const obj = readObject(value, 'the settings');
	const settings: Record<string, unknown> = {};
	for (const [key, setting] of SETTING_LIST) {
		if (setting.kind === 'limit' && obj[key] === undefined) continue;
		settings[key] = readSetting(setting, obj[key], setting.what);
	}
	return settings as PluginSettings;
}

function readLinked(value: unknown): SetupLink[] {
	if (!Array.isArray(value))
		throw new SetupError('The linked modules in this link are not a list.');
	if (value.length > LIMITS.linked)
		throw new SetupError(`This link has more than ${LIMITS.linked} linked modules.`);
	const names = new Set<string>();
	return value.map((item) => {
		const obj = readObject(item, 'a linked module');
		const name = readString(obj.name, 'the name of a linked module', 256).trim();
		if (!name) throw new SetupError('A linked module in this link has no name.');
		if (names.has(name)) throw new SetupError(`The linked module "${name}" comes twice.`);
		names.add(name);
		const file = readFileName(obj.file);
		if (obj.data === undefined) return { name, file, data: null };
		const data = fromBase64(readString(obj.data, 'the linked module data', 4 * 1024 * 1024));
		if (!data)
			throw new SetupError(`The linked module "${name}" in this link is damaged (not base64).`);
		return { name, file, data };
	});
}

/** Throws SetupError with a sentence for people when anything is missing, mistyped or too large. */
export function readV1(json: unknown): Decoded {
	const obj = readObject(json, 'the setup in this link');
	const { source, missingPlugin } = readSource(obj.source);
	const fn = readString(obj.fn, 'the function name', LIMITS.fnChars);
	const input = readString(obj.input, 'the input', LIMITS.inputBytes);
	if (utf8Length(input) > LIMITS.inputBytes)
		throw new SetupError(`The input is larger than ${LIMITS.inputBytes / 1024} KiB.`);
	const timeoutMs =
		obj.timeoutMs === null ? null : readCount(obj.timeoutMs, TIMEOUT.what, TIMEOUT.max);
	const setup: Setup = { source, fn, input, settings: readSettings(obj.settings), timeoutMs };
	// Added later in format 1: links without them read as before.
	if (obj.stubs !== undefined)
		setup.stubs = readStringMap(obj.stubs, 'the host-function code', LIMITS.stubs);
	if (obj.tests !== undefined) {
		const tests = casesFromJson(obj.tests);
		if (!tests.ok) throw new SetupError(tests.message);
		setup.tests = tests.cases;
	}
	if (obj.linked !== undefined) setup.linked = readLinked(obj.linked);
	if (obj.code !== undefined) setup.code = readCode(obj.code);
	if (obj.mocks !== undefined) setup.mocks = readMocks(obj.mocks);
	if (obj.vars !== undefined) setup.vars = readVars(obj.vars);
	readInputFields(obj, setup);
	return missingPlugin === undefined ? { setup } : { setup, missingPlugin };
}

/**
 * The JSON of a link. `leaveOut` replaces the plugin's embedded bytes by its file name only, and
 * `leaveOutLinked` those of the linked modules.
 */
export function writeV1(setup: Setup, leaveOut = false, leaveOutLinked = leaveOut): Json {
	const s = setup.settings;
	const src = setup.source;
	const source =
		src.kind === 'bytes'
			? leaveOut
				? { kind: 'none', name: src.name }
				: { kind: 'bytes', name: src.name, data: toBase64(src.data) }
			: src;
	const settings: Json = {};
	for (const [key] of SETTING_LIST) if (s[key] !== undefined) settings[key] = s[key];
	const json: Json = {
		source,
		fn: setup.fn,
		input: setup.input,
		settings,
		timeoutMs: setup.timeoutMs
	};
	if (setup.stubs && Object.keys(setup.stubs).length) json.stubs = setup.stubs;
	if (setup.tests?.length) json.tests = casesToJson(setup.tests);
	if (setup.linked?.length)
		json.linked = setup.linked.map((l) =>
			l.data && !leaveOutLinked
				? { name: l.name, file: l.file, data: toBase64(l.data) }
				: { name: l.name, file: l.file }
		);
	if (setup.code) json.code = writeCode(setup.code);
	if (setup.mocks?.length) json.mocks = writeMocks(setup.mocks);
	if (setup.vars?.length) json.vars = writeVars(setup.vars);
	writeInputFields(setup, json);
	return json;
}

/**
 * null when a link can carry the setup; otherwise the reason, as a decoded link would give it.
 * Plugin bytes are left out of the check: any size is fine, as a large plugin stays behind.
 */
export function checkSetup(setup: Setup): string | null {
	try {
		readV1(JSON.parse(JSON.stringify(writeV1(setup, true))));
		return null;
	} catch (e) {
		return e instanceof Error ? e.message : String(e);
	}
}
