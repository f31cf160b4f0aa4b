// A Chromium trace of one page over CDP, for the bench and the profiling scripts.

/** Starts tracing these categories; the returned stop() resolves with the trace's events. */
export async function startTrace(page, categories) {
	const cdp = await page.context().newCDPSession(page);
	const events = [];
	cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
	await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories } });
	return async function stop() {
		const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
		await cdp.send('Tracing.end');
		await done;
		await cdp.detach();
		return events;
	};
}
