// Finds an element the way a person (or a screen reader) names it: by role and accessible name.
// It runs inside the page, so it must be self-contained: the drivers send its source text.
// A simplified accessible-name computation, enough for this app's controls (aria-label,
// aria-labelledby, <label>, then text content), and only visible elements count.

export type Role =
	| 'button'
	| 'textbox'
	| 'combobox'
	| 'checkbox'
	| 'region'
	| 'article'
	| 'alert'
	| 'row'
	| 'heading'
	| 'tab'
	| 'menuitem';

export function findByRole(role: Role, name: string | null, exact: boolean): Element | null {
	const selectors: Record<Role, string> = {
		button: 'button, [role=button], input[type=button], input[type=submit]',
		textbox:
			'input:not([type]), input[type=text], input[type=url], input[type=number], input[type=search], textarea, [role=textbox]',
		combobox: 'select, [role=combobox]',
		checkbox: 'input[type=checkbox], [role=checkbox]',
		region: 'section[aria-label], section[aria-labelledby], [role=region]',
		article: 'article',
		alert: '[role=alert]',
		row: 'tr, [role=row]',
		heading: 'h1, h2, h3, h4, [role=heading]',
		tab: '[role=tab]',
		menuitem: '[role=menuitem]'
	};
	const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
	const accessibleName = (el: Element): string => {
		const label = el.getAttribute('aria-label');
		if (label) return clean(label);
		const by = el.getAttribute('aria-labelledby');
		if (by) {
			return clean(
				by
					.split(/\s+/)
					.map((id) => document.getElementById(id)?.textContent ?? '')
					.join(' ')
			);
		}
		const labels = (el as HTMLInputElement).labels;
		if (labels && labels.length) return clean(Array.from(labels, (l) => l.textContent).join(' '));
		// What is aria-hidden is no part of the name (Run's shortcut hint).
		const shown = el.cloneNode(true) as Element;
		shown.querySelectorAll('[aria-hidden="true"]').forEach((h) => h.remove());
		return clean(shown.textContent);
	};
	const visible = (el: Element) => el.getClientRects().length > 0;
	for (const el of Array.from(document.querySelectorAll(selectors[role]))) {
		if (!visible(el)) continue;
		if (name === null) return el;
		const n = accessibleName(el);
		if (exact ? n === name : n.includes(name)) return el;
	}
	return null;
}
