// The only module that imports monaco-editor. Everything is loaded with dynamic import() so Monaco
// (about 1 MB gzip) stays out of the initial bundle; the editors (input-editor.ts,
// source-editor.ts) give callers a small handle, never the editor.

/** What every editor made here answers to; the page's editor host needs no more. */
export interface EditorHandle {
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

export type Monaco = typeof import('monaco-editor/editor/editor.api');

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

export type Editor = ReturnType<Monaco['editor']['create']>;

/** Text pushed from outside, as an edit (not model.setValue), so undo history survives it. */
export function replaceAll(
	editor: Editor,
	model: NonNullable<ReturnType<Editor['getModel']>>,
	v: string
) {
	editor.executeEdits('external', [{ range: model.getFullModelRange(), text: v }]);
	editor.pushUndoStop();
}

export function ensureMonaco(): Promise<Monaco> {
	loading ??= loadMonaco();
	return loading.catch((e: unknown) => {
		loading = undefined; // let a later mount retry after a failed chunk load
		throw e;
	});
}

/**
 * Tab types in the editor, so a keyboard needs a way out (no keyboard trap; said beside each
 * editor, editor/keys-hint.ts). Esc arms it: the next Tab or Shift+Tab moves the focus, as in a
 * page without an editor (Monaco's tab-focus mode, switched on for that one key). Any other key,
 * or leaving, disarms it. Returns the subscriptions to dispose with the editor.
 */
export function escapeThenTabLeaves(monaco: Monaco, editor: Editor): { dispose(): void }[] {
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
