// Runs: owns the plugin runner and its instance, and records every run in the console and the
// network log. The runner says when its state changes; nothing here guesses.
import { describeStubs } from '$lib/engine/stubs/host-stubs';
import type { LogLevel, XtpTestPlugin } from '$lib/engine/run/protocol';
import type { RunReport, XtpOutcome } from '$lib/engine/run/outcomes';
import { PluginRunner } from '$lib/engine/run/runner';
import type { XtpEvent } from '$lib/engine/run/xtp/report';
import type { spawnPluginWorker } from '$lib/engine/run/worker-factory';
import type { CurrentPlugin, LoadedPlugin } from './current-plugin.svelte';
import type { PluginExtras } from './extras.svelte';
import type { Mock } from '$lib/engine/http/mocks/mock';
import type { MockResponses } from './mocks.svelte';
import type { NetworkLog } from './network-log.svelte';
import { InFlight } from './in-flight.svelte';
import { RUN_QUIET_MS, type RunLog, type RunRecord } from './run-log.svelte';
import { RunBacktrace, type SourceLinks } from './run-backtrace';
import type { Backtrace } from '$lib/engine/debug/backtrace';
import type { SetupState } from './setup-state.svelte';
import {
	caseOutcome,
	instanceSpec,
	logContext,
	whyBlocked,
	type CaseOutcome,
	type Job
} from './run-parts';
import { factsLine } from '$lib/engine/run/call-facts';
import type { VarsState } from './vars.svelte';

export type { CaseOutcome };

const encoder = new TextEncoder();

export class RunController {
	/** Set while a run asked for during a load waits for that load. */
	runWaiting = $state(false);
	/** Runs in flight here (one, unless a newer one superseded it and both still unwind). */
	#inFlight = new InFlight();
	/** Changes whenever the runner says its instance or busy state changed. */
	#version = $state(0);
	#runner: PluginRunner;
	#current: CurrentPlugin;
	#setup: SetupState;
	#extras: PluginExtras;
	#log: RunLog;
	#network: NetworkLog;
	#vars: VarsState | null = null;
	/** The live instance's memory in pages after its last call or its instantiation. */
	#pages: number | null = null;
	#mocks: MockResponses;
	#origin: string;
	/**
	 * For a plugin written here, where a backtrace's frames lie in its source (set by Playground,
	 * which knows the Workbench); `ran` are the bytes of the module the run used (capped or not).
	 */
	linkSource: ((p: LoadedPlugin, trace: Backtrace, ran: Uint8Array) => SourceLinks | null) | null =
		null;

	constructor(
		parts: {
			current: CurrentPlugin;
			setup: SetupState;
			extras: PluginExtras;
			log: RunLog;
			network: NetworkLog;
			mocks: MockResponses;
		},
		env: { spawn: () => ReturnType<typeof spawnPluginWorker>; origin: string }
	) {
		this.#current = parts.current;
		this.#setup = parts.setup;
		this.#extras = parts.extras;
		this.#log = parts.log;
		this.#network = parts.network;
		this.#mocks = parts.mocks;
		this.#origin = env.origin;
		this.#runner = new PluginRunner(env.spawn, () => this.#version++);
		this.#runner.warm();
	}

	/** What the page shows: a run is going on, once it has gone on for RUN_QUIET_MS. */
	get running(): boolean {
		return this.#inFlight.running;
	}

	/** Whether a run is going on now, shown yet or not: a second one waits its turn. */
	get busy(): boolean {
		return this.#inFlight.busy;
	}

	/** The Vars panel's state: runs take its edits and give it what the instance holds. */
	useVars(vars: VarsState) {
		this.#vars = vars;
	}

	/**
	 * Whether the next run reuses the live instance, so vars carry over: worked out again only when
	 * the runner says it changed, or what the instance is made from does.
	 */
	readonly instanceLive: boolean = $derived.by(() => {
		void this.#version;
		const p = this.#current.plugin;
		return (
			!!p &&
			!this.busy &&
			this.#runner.hasInstanceFor(
				instanceSpec(
					this.#current,
					this.#extras,
					p,
					$state.snapshot(this.#setup.settings),
					this.#mocks.snapshot()
				)
			)
		);
	});

	async run() {
		const loading = this.#current.loading;
		if (loading) {
			if (this.runWaiting) return;
			this.runWaiting = true;
			const loaded = await this.#current.settled().finally(() => (this.runWaiting = false));
			if (!loaded)
				return this.#log.say(
					'error',
					`Not run: ${loading.label} did not load, and the run was for it.`
				);
		}
		const setup = this.#setup;
		const blocked =
			whyBlocked(this.#current, this.#extras) ??
			(setup.fn ? null : 'This plugin exports no function to call.') ??
			this.#mocksBlocked();
		if (blocked) return this.#log.say('error', blocked);
		if (this.busy) return;
		const settings = $state.snapshot(setup.settings);
		const p = this.#current.plugin!;
		// Compiled already (or no cap): no await, so the job reaches the worker before the page
		// turns to rendering the run's line.
		if (!this.#current.isCapped(p, settings.maxPages)) {
			const tooSmall = await this.#current.capped(p, settings.maxPages);
			if (tooSmall) return this.#log.say('error', tooSmall);
			// Another plugin arrived while this one compiled: its own run decides.
			if (this.#current.plugin !== p) return;
		}
		const input = setup.inputBytes();
		if (!input.ok) return this.#log.say('error', `Not run: ${input.message}`);
		const rec = this.#log.begin(setup.fn, input.bytes.length, logContext(p, settings));
		await this.#execute(rec, {
			settings,
			fn: setup.fn,
			input: input.bytes,
			repeat: setup.repeat,
			mocks: this.#mocks.snapshot()
		});
	}

	#mocksBlocked(): string | null {
		const problem = this.#mocks.blocked;
		return problem ? `Not run: ${problem} Fix it under Mock responses.` : null;
	}

	/**
	 * A test case runs on a fresh instance with its own function, input and config, and its own
	 * mocks when it carries them (else the page's).
	 */
	async runCase(tc: {
		fn: string;
		input: string;
		config: Record<string, string>;
		mocks?: Mock[];
	}): Promise<CaseOutcome> {
		const mocks = tc.mocks ?? this.#mocks.snapshot();
		const blocked =
			whyBlocked(this.#current, this.#extras) ?? (tc.mocks ? null : this.#mocksBlocked());
		if (blocked) return { kind: 'blocked', text: blocked };
		this.#runner.reset();
		this.#forget();
		const settings = { ...$state.snapshot(this.#setup.settings), config: { ...tc.config } };
		const tooSmall = await this.#current.capped(this.#current.plugin!, settings.maxPages);
		if (tooSmall) return { kind: 'error', text: tooSmall };
		const input = encoder.encode(tc.input);
		const rec = this.#log.begin(tc.fn, input.length, logContext(this.#current.plugin!, settings));
		const report = await this.#execute(rec, { settings, fn: tc.fn, input, repeat: 1, mocks });
		return caseOutcome(report, rec);
	}

	/** One run through the runner, recorded in `rec`; the report is also returned. */
	async #execute(rec: RunRecord, job: Job): Promise<RunReport | null> {
		const p = this.#current.plugin!;
		const end = this.#inFlight.begin(RUN_QUIET_MS);
		this.#extras.beginRun();
		const timeoutMs = this.#timeoutMs();
		const spec = instanceSpec(this.#current, this.#extras, p, job.settings, job.mocks);
		try {
			const report = await this.#runner.run({
				...spec,
				fn: job.fn,
				input: job.input,
				repeat: job.repeat,
				vars: this.#vars?.forRun(),
				timeoutMs,
				bytes: () => this.#current.bytesFor(p, job.settings.maxPages),
				onEvent: (ev) => {
					if (ev.type === 'http') this.#network.record(rec.id, ev.event);
					else if (ev.type === 'host-call') this.#extras.record(ev.call);
					rec.push(ev);
				}
			});
			const o = report.outcome;
			if (o.status === 'error' && o.error.kind === 'refused')
				this.#network.refused(rec.id, o.error.url, o.error.host, o.error.method);
			if (report.instantiateMs !== undefined && spec.stubs?.length)
				rec.notes.push(describeStubs(spec.stubs));
			if (o.status === 'error' && o.backtrace)
				rec.backtrace = new RunBacktrace(
					o.backtrace,
					this.linkSource?.(p, o.backtrace, this.#current.bytesFor(p, job.settings.maxPages)) ??
						null
				);
			rec.finish(report, {
				timeoutMs,
				pageOrigin: this.#origin,
				httpLimit: job.settings.maxHttpResponseBytes,
				maxPages: job.settings.maxPages
			});
			this.#noteFacts(rec, report);
			return report;
		} finally {
			end();
		}
	}

	/** The run's return code, memory and vars, and the growth since the instance's last call. */
	#noteFacts(rec: RunRecord, report: RunReport) {
		if (report.loadedPages !== undefined) this.#pages = report.loadedPages;
		if (report.facts) {
			const failed = report.outcome.status === 'error';
			rec.facts = factsLine(report.facts, this.#pages, failed);
			this.#pages = report.facts.memoryPages;
		}
		this.#vars?.after(report);
		if (report.discarded) this.#pages = null;
	}

	#timeoutMs(): number {
		return Math.max(0, Math.floor(this.#setup.timeoutMs ?? 0));
	}

	/**
	 * An XTP test plugin against fresh instances of the plugin, made as a run makes them (same
	 * settings, hosts, stubs), with the current input as mock input; Stop and Timeout end it.
	 */
	async runTestPlugin(
		test: XtpTestPlugin,
		onEvent: (ev: XtpEvent) => void,
		onLog: (level: LogLevel, message: string) => void = () => {}
	): Promise<XtpOutcome | { status: 'blocked'; text: string }> {
		const blocked =
			whyBlocked(this.#current, this.#extras) ??
			(this.busy ? 'A run is going on: wait for it or stop it.' : null) ??
			this.#mocksBlocked();
		if (blocked) return { status: 'blocked', text: blocked };
		const settings = $state.snapshot(this.#setup.settings);
		const p = this.#current.plugin!;
		const tooSmall = await this.#current.capped(p, settings.maxPages);
		if (tooSmall) return { status: 'blocked', text: tooSmall };
		// Mock input is the input a Run would send: an input file, or the text in its encoding.
		const input = this.#setup.inputBytes();
		if (!input.ok) return { status: 'blocked', text: `Not run: ${input.message}` };
		const end = this.#inFlight.begin(0);
		try {
			return await this.#runner.runTest({
				...instanceSpec(this.#current, this.#extras, p, settings, this.#mocks.snapshot()),
				test,
				input: input.bytes,
				timeoutMs: this.#timeoutMs(),
				onEvent: (ev) => {
					if (ev.type === 'xtp') onEvent(ev.event);
					else if (ev.type === 'log') onLog(ev.level, ev.message);
					else if (ev.type === 'host-call') this.#extras.record(ev.call);
				}
			});
		} finally {
			end();
		}
	}

	stop() {
		this.#runner.stop();
	}

	/** Drops the instance without a word (a new plugin came). */
	discardInstance() {
		this.#runner.reset();
		this.#forget();
	}

	#forget() {
		this.#pages = null;
		this.#vars?.clear();
	}

	reset() {
		this.#runner.reset();
		this.#forget();
		this.#log.say('info', 'Reset: the next run starts a fresh plugin instance (vars cleared).');
	}

	dispose() {
		this.#runner.dispose();
	}
}
