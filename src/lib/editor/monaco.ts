// The only module that imports monaco-editor. Everything is loaded with dynamic import() so Monaco
// (about 1 MB gzip) stays out of the initial bundle; callers get a small handle, never the editor.

export interface InputEditorOptions {
	value: string;
	ariaLabel: string;
	dark: boolean;
	onChange(value: string): void;
	onRun(): void;
	onMarkers?(count: number): void;
}

export interface InputEditorHandle {
	setValue(v: string): void;
	setDark(dark: boolean): void;
	focus(): void;
	dispose(): void;
}

// The root 'monaco-editor' import registers every language (a 6.9 MB TypeScript worker), so take
// the bare editor API, JSON support and the few editor features a text box needs.
async function loadMonaco() {
	const [monaco, json, editorWorker, jsonWorker] = await Promise.all([
		import('monaco-editor/editor/editor.api'),
		import('monaco-editor/languages/features/json/register'),
		import('monaco-editor/editor/editor.worker?worker'),
		import('monaco-editor/languages/features/json/json.worker?worker'),
		import('monaco-editor/features/codicon/register'),
		import('monaco-editor/features/hover/register'),
		import('monaco-editor/features/bracketMatching/register'),
		import('monaco-editor/features/clipboard/register'),
		import('monaco-editor/features/contextmenu/register'),
		import('monaco-editor/features/find/register'),
		import('monaco-editor/features/folding/register'),
		import('monaco-editor/features/wordOperations/register'),
		// The TypeScript tokenizer only (for AssemblyScript): not its 6.9 MB language worker.
		import('monaco-editor/languages/definitions/typescript/register'),
		// JSON support loads every editor feature once its worker starts (the first edit of the
		// input); the services of three of them, registered that late, miss the first editor's
		// set, and each editor made after it (Write plugin) throws "UNKNOWN service". Register
		// those services now; the features themselves still load only when JSON needs them.
		import('monaco-editor/editor/contrib/codelens/browser/codeLensCache'),
		import('monaco-editor/editor/contrib/suggest/browser/suggestMemory'),
		import('monaco-editor/editor/common/services/treeViewsDndService')
	]);
	// Every language an editor may use is registered here, once, before any editor exists.
	registerWat(monaco);
	self.MonacoEnvironment = {
		getWorker: (_id, label) =>
			label === 'json' ? new jsonWorker.default() : new editorWorker.default()
	};
	// The input is bytes; JSON markers are only hints, so keep them strict and never fetch schemas.
	json.jsonDefaults.setDiagnosticsOptions({
		validate: true,
		allowComments: false,
		trailingCommas: 'error',
		schemas: [],
		enableSchemaRequest: false
	});
	return monaco;
}

type Monaco = typeof import('monaco-editor/editor/editor.api');

/** A small Monarch grammar for WebAssembly text: comments, strings, numbers, $names, keywords. */
function registerWat(monaco: Monaco) {
	monaco.languages.register({ id: 'wat', extensions: ['.wat'], aliases: ['WebAssembly text'] });
	monaco.languages.setLanguageConfiguration('wat', {
		comments: { lineComment: ';;', blockComment: ['(;', ';)'] },
		brackets: [['(', ')']],
		autoClosingPairs: [
			{ open: '(', close: ')' },
			{ open: '"', close: '"' }
		]
	});
	monaco.languages.setMonarchTokensProvider('wat', {
		tokenizer: {
			root: [
				[/;;.*$/, 'comment'],
				[/\(;/, 'comment', '@comment'],
				[/"([^"\\]|\\.)*"/, 'string'],
				[/\$[\w.$!#%&'*+\-/:<=>?@\\^`|~]+/, 'variable'],
				[/-?(0x[0-9a-fA-F_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9]+)?)\b/, 'number'],
				[
					/\b(module|func|param|result|local|global|import|export|memory|data|table|elem|type|mut|block|loop|if|then|else|end|br|br_if|br_table|return|call|call_indirect|unreachable|nop|drop|select|start)\b/,
					'keyword'
				],
				[/\b(i32|i64|f32|f64|v128|funcref|externref)(\.[\w.]+)?\b/, 'type'],
				[/[\w.]+/, 'identifier'],
				[/[()]/, '@brackets']
			],
			comment: [
				[/;\)/, 'comment', '@pop'],
				[/./, 'comment']
			]
		}
	});
}

let loading: ReturnType<typeof loadMonaco> | undefined;

type Editor = ReturnType<Monaco['editor']['create']>;

/** Text pushed from outside, as an edit (not model.setValue), so undo history survives it. */
function replaceAll(editor: Editor, model: NonNullable<ReturnType<Editor['getModel']>>, v: string) {
	editor.executeEdits('external', [{ range: model.getFullModelRange(), text: v }]);
	editor.pushUndoStop();
}

function ensureMonaco(): Promise<Monaco> {
	loading ??= loadMonaco();
	return loading.catch((e: unknown) => {
		loading = undefined; // let a later mount retry after a failed chunk load
		throw e;
	});
}

/**
 * Tab types in the editor, so a keyboard needs a way out (no keyboard trap; said beside each
 * editor, editor/keys-hint.ts). Esc arms it: the next Tab or Shift+Tab moves the focus, as in a page without an editor
 * (Monaco's tab-focus mode, switched on for that one key). Any other key, or leaving, disarms it.
 */
function escapeThenTabLeaves(monaco: Monaco, editor: Editor) {
	let armed = false;
	const arm = (on: boolean) => {
		if (armed === on) return;
		armed = on;
		editor.updateOptions({ tabFocusMode: on });
	};
	const { KeyCode } = monaco;
	const modifiers = [KeyCode.Shift, KeyCode.Ctrl, KeyCode.Alt, KeyCode.Meta];
	return [
		editor.onKeyDown((e) => {
			if (e.keyCode === KeyCode.Escape) arm(true);
			else if (e.keyCode !== KeyCode.Tab && !modifiers.includes(e.keyCode)) arm(false);
		}),
		editor.onDidBlurEditorText(() => arm(false))
	];
}

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

export interface SourceEditorHandle {
	setValue(v: string): void;
	setLanguage(language: 'typescript' | 'wat'): void;
	setMarkers(markers: SourceMarker[]): void;
	setDark(dark: boolean): void;
	focus(): void;
	/** Puts the cursor at a 1-based line and column, scrolls it into view and focuses. */
	revealAt(line: number, column: number): void;
	dispose(): void;
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
