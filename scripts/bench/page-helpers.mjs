// Code that runs inside the playground page (passed to page.evaluate), so timings are taken with
// the page's own clock and no round trip to Node falls inside a measured interval.

/** Installs window.__bench. */
export function installPageHelpers() {
	const OUTPUT = '[data-testid="output-body"]';
	const runButton = () =>
		[...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Run');
	const region = () => document.querySelector('section[aria-label="Output"]');
	const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

	/** The next output body (one not in the region now) with text, and when it appeared. */
	function nextOutput(timeoutMs = 15_000) {
		const before = new Set(region().querySelectorAll(OUTPUT));
		return new Promise((resolve, reject) => {
			const check = () => {
				for (const el of region().querySelectorAll(OUTPUT)) {
					if (!before.has(el) && el.textContent) {
						const t = performance.now();
						observer.disconnect();
						clearTimeout(timer);
						resolve({ t, text: el.textContent });
						return;
					}
				}
			};
			const observer = new MutationObserver(check);
			observer.observe(region(), { subtree: true, childList: true, characterData: true });
			const timer = setTimeout(() => {
				observer.disconnect();
				reject(new Error(`no output within ${timeoutMs} ms`));
			}, timeoutMs);
		});
	}

	async function enabledRun(timeoutMs = 15_000) {
		const end = performance.now() + timeoutMs;
		for (let b = runButton(); ; b = runButton()) {
			if (b && !b.disabled) return b;
			if (performance.now() > end) throw new Error('Run stayed disabled');
			await sleep(0);
		}
	}

	/** n runs, each timed from button.click() to its output in the DOM. */
	async function clicks(n) {
		const times = [];
		for (let i = 0; i < n; i++) {
			const button = await enabledRun();
			const next = nextOutput();
			const t0 = performance.now();
			button.click();
			times.push((await next).t - t0);
		}
		await enabledRun();
		return times;
	}

	/**
	 * Arms the file-load flow: the plugin file input's change event starts the clock; when the
	 * console says "Loaded <name> (" and Run is enabled, Run is clicked at once; the clock stops
	 * when that run's output is in the DOM. Resolves window.__bench.fileRun.
	 */
	function armFileRun(name, timeoutMs = 30_000) {
		const marker = `Loaded ${name} (`;
		const seen = region().textContent.split(marker).length;
		let t0;
		document.addEventListener(
			'change',
			(e) => {
				if (e.target.matches('input[type="file"]')) t0 = performance.now();
			},
			{ capture: true, once: true }
		);
		window.__bench.fileRun = new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				observer.disconnect();
				reject(new Error(`${name} did not load and run within ${timeoutMs} ms`));
			}, timeoutMs);
			const observer = new MutationObserver(() => {
				const b = runButton();
				if (region().textContent.split(marker).length <= seen || !b || b.disabled) return;
				observer.disconnect();
				clearTimeout(timer);
				const tLoaded = performance.now();
				const next = nextOutput();
				b.click();
				// The console's own account of the load ("… in X ms, compiled in Y ms"), for the report.
				const all = region().textContent;
				const said = all.slice(all.lastIndexOf(marker)).match(/^.*?compiled in [\d.]+\s*\S*?s/);
				next.then(
					({ t, text }) => resolve({ ms: t - t0, loadedMs: tLoaded - t0, text, said: said?.[0] }),
					reject
				);
			});
			observer.observe(document.body, {
				subtree: true,
				childList: true,
				characterData: true,
				attributes: true,
				attributeFilter: ['disabled']
			});
		});
	}

	window.__bench = { clicks, armFileRun, enabledRun, fileRun: null };
}
