// Fresh page loads of the playground: how long until Run is usable, and which JS came first.

/**
 * Runs in the page before its own scripts: stamps window.__runReady with performance.now()
 * (ms since navigation start) in the mutation callback that first sees an enabled Run button,
 * so no polling interval blurs the figure.
 */
function stampRunReady() {
	// A button's name without its aria-hidden parts (the shortcut shown beside "Run").
	const nameOf = (b) =>
		[...b.childNodes]
			.filter((n) => n.nodeType !== 1 || n.getAttribute('aria-hidden') !== 'true')
			.map((n) => n.textContent)
			.join('')
			.trim();
	const check = () => {
		for (const b of document.querySelectorAll('button')) {
			if (nameOf(b) === 'Run' && !b.disabled) {
				window.__runReady = performance.now();
				observer.disconnect();
				return;
			}
		}
	};
	const observer = new MutationObserver(check);
	observer.observe(document, {
		subtree: true,
		childList: true,
		attributes: true,
		attributeFilter: ['disabled']
	});
}

/**
 * `loads` page loads, each in a new browser context (empty cache; the server also sends
 * no-store). Returns the ms to Run usable of each, and the JS URLs (page and its workers)
 * requested before Run was usable in the first load.
 */
export async function measureLoads(browser, url, loads, timeout = 20_000) {
	const ms = [];
	let jsBeforeReady = null;
	for (let i = 0; i < loads; i++) {
		const context = await browser.newContext();
		try {
			const js = [];
			// Context-wide, so the requests of the plugin worker are seen too.
			context.on('request', (r) => {
				if (new URL(r.url()).pathname.endsWith('.js')) js.push(r.url());
			});
			const page = await context.newPage();
			await page.addInitScript(stampRunReady);
			await page.goto(url);
			await page.waitForFunction(() => window.__runReady !== undefined, null, { timeout });
			jsBeforeReady ??= [...js];
			ms.push(await page.evaluate(() => window.__runReady));
		} finally {
			await context.close();
		}
	}
	return { ms, jsBeforeReady };
}
