#!/usr/bin/env node
// Finds Debian's Firefox ESR and WebKitGTK (WebKitWebDriver, MiniBrowser, xvfb-run) for the engine
// smoke suites, installing the missing Debian packages when that is possible, and saying so.
// Playwright's own Firefox and WebKit builds need the open internet, so they are never used.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { canInstallWithApt, runApt, tail } from './ensure-chromium.mjs';

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
	const pkgs = missing.map((n) => n.pkg).join(' ');
	if (!canInstallWithApt()) {
		throw new Error(
			`Missing: ${missing.map((n) => n.what).join(', ')}; cannot install here (needs Linux, root ` +
				`and apt-get). Install them (Debian/Ubuntu: \`sudo apt-get install -y ${pkgs}\`).`
		);
	}
	const logFile = join(mkdtempSync(join(tmpdir(), 'engines-install-')), 'apt.log');
	log(
		`Installing Debian packages ${pkgs} (missing: ${missing.map((n) => n.what).join(', ')}; apt log: ${logFile})…`
	);
	const ok = runApt('update', logFile) && runApt(`install -y ${pkgs}`, logFile);
	const still = missing.filter((n) => !n.found());
	if (!ok || still.length) {
		throw new Error(
			`Installing ${pkgs} failed. Last lines of ${logFile}:\n${tail(logFile)}\n` +
				`Install them yourself: apt-get install -y ${pkgs}`
		);
	}
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
