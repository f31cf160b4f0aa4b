// Compiler messages as the editor and console want them: a severity, a 1-based range in the
// person's file, a code when the compiler has one, and the message text.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
	severity: Severity;
	message: string;
	code?: number;
	/** 1-based; absent when the message is about no place in the person's file. */
	line?: number;
	column?: number;
	endLine?: number;
	endColumn?: number;
}

/** 1-based line and column of a UTF-16 offset into `text`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
	const clamped = Math.max(0, Math.min(offset, text.length));
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < clamped; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: clamped - lineStart + 1 };
}

/** What asc's reportDiagnostic hands over (only the fields used here). */
export interface AscDiagnostic {
	code: number;
	category: number;
	message: string;
	/** asc gives only the file's path: its text comes from the file map. */
	range: { start: number; end: number; source: { normalizedPath: string } } | null;
}

// asc's DiagnosticCategory: 0 pedantic, 1 info, 2 warning, 3 error.
const ASC_SEVERITY: Record<number, Severity> = { 0: 'info', 1: 'info', 2: 'warning', 3: 'error' };

/** An asc diagnostic; a range in another file (the PDK, the standard library) is named in words. */
export function fromAsc(
	d: AscDiagnostic,
	userFile: string,
	textOf: (path: string) => string | null
): Diagnostic {
	const severity = ASC_SEVERITY[d.category] ?? 'error';
	const base: Diagnostic = { severity, message: d.message, code: d.code };
	const r = d.range;
	if (!r) return base;
	const { normalizedPath } = r.source;
	const text = textOf(normalizedPath);
	if (normalizedPath !== userFile || text === null) {
		const at = text === null ? '' : `:${positionAt(text, r.start).line}`;
		return { ...base, message: `${d.message} (in ${normalizedPath}${at})` };
	}
	const start = positionAt(text, r.start);
	const end = positionAt(text, Math.max(r.end, r.start + 1));
	return {
		...base,
		line: start.line,
		column: start.column,
		endLine: end.line,
		endColumn: end.column
	};
}

/**
 * wabt throws one message for a failed parse or validation: "parseWat failed:" then, per problem,
 * "file:line:col: error: text", the source line, and carets under the bad token.
 */
export function fromWabt(message: string, file: string): Diagnostic[] {
	const lines = message.split('\n');
	const out: Diagnostic[] = [];
	const head = new RegExp(
		`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+): (error|warning): (.*)$`
	);
	for (let i = 0; i < lines.length; i++) {
		const m = head.exec(lines[i]);
		if (!m) continue;
		const line = Number(m[1]);
		const column = Number(m[2]);
		const carets = /^\s*(\^+)/.exec(lines[i + 2] ?? '');
		out.push({
			severity: m[3] === 'warning' ? 'warning' : 'error',
			message: m[4],
			line,
			column,
			endLine: line,
			endColumn: column + (carets ? carets[1].length : 1)
		});
	}
	if (!out.length)
		out.push({ severity: 'error', message: message.trim() || 'The module is invalid.' });
	return out;
}

/** One console line: "plugin.ts:3:7 error AS100: message". */
export function describe(d: Diagnostic, file: string): string {
	const at = d.line === undefined ? file : `${file}:${d.line}:${d.column}`;
	const code = d.code === undefined ? '' : ` AS${d.code}`;
	return `${at} ${d.severity}${code}: ${d.message}`;
}

/** The first `cap` diagnostics, errors first, and how many were left out. */
export function capped(all: Diagnostic[], cap: number): { shown: Diagnostic[]; more: number } {
	const rank = { error: 0, warning: 1, info: 2 };
	const sorted = [...all].sort((a, b) => rank[a.severity] - rank[b.severity]);
	return { shown: sorted.slice(0, cap), more: Math.max(0, sorted.length - cap) };
}
