// Take it home, as entries of the More menu: the build on show as a .wasm file, and the source
// as a project zip. Each is disabled, with the reason beside it, until there is something to give.
import type { TakeHome } from '$lib/state/take-home.svelte';
import type { MenuItem } from './Menu.svelte';
import { saveFile } from './download';

export function takeHomeItems(home: TakeHome): MenuItem[] {
	// The source was edited since the build: Download .wasm gives that build, and says so.
	const stale = !home.wasmBlocked && home.projectBlocked;
	return [
		{
			label: 'Download .wasm',
			disabled: !!home.wasmBlocked,
			note:
				home.wasmBlocked ?? (stale ? `Gives the last build. ${home.projectBlocked}` : undefined),
			onselect: () => {
				const file = home.wasm();
				if (file) saveFile(file.name, file.data as Uint8Array<ArrayBuffer>, file.type);
			}
		},
		{
			label: 'Download project',
			disabled: !!home.projectBlocked || home.preparing,
			note: home.projectBlocked ?? undefined,
			onselect: () => void downloadProject(home)
		}
	];
}

async function downloadProject(home: TakeHome) {
	const file = await home.project();
	if (file) saveFile(file.name, file.data as Uint8Array<ArrayBuffer>, file.type);
}
