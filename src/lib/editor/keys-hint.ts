// Said beside every code editor, kept apart from monaco.ts so the page does not load Monaco for it.
export const EDITOR_KEYS_HINT =
	'In the editor, Tab types a tab: press Esc, then Tab or Shift+Tab, to move on.';
