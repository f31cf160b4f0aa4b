import puppeteer from 'puppeteer-core';
import { puppeteerDriver } from './driver';
import { CLAIMS, smokeSuite } from './smoke';

smokeSuite({
	name: 'Firefox',
	// Firefox ESR 153 has JSPI (WebAssembly.Suspending), so it takes the same path as Chromium.
	claim: CLAIMS.jspi,
	async launch() {
		const browser = await puppeteer.launch({
			browser: 'firefox',
			executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
			headless: true
		});
		const page = await browser.newPage();
		await page.setViewport({ width: 1280, height: 800 });
		return puppeteerDriver(browser, page, () => browser.close());
	}
});
