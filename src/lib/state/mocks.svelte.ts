// Mock responses: the list a run's instance answers from (in order, after the allowed hosts), and
// the panel's form that adds or edits one. A mock that cannot answer is said in words and never
// reaches the list; one that lost its body file on the way (a link) stays, and blocks runs.
import {
	bytesText,
	MAX_MOCK_BODY_BYTES,
	MAX_MOCKS,
	mocksProblem,
	type Mock,
	type MockField,
	type MockProblem
} from '$lib/engine/http/mocks/mock';
import { emptyForm, formOf, mockOfForm, type MockForm } from '$lib/engine/http/mocks/form';
import { mockFromEvent } from '$lib/engine/http/mocks/record';
import type { HttpEvent } from '$lib/engine/http/recorder';

export class MockResponses {
	list = $state.raw<Mock[]>([]);
	form = $state<MockForm>(emptyForm());
	/** The mock the form edits (its index), or null when the form adds a new one. */
	editing = $state<number | null>(null);
	/** The form's problems, from the last time it was submitted. */
	problems = $state.raw<MockProblem[]>([]);
	/** What the last action did or why it could not, in words ('' when nothing to say). */
	message = $state('');

	/** Why a run cannot use these mocks, naming the mock; null when it can. */
	readonly blocked: string | null = $derived(mocksProblem(this.list));

	problemOf(field: MockField): string {
		return this.problems.find((p) => p.field === field)?.message ?? '';
	}

	/** Adds the form's mock (or saves the one being edited); false, with words, when it cannot. */
	submit(): boolean {
		const r = mockOfForm(this.form);
		if (!r.ok) {
			this.problems = r.problems;
			this.message = '';
			return false;
		}
		this.problems = [];
		if (this.editing !== null) {
			const i = this.editing;
			this.list = this.list.map((m, j) => (j === i ? r.mock : m));
			this.message = `Mock ${i + 1} saved.`;
		} else if (!this.add(r.mock)) return false;
		this.reset();
		return true;
	}

	/** Appends a mock; false, with words, when the list is full. */
	add(mock: Mock): boolean {
		if (this.list.length >= MAX_MOCKS) {
			this.message = `At most ${MAX_MOCKS} mocks can be set: delete one first.`;
			return false;
		}
		this.list = [...this.list, mock];
		this.message = `Mock ${this.list.length} added: ${mock.method ?? 'any method'} ${mock.url}.`;
		return true;
	}

	/** "Record as mock": a real response becomes a mock that answers the same request alike. */
	record(ev: HttpEvent): boolean {
		const r = mockFromEvent(ev);
		if (!r.ok) {
			this.message = r.message;
			return false;
		}
		return this.add(r.mock);
	}

	edit(i: number) {
		const m = this.list[i];
		if (!m) return;
		this.form = formOf(m);
		this.editing = i;
		this.problems = [];
		this.message = '';
	}

	/** The form back to a new, empty mock. */
	reset() {
		this.form = emptyForm();
		this.editing = null;
		this.problems = [];
	}

	remove(i: number) {
		const m = this.list[i];
		if (!m) return;
		this.list = this.list.filter((_, j) => j !== i);
		if (this.editing === i) this.reset();
		else if (this.editing !== null && this.editing > i) this.editing--;
		this.message = `Mock ${i + 1} (${m.url}) deleted.`;
	}

	/** A file's bytes become the form's body; one over the limit is refused before it is read. */
	async chooseBodyFile(file: File) {
		this.form.bodyKind = 'file';
		if (file.size > MAX_MOCK_BODY_BYTES) {
			this.form.bodyFile = null;
			this.problems = [
				...this.problems.filter((p) => p.field !== 'body'),
				{
					field: 'body',
					message: `"${file.name}" is ${bytesText(file.size)}; a mock may hold at most ${bytesText(MAX_MOCK_BODY_BYTES)}.`
				}
			];
			return;
		}
		this.form.bodyFile = { name: file.name, data: new Uint8Array(await file.arrayBuffer()) };
		this.problems = this.problems.filter((p) => p.field !== 'body');
	}

	/** A link's or a save's mocks, as they came. */
	replace(mocks: readonly Mock[]) {
		this.list = [...mocks];
		this.reset();
		this.message = '';
	}

	/** Plain copies for a setup or a run. */
	snapshot(): Mock[] {
		return copyMocks(this.list);
	}
}

/** Plain copies (no state proxies), bodies' bytes shared: nothing writes them. */
export function copyMocks(mocks: readonly Mock[]): Mock[] {
	return mocks.map((m) => ({ ...m, headers: { ...m.headers }, body: { ...m.body } }));
}
