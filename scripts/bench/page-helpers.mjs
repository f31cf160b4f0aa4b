// Code that runs inside the playground page (passed to page.evaluate), so timings are taken with
// the page's own clock and no round trip to Node falls inside a measured interval.

/** Installs window.__bench. */
export function installPageHelpers() {
	const OUTPUT = '[data-testid="output-body"]';
	/** A button's name without its aria-hidden parts (the shortcut shown beside "Run"). */
	const nameOf = (b) =>
		[...b.childNodes]
			.filter((n) => n.nodeType !== 1 || n.getAttribute('aria-hidden') !== 'true')
			.map((n) => n.textContent)
			.join('')
			.trim();
	const runButton = () => [...document.querySelectorAll('button')].find((b) => nameOf(b) === 'Run');
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

	/** Main-thread tasks over 50 ms (the Long Tasks API reports no shorter ones), from now on. */
	const longTasks = [];
	new PerformanceObserver((list) => {
		for (const e of list.getEntries())
			longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
	}).observe({ type: 'longtask' });
	/** The longest such task overlapping [from, to], in ms; 0 when there was none. */
	const longestTask = (from, to) =>
		Math.max(
			0,
			...longTasks.filter((t) => t.end > from && t.start < to).map((t) => t.end - t.start)
		);

	const button = (name) => [...document.querySelectorAll('button')].find((b) => nameOf(b) === name);

	/** Resolves with the text of the first console node added from now on that matches `re`. */
	function nextConsoleLine(re, timeoutMs = 30_000) {
		return new Promise((resolve, reject) => {
			const observer = new MutationObserver((records) => {
				for (const r of records)
					for (const node of r.addedNodes) {
						const text = node.textContent ?? '';
						if (!re.test(text)) continue;
						observer.disconnect();
						clearTimeout(timer);
						resolve({ t: performance.now(), text: text.match(re)[0] });
						return;
					}
			});
			observer.observe(region(), { subtree: true, childList: true });
			const timer = setTimeout(() => {
				observer.disconnect();
				reject(new Error(`no console line matching ${re} within ${timeoutMs} ms`));
			}, timeoutMs);
		});
	}
	const BUILT = /Built plugin\.ts in [\d.]+\s*\S*?s|Build failed in .*/;

	/**
	 * Write plugin, then Build at once: ms from the click on "Write plugin" (which starts the
	 * compiler's download) to the console's "Built plugin.ts", and the longest task in between.
	 */
	async function coldBuild() {
		const t0 = performance.now();
		performance.mark('bench-build-start');
		button('Write plugin').click();
		const end = t0 + 10_000;
		while (!button('Build')) {
			if (performance.now() > end) throw new Error('no Build button after Write plugin');
			await sleep(0);
		}
		const done = nextConsoleLine(BUILT);
		button('Build').click();
		const { t, text } = await done;
		performance.mark('bench-build-end');
		if (!text.startsWith('Built')) throw new Error(text);
		return { ms: t - t0, said: text, longestTaskMs: longestTask(t0, t) };
	}

	/**
	 * Run after an edit: ms from the click to the output, the longest task in between, and proof
	 * (the console's "Built" line) that the run built the edited source first.
	 */
	async function editRun() {
		const b = await enabledRun();
		const next = nextOutput();
		const rebuilt = nextConsoleLine(BUILT);
		const t0 = performance.now();
		performance.mark('bench-build-start');
		b.click();
		const [{ t }, { text }] = await Promise.all([next, rebuilt]);
		performance.mark('bench-build-end');
		if (!text.startsWith('Built')) throw new Error(text);
		await enabledRun();
		return { ms: t - t0, longestTaskMs: longestTask(t0, t) };
	}

	window.__bench = { clicks, armFileRun, enabledRun, coldBuild, editRun, fileRun: null };
}
