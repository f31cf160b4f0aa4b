// The input box: plain text or JSON (checked and marked only when it looks like JSON).
import { ensureMonaco, escapeThenTabLeaves, replaceAll, type EditorHandle } from './monaco';

export interface InputEditorOptions {
	value: string;
	ariaLabel: string;
	dark: boolean;
	onChange(value: string): void;
	onRun(): void;
	onMarkers?(count: number): void;
}

export type InputEditorHandle = EditorHandle;

/**
 * Input is bytes, and plain text is as valid as JSON: only text that starts like a JSON object or
 * array is checked (and marked) as JSON, so "Hello, Extism!" gets no error squiggle.
 */
export function inputLanguage(text: string): 'json' | 'plaintext' {
	return /^\s*[[{]/.test(text) ? 'json' : 'plaintext';
}

export async function createInputEditor(
	host: HTMLElement,
	opts: InputEditorOptions
): Promise<InputEditorHandle> {
	const monaco = await ensureMonaco();

	const model = monaco.editor.createModel(opts.value, inputLanguage(opts.value));
	const editor = monaco.editor.create(host, {
		model,
		ariaLabel: opts.ariaLabel,
		theme: opts.dark ? 'vs-dark' : 'vs',
		automaticLayout: true,
		minimap: { enabled: false },
		wordWrap: 'on',
		fontSize: 13,
		scrollBeyondLastLine: false,
		// At its top or bottom the editor lets the wheel scroll the page (issue 22): no wheel trap.
		scrollbar: { alwaysConsumeMouseWheel: false },
		// What you type is what is sent: no auto-inserted closers in a data box, and typing over a
		// selection replaces it (auto-surround would wrap `{` around the old text).
		autoClosingBrackets: 'never',
		autoClosingQuotes: 'never',
		autoSurround: 'never'
	});
	// Text typed into the fallback box carries over: keep typing where it ended.
	editor.setPosition(model.getPositionAt(opts.value.length));
	// Monaco takes Ctrl/Cmd+Enter for itself (insert line below) and stops the event, so the page's
	// own shortcut never hears it from here: bind it to Run in the editor too.
	editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => opts.onRun());
	const leaving = escapeThenTabLeaves(monaco, editor);

	// Edits we push from outside must not echo back as user changes.
	let pushing = false;
	// Markers left from JSON mode do not count once the text reads as plain text.
	const countErrors = () =>
		model.getLanguageId() !== 'json'
			? 0
			: monaco.editor
					.getModelMarkers({ resource: model.uri })
					.filter((m) => m.severity === monaco.MarkerSeverity.Error).length;
	const subscriptions = [
		model.onDidChangeContent(() => {
			const value = model.getValue();
			const language = inputLanguage(value);
			if (model.getLanguageId() !== language) {
				monaco.editor.setModelLanguage(model, language);
				if (language !== 'json') monaco.editor.setModelMarkers(model, 'json', []);
				opts.onMarkers?.(countErrors());
			}
			if (!pushing) opts.onChange(value);
		}),
		monaco.editor.onDidChangeMarkers((uris) => {
			if (uris.some((u) => u.toString() === model.uri.toString())) opts.onMarkers?.(countErrors());
		}),
		...leaving
	];

	return {
		setValue(v) {
			if (v === model.getValue()) return;
			pushing = true;
			try {
				replaceAll(editor, model, v);
			} finally {
				pushing = false;
			}
		},
		setDark: (dark) => monaco.editor.setTheme(dark ? 'vs-dark' : 'vs'),
		focus: () => editor.focus(),
		dispose() {
			for (const s of subscriptions) s.dispose();
			editor.dispose();
			model.dispose();
		}
	};
}
