#!/usr/bin/env node
// `npm test`: every check and test, in order, stopping at the first failure. It must work on a
// fresh machine with only Node and npm, so it imports nothing outside Node's standard library
// (and our own ensure-chromium.mjs) until `npm ci` has run.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureEngines } from './ensure-engines.mjs';
import { ensureWasmToolchain } from './ensure-wasm-toolchain.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const isCI = Boolean(process.env.CI);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reportDir = mkdtempSync(join(tmpdir(), 'extism-playground-test-'));
const vitestReport = join(reportDir, 'vitest.json');
const playwrightReport = join(reportDir, 'playwright.json');
const enginesReport = join(reportDir, 'engines.json');

function run(command, args, env = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			stdio: 'inherit',
			env: { ...process.env, ...env },
			shell: process.platform === 'win32'
		});
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code === 0) return resolve();
			const commandLine = [command, ...args].join(' ');
			const why = signal ? `was killed by ${signal}` : `exited with code ${code}`;
			reject(new Error(`\`${commandLine}\` ${why}`));
		});
	});
}

const steps = [
	['type check', () => run('npm', ['run', 'check'])],
	['lint', () => run('npm', ['run', 'lint'])],
	// The debugger's unit tests build Rust and C fixtures with real DWARF from source.
	['wasm toolchain (debugger fixtures)', async () => ensureWasmToolchain()],
	[
		'unit tests',
		() =>
			run(bin('vitest'), [
				'run',
				// Prints v8 coverage (a summary, configured in vite.config.ts): it must not drop.
				'--coverage',
				'--reporter=default',
				'--reporter=json',
				`--outputFile=${vitestReport}`
			])
	],
	['build', () => run('npm', ['run', 'build'])],
	[
		'Chromium',
		async () => {
			// The browser tests' config reads CHROMIUM_PATH; pass on whatever was found.
			process.env.CHROMIUM_PATH = ensureChromium().path;
		}
	],
	[
		'browser tests',
		() =>
			run(bin('playwright'), ['test', `--reporter=${isCI ? 'line' : 'list'},json`], {
				PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport
			})
	],
	['Firefox and WebKit', async () => ensureEngines()],
	[
		'engine smoke tests (Firefox, WebKit)',
		() =>
			run(bin('vitest'), [
				'run',
				'--config',
				'tests/engines/vitest.config.ts',
				'--reporter=default',
				'--reporter=json',
				`--outputFile=${enginesReport}`
			])
	]
];

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function readJson(path) {
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch {
		return null;
	}
}

/** Test counts from the vitest and Playwright JSON reports (absent reports count as zero). */
function counts() {
	const unit = readJson(vitestReport);
	const browser = readJson(playwrightReport)?.stats;
	const engines = readJson(enginesReport);
	return {
		passed:
			(unit?.numPassedTests ?? 0) +
			(browser?.expected ?? 0) +
			(browser?.flaky ?? 0) +
			(engines?.numPassedTests ?? 0),
		failed:
			(unit?.numFailedTests ?? 0) + (browser?.unexpected ?? 0) + (engines?.numFailedTests ?? 0)
	};
}

async function main() {
	const started = Date.now();
	let failure = null;

	if (!existsSync(bin('vite'))) {
		console.log('node_modules is missing or incomplete: running `npm ci` first');
		steps.unshift(['install', () => run('npm', ['ci', '--no-audit', '--no-fund'])]);
	}

	for (const [index, [name, action]] of steps.entries()) {
		const label = `[${index + 1}/${steps.length}] ${name}`;
		console.log(`\n=== ${label}`);
		const stepStarted = Date.now();
		try {
			await action();
			console.log(`=== ${label}: passed in ${seconds(Date.now() - stepStarted)}`);
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			console.error(`=== ${label}: FAILED after ${seconds(Date.now() - stepStarted)}\n${message}`);
			failure = name;
			break;
		}
	}

	const { passed, failed } = counts();
	rmSync(reportDir, { recursive: true, force: true });
	console.log(`\nTotal time: ${seconds(Date.now() - started)}`);
	if (failure) console.log(`npm test failed at step: ${failure}`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failure ? 1 : 0;
}

main();
