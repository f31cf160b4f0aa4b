// The playground's state and the only caller of the engine's runner and loaders.
import { EXAMPLES, exampleById, exampleWasmPath } from '$lib/engine/examples';
import { normalizeHostInput, type HostInput } from '$lib/engine/hosts';
import { httpPath, jspiForcedOff, type HttpPath } from '$lib/engine/http-path';
import { formatBytes, formatMs } from '$lib/engine/output';
import { PluginRunner } from '$lib/engine/runner';
import { DEFAULT_SETTINGS, type PluginSettings } from '$lib/engine/settings';
import {
	LoadError,
	checkPluginUrl,
	fetchBytes,
	preparePlugin,
	type PluginSource,
	type PreparedPlugin
} from '$lib/engine/source';
import { spawnPluginWorker } from '$lib/engine/worker-factory';
import { describeStubs } from '$lib/engine/host-stubs';
import type { InstanceSpec, RunReport } from '$lib/engine/runner';
import { capMemory } from '$lib/engine/memory-limit';
import { PluginExtras } from './extras.svelte';
import { TestSuite } from './test-suite.svelte';
import { NetworkLog } from './network-log.svelte';
import { RunLog, type RunRecord } from './run-log.svelte';

export interface LoadedPlugin extends PreparedPlugin {
	source: PluginSource;
	label: string;
	loadMs: number;
	/** Kept for share links and for saving a local file across reloads. */
	bytes: Uint8Array;
}

const encoder = new TextEncoder();

export class Playground {
	readonly examples = EXAMPLES;
	plugin = $state.raw<LoadedPlugin | null>(null);
	/** Set when the last load failed; the previous plugin, if any, stays loaded. */
	rejected = $state.raw<{ label: string; message: string } | null>(null);
	loading = $state<{ label: string; loaded: number; total: number | null } | null>(null);
	exampleId = $state('');
	fn = $state('');
	input = $state('');
	settings = $state<PluginSettings>({ ...DEFAULT_SETTINGS, config: {} });
	timeoutMs = $state<number | null>(10_000);
	/** Calls per run, on one instance (like extism call --loop). */
	repeat = $state(1);
	running = $state(false);
	/** Set while a run asked for during a load waits for that load (the plugin it is for). */
	runWaiting = $state(false);
	readonly log = new RunLog();
	readonly network = new NetworkLog();
	readonly extras = new PluginExtras();
	readonly suite: TestSuite;
	/** How plugin HTTP works in this browser (fixed for the page's life). */
	readonly httpPath: HttpPath;
	#runner: PluginRunner;
	#loadSeq = 0;
	/** The latest load: resolves with whether it loaded, whatever the outcome. */
	#loadDone: Promise<boolean> = Promise.resolve(true);
	/** Bumped whenever the runner's instance may have changed, which runes cannot see. */
	#instanceTick = $state(0);
	/** The plugin recompiled with its memory capped at Max memory pages, by that limit. */
	#capped = new WeakMap<LoadedPlugin, Record<number, WebAssembly.Module>>();

	constructor(env: { search: string; spawn?: typeof spawnPluginWorker }) {
		const noJspi = jspiForcedOff(env.search);
		const jspi =
			!noJspi && typeof (WebAssembly as { Suspending?: unknown }).Suspending === 'function';
		this.httpPath = httpPath({ jspi });
		this.suite = new TestSuite(this);
		const spawn = env.spawn ?? spawnPluginWorker;
		this.#runner = new PluginRunner(() => spawn({ noJspi }));
		this.#runner.warm();
	}

	/** Exported functions, plus the chosen one when a link or saved state names one that is not. */
	get functions(): string[] {
		const callable = this.plugin?.info.callable ?? [];
		return this.fn && !callable.includes(this.fn) ? [...callable, this.fn] : callable;
	}

	get fnExported(): boolean {
		return !!this.plugin?.info.callable.includes(this.fn);
	}

	/** Whether the next run reuses the live instance, so vars carry over. */
	get instanceLive(): boolean {
		void this.#instanceTick;
		return (
			!!this.plugin &&
			!this.running &&
			this.#runner.hasInstanceFor(this.#spec(this.plugin, $state.snapshot(this.settings)))
		);
	}

	/** Loads an example; with `defaults`, also its function, input and settings. */
	async loadExample(id: string, defaults = true): Promise<boolean> {
		const ex = exampleById(id);
		if (!ex) {
			this.#reject(id, `There is no bundled example "${id}".`);
			return false;
		}
		return this.#load(
			{ kind: 'example', id },
			ex.title,
			(p) => fetchBytes(exampleWasmPath(ex), p),
			() => {
				this.exampleId = id;
				if (!defaults) return;
				this.fn = ex.functionName;
				this.input = ex.input;
				this.settings.config = { ...ex.config };
				this.settings.allowedHosts = [...ex.allowedHosts];
				this.settings.wasi = ex.wasi;
			}
		);
	}

	loadFile(file: File): Promise<boolean> {
		return this.#load({ kind: 'file', name: file.name }, file.name, async () => {
			return new Uint8Array(await file.arrayBuffer());
		});
	}

	loadBytes(name: string, bytes: Uint8Array): Promise<boolean> {
		return this.#load({ kind: 'file', name }, name, async () => bytes);
	}

	async loadUrl(text: string): Promise<boolean> {
		let url: URL;
		try {
			url = checkPluginUrl(text);
		} catch (e) {
			this.#reject(text.trim(), (e as Error).message);
			return false;
		}
		return this.#load({ kind: 'url', url: url.href }, url.href, (p) => fetchBytes(url.href, p));
	}

	async #load(
		source: PluginSource,
		label: string,
		read: (progress: (loaded: number, total: number | null) => void) => Promise<Uint8Array>,
		apply?: () => void
	): Promise<boolean> {
		const seq = ++this.#loadSeq;
		this.loading = { label, loaded: 0, total: null };
		const start = performance.now();
		let settle!: (ok: boolean) => void;
		this.#loadDone = new Promise((resolve) => (settle = resolve));
		let ok = false;
		try {
			const bytes = await read((loaded, total) => {
				if (seq === this.#loadSeq) this.loading = { label, loaded, total };
			});
			const prepared = await preparePlugin(bytes);
			if (seq !== this.#loadSeq) return false;
			if (!prepared.ok) {
				this.#reject(label, prepared.message);
				return false;
			}
			const { plugin } = prepared;
			this.rejected = null;
			this.#runner.reset();
			this.plugin = { ...plugin, source, label, bytes, loadMs: performance.now() - start };
			this.exampleId = '';
			apply?.();
			this.#afterLoad();
			ok = true;
			return true;
		} catch (e) {
			if (seq !== this.#loadSeq) return false;
			this.#reject(label, e instanceof LoadError ? e.message : `Could not read it: ${String(e)}`);
			return false;
		} finally {
			if (seq === this.#loadSeq) this.loading = null;
			settle(ok);
		}
	}

	/**
	 * A run asked for during a load is for the plugin being loaded, never the one it replaces: wait
	 * for the latest load. False when that load failed (the old plugin stays, but must not run).
	 */
	async #afterLoads(): Promise<boolean> {
		let ok = true;
		while (this.loading) ok = await this.#loadDone;
		return ok;
	}

	#reject(label: string, message: string) {
		this.rejected = { label, message };
		const kept = this.plugin ? ` ${this.plugin.label} stays loaded.` : '';
		this.log.say('error', `${label}: ${message}${kept}`);
	}

	#afterLoad() {
		const p = this.plugin!;
		const { info } = p;
		if (!info.callable.includes(this.fn)) this.fn = info.callable[0] ?? '';
		if (info.usesWasi && !this.settings.wasi) {
			this.settings.wasi = true;
			this.log.say('info', 'WASI switched on: this module imports wasi_snapshot_preview1.');
		}
		this.log.say(
			'info',
			`Loaded ${p.label} (${formatBytes(info.size)}) in ${formatMs(p.loadMs)}, compiled in ${formatMs(p.compileMs)}.`
		);
		for (const w of info.warnings) this.log.say('warn', w);
	}

	/**
	 * Compiles the plugin with its own memory capped at Max memory pages (the SDK caps only
	 * Extism's blocks). Returns why it cannot run under the limit, or null.
	 */
	async #capMemory(p: LoadedPlugin, maxPages: number | undefined): Promise<string | null> {
		if (maxPages === undefined) return null;
		const byLimit = this.#capped.get(p) ?? {};
		this.#capped.set(p, byLimit);
		if (byLimit[maxPages]) return null;
		const capped = capMemory(p.bytes, maxPages);
		if (!capped.ok) return capped.message;
		const module = capped.changed
			? await WebAssembly.compile(capped.bytes as Uint8Array<ArrayBuffer>)
			: p.module;
		byLimit[maxPages] = module;
		return null;
	}

	/** What the plugin's instance is made from: a change means a fresh instance. */
	#spec(p: LoadedPlugin, settings: PluginSettings): InstanceSpec {
		const capped =
			settings.maxPages === undefined ? undefined : this.#capped.get(p)?.[settings.maxPages];
		return {
			module: capped ?? p.module,
			settings,
			stubs: this.extras.specsFor(p.info),
			linked: this.extras.linked.map((l) => ({ name: l.name, module: l.module }))
		};
	}

	/** Why nothing can run now, or null. */
	#blocked(): string | null {
		if (!this.plugin) return 'Load a plugin first: pick an example, open a file or enter a URL.';
		if (this.extras.hasCustom && !this.extras.trusted)
			return 'This setup came with custom host-function code. Read it under Host functions and click "Trust this code" before running.';
		return null;
	}

	async run() {
		if (this.loading) {
			if (this.runWaiting) return;
			const label = this.loading.label;
			this.runWaiting = true;
			const loaded = await this.#afterLoads().finally(() => (this.runWaiting = false));
			if (!loaded)
				return this.log.say('error', `Not run: ${label} did not load, and the run was for it.`);
		}
		const blocked =
			this.#blocked() ?? (this.fn ? null : 'This plugin exports no function to call.');
		if (blocked) return this.log.say('error', blocked);
		if (this.running) return;
		const settings = $state.snapshot(this.settings);
		const p = this.plugin!;
		const tooSmall = await this.#capMemory(p, settings.maxPages);
		if (tooSmall) return this.log.say('error', tooSmall);
		// Another plugin arrived while this one compiled: its own run decides.
		if (this.plugin !== p) return;
		const input = encoder.encode(this.input);
		const rec = this.log.begin(this.fn, input.length);
		await this.#execute(rec, {
			settings,
			fn: this.fn,
			input,
			repeat: this.repeat
		});
	}

	/** One run through the runner, recorded in `rec`; the report is also returned. */
	async #execute(
		rec: RunRecord,
		job: { settings: PluginSettings; fn: string; input: Uint8Array; repeat: number }
	): Promise<RunReport | null> {
		const p = this.plugin!;
		this.running = true;
		this.extras.beginRun();
		const timeoutMs = Math.max(0, Math.floor(this.timeoutMs ?? 0));
		const spec = this.#spec(p, job.settings);
		try {
			const report = await this.#runner.run({
				...spec,
				fn: job.fn,
				input: job.input,
				repeat: job.repeat,
				timeoutMs,
				onEvent: (ev) => {
					if (ev.type === 'http') this.network.record(rec.id, ev.event);
					else if (ev.type === 'host-call') this.extras.record(ev.call);
					rec.push(ev);
				}
			});
			const o = report.outcome;
			if (o.status === 'error' && o.error.kind === 'refused')
				this.network.refused(rec.id, o.error.url, o.error.host);
			if (report.instantiateMs !== undefined && spec.stubs?.length)
				rec.notes.push(describeStubs(spec.stubs));
			rec.finish(report, {
				timeoutMs,
				pageOrigin: location.origin,
				httpLimit: job.settings.maxHttpResponseBytes,
				maxPages: job.settings.maxPages
			});
			return report;
		} finally {
			this.running = this.#runner.busy;
			this.#instanceTick++;
		}
	}

	/** A test case runs on a fresh instance with its own function, input and config. */
	async runCase(tc: {
		fn: string;
		input: string;
		config: Record<string, string>;
	}): Promise<{ kind: 'output' | 'error'; text: string } | { kind: 'blocked'; text: string }> {
		const blocked = this.#blocked();
		if (blocked) return { kind: 'blocked', text: blocked };
		this.#runner.reset();
		const settings = { ...$state.snapshot(this.settings), config: { ...tc.config } };
		const tooSmall = await this.#capMemory(this.plugin!, settings.maxPages);
		if (tooSmall) return { kind: 'error', text: tooSmall };
		const input = encoder.encode(tc.input);
		const rec = this.log.begin(tc.fn, input.length);
		const report = await this.#execute(rec, { settings, fn: tc.fn, input, repeat: 1 });
		const o = report?.outcome;
		if (o?.status === 'ok') return { kind: 'output', text: rec.outputText };
		if (o?.status === 'error') return { kind: 'error', text: o.error.message };
		return { kind: 'error', text: `The run ended: ${o?.status ?? 'no answer'}.` };
	}

	stop() {
		this.#runner.stop();
	}

	reset() {
		this.#runner.reset();
		this.#instanceTick++;
		this.log.say('info', 'Reset: the next run starts a fresh plugin instance (vars cleared).');
	}

	addConfig(key: string, value: string): boolean {
		const k = key.trim();
		if (!k) return false;
		this.settings.config[k] = value;
		return true;
	}

	removeConfig(key: string) {
		delete this.settings.config[key];
	}

	/** Adds a host pattern as typed; the caller shows a suggestion or error instead when there is one. */
	addHost(text: string, opts: { acceptAsTyped?: boolean } = {}): HostInput {
		const check = normalizeHostInput(text);
		if (check.error || (check.suggestion && !opts.acceptAsTyped)) return check;
		this.allowHost(check.value);
		return check;
	}

	allowHost(pattern: string) {
		if (!this.settings.allowedHosts.includes(pattern)) this.settings.allowedHosts.push(pattern);
	}

	removeHost(pattern: string) {
		this.settings.allowedHosts = this.settings.allowedHosts.filter((h) => h !== pattern);
	}

	dispose() {
		this.#runner.dispose();
	}
}
