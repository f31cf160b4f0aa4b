// The Mock responses panel's form: what a person types (all text) and the mock it makes, or why
// it makes none, field by field. Headers are typed one per line, "name: value", as HTTP shows them.
import { mockProblems, statusProblem, type Mock, type MockField, type MockProblem } from './mock';

export type BodyKind = 'text' | 'json' | 'file';

export interface MockForm {
	url: string;
	/** '' for any method. */
	method: string;
	status: string;
	headers: string;
	bodyKind: BodyKind;
	/** The body when it is text or JSON. */
	bodyText: string;
	/** The body when it is a file; data null when the file did not come with a link. */
	bodyFile: { name: string; data: Uint8Array | null } | null;
}

export function emptyForm(): MockForm {
	return {
		url: '',
		method: '',
		status: '200',
		headers: '',
		bodyKind: 'text',
		bodyText: '',
		bodyFile: null
	};
}

export function formOf(m: Mock): MockForm {
	return {
		url: m.url,
		method: m.method ?? '',
		status: String(m.status),
		headers: headersText(m.headers),
		bodyKind: m.body.kind,
		bodyText: m.body.kind === 'file' ? '' : m.body.text,
		bodyFile: m.body.kind === 'file' ? { name: m.body.name, data: m.body.data } : null
	};
}

export function headersText(headers: Record<string, string>): string {
	return Object.entries(headers)
		.map(([k, v]) => `${k}: ${v}`)
		.join('\n');
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** "name: value" lines; blank lines are skipped, a repeated name keeps the values joined. */
export function parseHeaders(text: string): Parsed<Record<string, string>> {
	const headers: Record<string, string> = {};
	for (const [i, raw] of text.split('\n').entries()) {
		const line = raw.trim();
		if (!line) continue;
		const colon = line.indexOf(':');
		if (colon <= 0)
			return {
				ok: false,
				problem: `Header line ${i + 1} ("${line.slice(0, 40)}") is not "name: value".`
			};
		const name = line.slice(0, colon).trim();
		const value = line.slice(colon + 1).trim();
		headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
	}
	return { ok: true, value: headers };
}

function parseStatus(text: string): Parsed<number> {
	const t = text.trim();
	if (!/^\d{1,6}$/.test(t))
		return {
			ok: false,
			problem: `A mock status is a whole number from 100 to 599 (got "${t.slice(0, 20)}").`
		};
	const problem = statusProblem(Number(t));
	return problem ? { ok: false, problem } : { ok: true, value: Number(t) };
}

/** The mock the form describes, or every problem with it (one per field at most). */
export function mockOfForm(
	f: MockForm
): { ok: true; mock: Mock } | { ok: false; problems: MockProblem[] } {
	const own: MockProblem[] = [];
	const status = parseStatus(f.status);
	if (!status.ok) own.push({ field: 'status', message: status.problem });
	const headers = parseHeaders(f.headers);
	if (!headers.ok) own.push({ field: 'headers', message: headers.problem });
	if (f.bodyKind === 'file' && !f.bodyFile)
		own.push({ field: 'body', message: 'Choose the file whose bytes the mock answers with.' });
	const method = f.method.trim().toUpperCase();
	const mock: Mock = {
		url: f.url.trim(),
		...(method ? { method } : {}),
		status: status.ok ? status.value : 200,
		headers: headers.ok ? headers.value : {},
		body:
			f.bodyKind === 'file'
				? { kind: 'file', name: f.bodyFile?.name ?? '', data: f.bodyFile?.data ?? new Uint8Array() }
				: { kind: f.bodyKind, text: f.bodyText }
	};
	const taken = new Set<MockField>(own.map((p) => p.field));
	const problems = [...own, ...mockProblems(mock).filter((p) => !taken.has(p.field))];
	return problems.length ? { ok: false, problems } : { ok: true, mock };
}
