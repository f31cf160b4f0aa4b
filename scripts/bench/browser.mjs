// Headless Debian Chromium for the bench, launched as the browser tests launch it.
import { chromium } from '@playwright/test';
import { ensureChromium } from '../ensure-chromium.mjs';
import { CHROMIUM_ARGS as ARGS } from '../chromium-args.mjs';

export async function launchBrowser(log) {
	const { path, version } = ensureChromium({ log });
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? path,
		args: ARGS
	});
	return { browser, version };
}

/** Resolves when the Run button is enabled. */
export async function runEnabled(page, timeout = 20_000) {
	await page.waitForFunction(
		() => {
			// The button's name without its aria-hidden parts (the shortcut shown beside "Run").
			const name = (b) =>
				[...b.childNodes]
					.filter((n) => n.nodeType !== 1 || n.getAttribute('aria-hidden') !== 'true')
					.map((n) => n.textContent)
					.join('')
					.trim();
			return [...document.querySelectorAll('button')].some((b) => name(b) === 'Run' && !b.disabled);
		},
		null,
		{ timeout }
	);
}
