// Taking a plugin written here home: its build as a .wasm file, and its source as a project that
// builds with the CLI toolchain and runs the current setup with `extism call`.
import type { ProjectInput } from '$lib/engine/author/project-spec';
import type { Playground } from './playground.svelte';
import { currentSetup } from './setup-map';

type Zip = (input: ProjectInput) => Promise<Uint8Array>;

// The project's files, the zip code and fflate load on first use: nobody who never downloads a
// project pays for them (the provided lib/ sources alone are 3 KB gzip).
const lazyZip: Zip = async (input) => {
	const [spec, project] = await Promise.all([
		import('$lib/engine/author/project-spec'),
		import('$lib/engine/author/project')
	]);
	return project.zipProject(spec.projectSpec(input));
};

export interface Download {
	name: string;
	data: Uint8Array;
	type: string;
}

export class TakeHome {
	/** Set while the project is zipped (the zip code loads on first use). */
	preparing = $state(false);
	#pg: Playground;
	#zip: Zip;

	/** `zip` stands in for the lazily loaded zip code under tests. */
	constructor(pg: Playground, zip = lazyZip) {
		this.#pg = pg;
		this.#zip = zip;
	}

	#build() {
		const p = this.#pg.plugin;
		return p?.source.kind === 'build' ? p : null;
	}

	/** The files' name: the template's, else "plugin". */
	get name(): string {
		return this.#pg.write.templateId || 'plugin';
	}

	/** Why there is no .wasm to download, in words; null when there is. */
	get wasmBlocked(): string | null {
		return this.#build() ? null : 'Build first: there is no build to download yet.';
	}

	/**
	 * Why there is no project to download; null when there is. The project must hold the source
	 * of the build on show, so that its README's call line is one that ran here.
	 */
	get projectBlocked(): string | null {
		if (!this.#build()) return this.wasmBlocked;
		if (this.#pg.write.stale)
			return 'The source changed since the last build: build it to download the project.';
		return null;
	}

	/** The build on show; it stays downloadable while the source is being changed. */
	wasm(): Download | null {
		const p = this.#build();
		return p && { name: `${this.name}.wasm`, data: p.bytes, type: 'application/wasm' };
	}

	async project(): Promise<Download | null> {
		const build = this.#build();
		if (this.projectBlocked || !build) return null;
		const w = this.#pg.write;
		const template = w.templates.find((t) => t.id === w.templateId);
		const input: ProjectInput = {
			name: this.name,
			title: template?.title ?? 'An Extism plugin',
			language: w.language,
			text: w.text,
			setup: currentSetup(this.#pg),
			hostFunctions: this.#pg.extras.specsFor(build.info)
		};
		this.preparing = true;
		try {
			const data = await this.#zip(input);
			return { name: `${this.name}.zip`, data, type: 'application/zip' };
		} catch (e) {
			const why = e instanceof Error ? e.message : String(e);
			this.#pg.log.say('error', `The project could not be made: ${why}`);
			return null;
		} finally {
			this.preparing = false;
		}
	}
}
