#!/usr/bin/env node
// Finds a Chromium for Playwright, installing Debian's package when that is the only way.
// Playwright's own browser download needs the open internet, which CI here does not have,
// so `playwright install` is never used.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** The version string of a Chromium binary, or null if it does not run. */
export function chromiumVersion(path) {
	try {
		// stderr is dropped: Debian's launcher script prints shell warnings there.
		const out = execFileSync(path, ['--version'], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			timeout: 30_000
		});
		return out.trim().split('\n').pop() ?? '';
	} catch {
		return null;
	}
}

export function canInstallWithApt() {
	return (
		process.platform === 'linux' &&
		typeof process.getuid === 'function' &&
		process.getuid() === 0 &&
		existsSync('/usr/bin/apt-get')
	);
}

export function runApt(args, logFile) {
	// Waits for the dpkg lock instead of failing when another apt run is in progress.
	const result = spawnSync(
		'sh',
		['-c', `apt-get -o DPkg::Lock::Timeout=900 ${args} >>"${logFile}" 2>&1`],
		{ stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }
	);
	return result.status === 0;
}

export function tail(file, lines = 15) {
	try {
		return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '';
	}
}

/**
 * Installs the Debian packages of `missing` ({ what, pkg, found }) with apt-get, or throws an
 * Error saying what to do: the browsers' and the compilers' installers share this. `label` names
 * the apt log's folder.
 */
export function installMissing(missing, label, log = console.log) {
	const pkgs = [...new Set(missing.map((n) => n.pkg))].join(' ');
	if (!canInstallWithApt()) {
		throw new Error(
			`Missing: ${missing.map((n) => n.what).join(', ')}; cannot install here (needs Linux, root ` +
				`and apt-get). Install them (Debian/Ubuntu: \`sudo apt-get install -y ${pkgs}\`).`
		);
	}
	const logFile = join(mkdtempSync(join(tmpdir(), `${label}-install-`)), 'apt.log');
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
	return pkgs;
}

/**
 * Makes sure a runnable Chromium exists and returns `{ path, version, installed }`.
 * Throws an Error whose message says what to do when that is impossible.
 */
export function ensureChromium({ log = console.log } = {}) {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		const version = chromiumVersion(fromEnv);
		if (version === null) {
			throw new Error(
				`Chromium: CHROMIUM_PATH=${fromEnv} does not run (\`${fromEnv} --version\` failed). ` +
					'Point CHROMIUM_PATH at a working Chromium or Chrome binary, or unset it.'
			);
		}
		log(`Chromium: found ${fromEnv} (${version}) via CHROMIUM_PATH`);
		return { path: fromEnv, version, installed: false };
	}

	const path = DEFAULT_CHROMIUM_PATH;
	if (existsSync(path)) {
		const version = chromiumVersion(path);
		if (version !== null) {
			log(`Chromium: found ${path} (${version})`);
			return { path, version, installed: false };
		}
	}

	if (!canInstallWithApt()) {
		throw new Error(
			`Chromium: not found at ${path} and cannot install it here (needs Linux, root and apt-get). ` +
				'Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`) ' +
				'or set CHROMIUM_PATH to a Chromium or Chrome binary.'
		);
	}

	const logFile = join(mkdtempSync(join(tmpdir(), 'chromium-install-')), 'apt.log');
	log(`Chromium: installing Debian package chromium… (apt log: ${logFile})`);
	const ok = runApt('update', logFile) && runApt('install -y chromium', logFile);
	const version = ok ? chromiumVersion(path) : null;
	if (version === null) {
		throw new Error(
			`Chromium: installing the Debian package failed. Last lines of ${logFile}:\n${tail(logFile)}\n` +
				'Install Chromium yourself or set CHROMIUM_PATH to a Chromium or Chrome binary.'
		);
	}
	log(`Chromium: installed ${path} (${version})`);
	return { path, version, installed: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		ensureChromium();
	} catch (error) {
		console.error(error instanceof Error ? error.message : String(error));
		process.exit(1);
	}
}
