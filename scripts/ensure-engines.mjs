#!/usr/bin/env node
// Finds Debian's Firefox ESR and WebKitGTK (WebKitWebDriver, MiniBrowser, xvfb-run) for the engine
// smoke suites, installing the missing Debian packages when that is possible, and saying so.
// Playwright's own Firefox and WebKit builds need the open internet, so they are never used.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { installMissing } from './ensure-chromium.mjs';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const MINIBROWSER =
	process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function firefoxVersion() {
	try {
		return execFileSync(FIREFOX, ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			timeout: 30_000
		}).trim();
	} catch {
		return null;
	}
}

const NEEDS = [
	{ what: `Firefox (${FIREFOX})`, pkg: 'firefox-esr', found: () => firefoxVersion() },
	{
		what: 'WebKitWebDriver and MiniBrowser',
		pkg: 'webkit2gtk-driver',
		found: () =>
			existsSync('/usr/bin/WebKitWebDriver') && existsSync(MINIBROWSER)
				? '/usr/bin/WebKitWebDriver'
				: null
	},
	{
		what: 'xvfb-run',
		pkg: 'xvfb',
		found: () => (existsSync('/usr/bin/xvfb-run') ? '/usr/bin/xvfb-run' : null)
	}
];

/** Makes sure every engine's binaries exist; throws an Error saying what to do otherwise. */
export function ensureEngines({ log = console.log } = {}) {
	const missing = NEEDS.filter((n) => !n.found());
	for (const n of NEEDS) if (!missing.includes(n)) log(`${n.what}: found ${n.found()}`);
	if (!missing.length) return { installed: [] };
	installMissing(missing, 'engines', log);
	for (const n of missing) log(`${n.what}: installed (${n.pkg}), found ${n.found()}`);
	return { installed: missing.map((n) => n.pkg) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		ensureEngines();
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(1);
	}
}
