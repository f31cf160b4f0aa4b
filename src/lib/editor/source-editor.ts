// The plugin source editor: AssemblyScript (TypeScript tokens) or WebAssembly text.
import { ensureMonaco, escapeThenTabLeaves, replaceAll, type EditorHandle } from './monaco';

export interface SourceMarker {
	severity: 'error' | 'warning' | 'info';
	message: string;
	line: number;
	column: number;
	endLine: number;
	endColumn: number;
}

export interface SourceEditorOptions {
	value: string;
	language: 'typescript' | 'wat';
	ariaLabel: string;
	dark: boolean;
	onChange(value: string): void;
	onRun(): void;
}

export interface SourceEditorHandle extends EditorHandle {
	setLanguage(language: 'typescript' | 'wat'): void;
	setMarkers(markers: SourceMarker[]): void;
	/** Puts the cursor at a 1-based line and column, scrolls it into view and focuses. */
	revealAt(line: number, column: number): void;
}

/** The plugin source editor: code, auto-indent, compiler diagnostics as markers. */
export async function createSourceEditor(
	host: HTMLElement,
	opts: SourceEditorOptions
): Promise<SourceEditorHandle> {
	const monaco = await ensureMonaco();
	const model = monaco.editor.createModel(opts.value, opts.language);
	model.updateOptions({ tabSize: 2, insertSpaces: true });
	const editor = monaco.editor.create(host, {
		model,
		ariaLabel: opts.ariaLabel,
		theme: opts.dark ? 'vs-dark' : 'vs',
		automaticLayout: true,
		minimap: { enabled: false },
		fontSize: 13,
		scrollBeyondLastLine: false,
		// At its top or bottom the editor lets the wheel scroll the page (issue 22): no wheel trap.
		scrollbar: { alwaysConsumeMouseWheel: false },
		autoIndent: 'full'
	});
	editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => opts.onRun());
	const leaving = escapeThenTabLeaves(monaco, editor);
	let pushing = false;
	const severity = {
		error: monaco.MarkerSeverity.Error,
		warning: monaco.MarkerSeverity.Warning,
		info: monaco.MarkerSeverity.Info
	};
	const sub = model.onDidChangeContent(() => {
		if (!pushing) opts.onChange(model.getValue());
	});
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
		setLanguage(language) {
			if (model.getLanguageId() !== language) monaco.editor.setModelLanguage(model, language);
		},
		setMarkers(markers) {
			monaco.editor.setModelMarkers(
				model,
				'build',
				markers.map((m) => ({
					severity: severity[m.severity],
					message: m.message,
					startLineNumber: m.line,
					startColumn: m.column,
					endLineNumber: m.endLine,
					endColumn: m.endColumn
				}))
			);
		},
		setDark: (dark) => monaco.editor.setTheme(dark ? 'vs-dark' : 'vs'),
		focus: () => editor.focus(),
		revealAt(line, column) {
			const position = model.validatePosition({ lineNumber: line, column });
			editor.setPosition(position);
			editor.revealPositionInCenterIfOutsideViewport(position);
			editor.focus();
		},
		dispose() {
			sub.dispose();
			for (const l of leaving) l.dispose();
			editor.dispose();
			model.dispose();
		}
	};
}
