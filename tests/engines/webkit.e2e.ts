import { spawn } from 'node:child_process';
import { remote } from 'webdriverio';
import { WEBKIT_DRIVER_PORT } from '../support/urls';
import { webdriverDriver, type Driver } from './driver';
import { CLAIMS, smokeSuite } from './smoke';

const MINIBROWSER =
	process.env.WEBKIT_MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** WebKitWebDriver under a virtual X server; resolves to its stop function once it answers. */
async function startDriver(port: number): Promise<() => void> {
	const child = spawn(
		'xvfb-run',
		['-a', '-s', '-screen 0 1400x1000x24', 'WebKitWebDriver', `--port=${port}`],
		{ stdio: 'ignore', detached: true }
	);
	// The whole process group: xvfb-run, Xvfb, WebKitWebDriver and its MiniBrowser.
	const stop = () => {
		try {
			if (child.pid) process.kill(-child.pid, 'SIGTERM');
		} catch {
			// Already gone.
		}
	};
	const deadline = Date.now() + 20_000;
	for (;;) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/status`)).ok) return stop;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) {
			stop();
			throw new Error(`WebKitWebDriver did not start on port ${port} within 20 s`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
}

const drivers = new Map<number, Promise<() => void>>();

/** One WebKitWebDriver per port, started once and stopped with the suite. */
function driverOn(port: number) {
	if (!drivers.has(port)) drivers.set(port, startDriver(port));
	return drivers.get(port)!;
}

async function stopDrivers() {
	for (const stop of await Promise.allSettled(drivers.values())) {
		if (stop.status === 'fulfilled') stop.value();
	}
	drivers.clear();
}

/**
 * A MiniBrowser session with a profile of its own. WebKitWebDriver allows one session at a
 * time, so a fresh profile comes from a second driver on the next port.
 */
async function session(port: number, onClose: () => Promise<void> | void): Promise<Driver> {
	await driverOn(port);
	const browser = await remote({
		logLevel: 'warn',
		hostname: '127.0.0.1',
		port,
		path: '/',
		capabilities: {
			'wdio:enforceWebDriverClassic': true,
			'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] }
		} as WebdriverIO.Capabilities
	});
	await browser.setWindowSize(1280, 900).catch(() => {});
	const close = async () => {
		await browser.deleteSession().catch(() => {});
		await onClose();
	};
	return webdriverDriver(browser, close, () => session(port + 1, () => {}));
}

smokeSuite({
	name: 'WebKit',
	// WebKitGTK 2.50 has no JSPI (and no SharedArrayBuffer, even when isolated).
	claim: CLAIMS.syncXhr,
	launch: () => {
		// The second driver starts meanwhile, so a fresh profile later costs only a session.
		void driverOn(WEBKIT_DRIVER_PORT + 1).catch(() => {});
		return session(WEBKIT_DRIVER_PORT, stopDrivers);
	}
});
