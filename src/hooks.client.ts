import type { ClientInit } from '@sveltejs/kit';
import { decodableFragment } from '$lib/engine/persist/fragment';

// Runs before SvelteKit's first navigation, which decodes the fragment and would throw on a bad
// percent-escape (see fragment.ts). The page then opens the defaults with the decoder's message.
export const init: ClientInit = () => {
	const fixed = decodableFragment(location.hash);
	if (fixed !== null)
		history.replaceState(history.state, '', location.pathname + location.search + fixed);
};
