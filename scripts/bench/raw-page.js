// The floor the playground is compared with: the SDK called straight from a page, with the same
// plugin options the playground uses for count_vowels (no WASI, log level info, a logger that
// only keeps the messages). Exposed as window.rawBench for run.mjs to call.
import createPlugin from './mod.js';

const encoder = new TextEncoder();

function options(runInWorker, logs) {
	const keep = (message) => logs.push(message);
	return {
		useWasi: false,
		runInWorker,
		logLevel: 'info',
		logger: { trace: keep, debug: keep, info: keep, warn: keep, error: keep, log: keep }
	};
}

async function fetchBytes(url) {
	const res = await fetch(url);
	if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
	return new Uint8Array(await res.arrayBuffer());
}

/** n calls on one instance, each timed around plugin.call alone (as our worker times them). */
async function calls({ wasmUrl, fn, input, n, runInWorker }) {
	const data = await fetchBytes(wasmUrl);
	const logs = [];
	const plugin = await createPlugin({ wasm: [{ data }] }, options(runInWorker, logs));
	const bytes = encoder.encode(input);
	const times = [];
	let out = null;
	try {
		for (let i = 0; i < n; i++) {
			const t = performance.now();
			out = await plugin.call(fn, bytes);
			times.push(performance.now() - t);
		}
	} finally {
		await plugin.close();
	}
	return { times, output: out ? out.text() : null, logs: logs.length };
}

/**
 * A picked file → bytes → instance → first output: the SDK's own load path, in-thread. Armed
 * before the file is chosen; the clock starts at the file input's change event, as the
 * playground's does, so both read a file the browser takes from disk, not one already in memory.
 */
function armFileRun({ fn, input }) {
	const picker = document.querySelector('input[type="file"]');
	window.rawBench.fileRun = new Promise((resolve, reject) => {
		picker.addEventListener(
			'change',
			async () => {
				// The mark lets a trace find where the load starts (profile-load.mjs --raw).
				performance.mark('bench-raw-start');
				const t = performance.now();
				try {
					const data = new Uint8Array(await picker.files[0].arrayBuffer());
					const plugin = await createPlugin({ wasm: [{ data }] }, options(false, []));
					const out = await plugin.call(fn, encoder.encode(input));
					const ms = performance.now() - t;
					await plugin.close();
					resolve({ ms, output: out ? out.text() : null });
				} catch (e) {
					reject(e);
				}
			},
			{ once: true }
		);
	});
}

window.rawBench = {
	calls,
	armFileRun,
	fileRun: null,
	isolated: globalThis.crossOriginIsolated
};
