// The first run's console entry is the one a person waits for, and on a fresh page everything
// that draws it is cold: the browser has yet to compile its code and parse its templates, which
// costs more than drawing it. Drawing sample runs once while the page is idle, into an element
// that is never attached (so nothing is laid out or seen), does that work ahead of time.
import { flushSync, mount, unmount } from 'svelte';
import { sampleRuns } from '$lib/state/sample-run';
import RunView from './RunView.svelte';

/** Warms up the run view when the page is next idle; returns a function that cancels it. */
export function warmUpRunView(): () => void {
	const draw = () => {
		const target = document.createElement('div');
		for (const run of sampleRuns()) {
			const view = mount(RunView, { target, props: { run, onuse: () => {} } });
			flushSync();
			void unmount(view);
		}
	};
	if (typeof requestIdleCallback !== 'function') {
		const timer = setTimeout(draw, 500);
		return () => clearTimeout(timer);
	}
	const handle = requestIdleCallback(draw, { timeout: 5000 });
	return () => cancelIdleCallback(handle);
}
