import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS } from '../../scripts/chromium-args.mjs';
import { puppeteerDriver } from './driver';
import { CLAIMS, smokeSuite } from './smoke';

smokeSuite({
	name: 'Chromium',
	claim: CLAIMS.jspi,
	async launch() {
		const browser = await puppeteer.launch({
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			headless: true,
			args: CHROMIUM_ARGS
		});
		const page = await browser.newPage();
		await page.setViewport({ width: 1280, height: 800 });
		return puppeteerDriver(browser, page, () => browser.close());
	}
});
