// The page's state, put together: the plugin on show, the setup around it, the runs, and what
// they leave behind. Each part has one job; this file only wires them and starts over.
import { EXAMPLES, type ExampleInfo } from '$lib/engine/setup/examples';
import { detectHttpPath, type HttpPath } from '$lib/engine/http/path';
import { outputAsInput } from '$lib/engine/output/output';
import { formatBytes, formatMs } from '$lib/engine/util/format';
import { inputFileProblem } from '$lib/engine/setup/input';
import { spawnPluginWorker } from '$lib/engine/run/worker-factory';
import { CurrentPlugin, type LoadedPlugin } from './current-plugin.svelte';
import { HostMatcher } from './host-match.svelte';
import { startingValues } from './kept-settings';
import { PluginExtras } from './extras.svelte';
import { MockResponses } from './mocks.svelte';
import { NetworkLog } from './network-log.svelte';
import { RunController } from './run-controller.svelte';
import { RunLog } from './run-log.svelte';
import { Session } from './session.svelte';
import type { SetupParts } from './setup-map';
import { SetupState } from './setup-state.svelte';
import { createBrowserStorage, type Storage } from './storage';
import { TakeHome } from './take-home.svelte';
import { TestSuite } from './test-suite.svelte';
import { Workbench } from './workbench.svelte';
import { XtpSuite } from './xtp-suite.svelte';
import { VarsState } from './vars.svelte';
import type { Builder } from '$lib/engine/author/client';

export type { LoadedPlugin };

/** The name of the action that drops settings kept from the previous plugin. */
export const DROP_KEPT = 'Drop kept settings';

/**
 * A build of the source being written, or a file of the same name, is a new version of the same
 * plugin: its settings are the person's own, not leftovers.
 */
function isAnother(before: LoadedPlugin, p: LoadedPlugin): boolean {
	if (p.source.kind === 'build') return false;
	return before.source.kind !== p.source.kind || before.label !== p.label;
}

export class Playground {
	readonly examples = EXAMPLES;
	/** How plugin HTTP works in this browser (fixed for the page's life). */
	readonly httpPath: HttpPath;
	readonly log = new RunLog();
	readonly network = new NetworkLog();
	readonly mocks = new MockResponses();
	readonly extras = new PluginExtras();
	readonly setup = new SetupState();
	readonly hostMatch = new HostMatcher();
	readonly current: CurrentPlugin;
	readonly runs: RunController;
	/** The Vars panel. */
	readonly vars: VarsState;
	readonly suite: TestSuite;
	readonly xtp: XtpSuite;
	/** Writing a plugin here. */
	readonly write: Workbench;
	/** Download .wasm and Download project, for what is written here. */
	readonly takeHome: TakeHome;
	/** Share links, saves across reloads, code and manifest export. */
	readonly session: Session;
	#runAfterBuild = false;
	/** The plugin loaded last, to tell a different plugin from a new version of the same. */
	#shown: LoadedPlugin | null = null;

	/**
	 * `origin` is the page's, for explaining CORS; `spawn`, `builder` and `storage` stand in for
	 * the workers and the browser's storage under tests.
	 */
	constructor(env: {
		search: string;
		origin: string;
		spawn?: typeof spawnPluginWorker;
		builder?: () => Builder;
		storage?: Storage;
	}) {
		const http = detectHttpPath(env.search);
		this.httpPath = http.path;
		const { log, setup } = this;
		this.current = new CurrentPlugin({
			rejected: (label, message, kept) => {
				const stays = kept ? ` ${kept.label} stays loaded.` : '';
				log.say('error', `${label}: ${message}${stays}`);
			},
			loaded: (p, defaults) => {
				const before = this.#shown;
				this.#shown = p;
				this.runs.discardInstance();
				// Another plugin came: Run runs it, not the source.
				if (p.source.kind !== 'build') this.write.stop();
				if (defaults) setup.takeExample(defaults);
				this.#adopt(p);
				if (before && isAnother(before, p)) this.#markKept(before, p, defaults);
			}
		});
		const spawn = env.spawn ?? spawnPluginWorker;
		this.runs = new RunController(
			{
				current: this.current,
				setup,
				extras: this.extras,
				log,
				network: this.network,
				mocks: this.mocks
			},
			{ spawn: () => spawn({ noJspi: http.noJspi }), origin: env.origin }
		);
		this.vars = new VarsState(setup, () => this.runs.instanceLive);
		this.runs.useVars(this.vars);
		this.suite = new TestSuite({ setup, runs: this.runs, log, mocks: this.mocks });
		this.xtp = new XtpSuite(
			{ runs: this.runs, current: this.current, log },
			{ jspi: http.path === 'jspi' },
			{ keepTest: (file) => this.session.saving.keepTest(file) }
		);
		this.write = new Workbench({ current: this.current, setup, log }, env.builder);
		this.runs.linkSource = (p, trace, ran) => this.write.sourceLinks(p, trace, ran);
		const parts: SetupParts = {
			current: this.current,
			setup,
			extras: this.extras,
			suite: this.suite,
			write: this.write,
			mocks: this.mocks,
			log
		};
		this.takeHome = new TakeHome(parts);
		this.session = new Session(
			{
				...parts,
				xtp: this.xtp,
				hostMatch: this.hostMatch,
				takeHome: this.takeHome,
				startOver: () => this.startOver()
			},
			env.storage ?? createBrowserStorage()
		);
	}

	/** Run; while writing, build first when the source changed since the last build. */
	async run() {
		if (!this.write.active) return this.runs.run();
		// Run pressed again during the build: the run already waiting for it is the one.
		if (this.#runAfterBuild || this.runs.busy) return;
		this.#runAfterBuild = true;
		try {
			if (!(await this.write.ensureBuilt())) return;
		} finally {
			this.#runAfterBuild = false;
		}
		await this.runs.run();
	}

	/** Stop: the build in progress if there is one (nothing runs after it), else the run. */
	stop() {
		if (this.write.building) this.write.stopBuild();
		else this.runs.stop();
	}

	/** A run's output becomes the input, so runs can be chained; said why when it cannot. */
	useOutput(bytes: Uint8Array, fn?: string) {
		const r = outputAsInput(bytes, fn);
		if (!r.ok) return this.log.say('error', r.message);
		if ('file' in r) this.setup.inputFile = r.file;
		else this.setup.takeText(r.text);
		const as = 'file' in r ? ` file "${r.file.name}" (it is not UTF-8 text)` : '';
		this.log.say('info', `The output (${formatBytes(bytes.length)}) is now the input${as}.`);
	}

	/** A file becomes the input, byte for byte; one over the limit is refused before it is read. */
	async useInputFile(file: File) {
		const problem = inputFileProblem(file.name, file.size);
		this.setup.inputProblem = problem ?? '';
		if (problem) return this.log.say('error', problem);
		const bytes = new Uint8Array(await file.arrayBuffer());
		this.setup.inputFile = { name: file.name, type: file.type, bytes };
		this.log.say(
			'info',
			`The file "${file.name}" (${formatBytes(bytes.length)}) is now the input.`
		);
	}

	/** Back to the typed input, as it was before the file came. */
	clearInputFile() {
		this.setup.inputFile = null;
		this.setup.inputProblem = '';
	}

	/**
	 * Why a function in the list cannot be called as things are ('' when it can): a source not
	 * built yet exports nothing so far, and Run builds it first.
	 */
	functionNote(fn: string): '' | 'build to run' | 'not exported' {
		if (this.plugin?.info.callable.includes(fn)) return '';
		return this.write.active && this.write.stale ? 'build to run' : 'not exported';
	}

	/** The plugin on show, or null. */
	get plugin(): LoadedPlugin | null {
		return this.current.plugin;
	}

	/** The setup now fits the new module; the console says what it loaded and what changed. */
	#adopt(p: LoadedPlugin) {
		const { info } = p;
		if (this.setup.fitTo(info))
			this.log.say('info', 'WASI switched on: this module imports wasi_snapshot_preview1.');
		this.log.say(
			'info',
			`Loaded ${p.label} (${formatBytes(info.size)}) in ${formatMs(p.loadMs)}, compiled in ${formatMs(p.compileMs)}.`
		);
		for (const w of info.warnings) this.log.say('warn', w);
	}

	/** Settings the previous plugin left are named in the console, with a way to drop them. */
	#markKept(before: LoadedPlugin, p: LoadedPlugin, example: ExampleInfo | null) {
		const start = startingValues(p.info, example);
		this.setup.markKept({ label: before.label, base: start.settings, timeoutMs: start.timeoutMs });
		const kept = this.setup.kept;
		if (!kept.length) return;
		this.log.offer(`Kept from the previous plugin (${before.label}): ${kept.join(', ')}.`, {
			label: DROP_KEPT,
			run: () => this.setup.dropKept()
		});
	}

	/** A first visit's setup with the first example, and nothing else kept. */
	async startOver() {
		this.log.withdraw(DROP_KEPT);
		this.setup.fresh();
		this.extras.replace({}, []);
		this.extras.linked = [];
		this.suite.replace([]);
		this.mocks.replace([]);
		this.xtp.forget();
		this.write.stop();
		await this.current.loadExample(this.examples[0].id);
	}

	dispose() {
		this.runs.dispose();
		this.write.dispose();
	}
}
