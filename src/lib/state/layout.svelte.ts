// Where the workspace's panes divide and which tabs are open: page layout a person chooses, kept
// across reloads (in localStorage, apart from the setup a link carries, which it is no part of).

/** The two tab lists: secondary panels beside the editors, and what sits beside the output. */
export const SIDE_TABS = [
	'Plugin',
	'Settings',
	'Config',
	'Allowed hosts',
	'Host functions',
	'Linked modules',
	'Test cases',
	'XTP tests'
] as const;
export const OUTPUT_TABS = ['Output', 'Network', 'Vars', 'Mock responses'] as const;

export type SideTab = (typeof SIDE_TABS)[number];
export type OutputTab = (typeof OUTPUT_TABS)[number];

/** The editors' share of the split, in percent: neither pane may vanish. */
export const SPLIT_MIN = 20;
export const SPLIT_MAX = 80;
export const SPLIT_DEFAULT = 50;
/** One arrow key press; Page Up/Down move by a bigger step. */
export const SPLIT_STEP = 2;
export const SPLIT_BIG_STEP = 10;

export const LAYOUT_KEY = 'extism-playground:layout';

/** The part of localStorage the layout uses; a stand-in in tests. */
export interface KeyValue {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

function browserStore(): KeyValue | null {
	try {
		return globalThis.localStorage ?? null;
	} catch {
		// Storage blocked (some private modes): the layout then lasts as long as the page.
		return null;
	}
}

const clampSplit = (n: number) => Math.round(Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, n)));

export class Layout {
	/** The editors' share of the workspace, in percent (the output has the rest). */
	split = $state(SPLIT_DEFAULT);
	sideTab = $state<SideTab>('Plugin');
	outputTab = $state<OutputTab>('Output');
	#store: KeyValue | null;

	constructor(store: KeyValue | null = browserStore()) {
		this.#store = store;
		const saved = this.#read();
		if (typeof saved.split === 'number' && Number.isFinite(saved.split))
			this.split = clampSplit(saved.split);
		if (SIDE_TABS.includes(saved.sideTab as SideTab)) this.sideTab = saved.sideTab as SideTab;
	}

	setSplit(percent: number) {
		this.split = clampSplit(percent);
		this.#save();
	}

	moveSplit(by: number) {
		this.setSplit(this.split + by);
	}

	showSide(tab: SideTab) {
		this.sideTab = tab;
		this.#save();
	}

	showOutput(tab: OutputTab) {
		this.outputTab = tab;
	}

	#read(): { split?: unknown; sideTab?: unknown } {
		try {
			const parsed: unknown = JSON.parse(this.#store?.getItem(LAYOUT_KEY) ?? 'null');
			return parsed && typeof parsed === 'object' ? parsed : {};
		} catch {
			return {};
		}
	}

	#save() {
		try {
			this.#store?.setItem(
				LAYOUT_KEY,
				JSON.stringify({ split: this.split, sideTab: this.sideTab })
			);
		} catch {
			// Quota or blocked storage: the layout still works for this page.
		}
	}
}
