// An XTP test plugin and its latest run against the loaded plugin (`xtp plugin test --with`).
import { explainError, explainNote } from '$lib/engine/run/errors';
import { formatMs } from '$lib/engine/output/output';
import type { LogLevel, XtpTestPlugin } from '$lib/engine/run/protocol';
import { sha256Once } from '$lib/engine/wasm/sha256';
import { preparePlugin } from '$lib/engine/wasm/source';
import { HARNESS_MODULE } from '$lib/engine/run/xtp/harness';
import { NO_JSPI_MESSAGE, checkTestPlugin } from '$lib/engine/run/xtp/check';
import {
	NO_TOTALS,
	addEvent,
	addToTotals,
	type XtpGroup,
	type XtpTotals
} from '$lib/engine/run/xtp/report';
import type { RunController } from './run-controller.svelte';
import type { RunLog } from './run-log.svelte';

export interface TestPluginFile extends XtpTestPlugin {
	name: string;
	/** Kept so that a reload brings the test plugin back (AutoSave). */
	bytes: Uint8Array;
	sha256: string;
	/** The harness functions it imports; none means it can make no assertions. */
	uses: string[];
}

export class XtpSuite {
	file = $state.raw<TestPluginFile | null>(null);
	/** Why the file last chosen cannot be used (the previous test plugin, if any, stays). */
	problem = $state<string | null>(null);
	groups = $state<XtpGroup[]>([]);
	totals = $state.raw<XtpTotals | null>(null);
	/** How long the last test took in the worker, when it ran to its end. */
	ms = $state<number | null>(null);
	/** What both plugins logged during the run (the worker sends at most 200 lines a run). */
	logs = $state<{ level: LogLevel; message: string }[]>([]);
	/** How the run went, in words: nothing asserted, stopped, timed out, the test failing. */
	notes = $state<string[]>([]);
	running = $state(false);
	/** Told of every change of `file`, so it can be kept across reloads (AutoSave sets it). */
	keep: ((file: TestPluginFile | null) => void) | null = null;
	/** Set in browsers that cannot run test plugins at all. */
	readonly unavailable: string | null;
	#runs: RunController;
	#log: RunLog;

	constructor(parts: { runs: RunController; log: RunLog }, env: { jspi: boolean }) {
		this.#runs = parts.runs;
		this.#log = parts.log;
		this.unavailable = env.jspi ? null : NO_JSPI_MESSAGE;
	}

	load(file: File): Promise<boolean> {
		return file.arrayBuffer().then((b) => this.loadBytes(file.name, new Uint8Array(b)));
	}

	/** Takes the bytes as the test plugin if they are one; else says why and keeps the last. */
	async loadBytes(name: string, bytes: Uint8Array): Promise<boolean> {
		const prepared = await preparePlugin(bytes);
		const check = prepared.ok ? checkTestPlugin(prepared.plugin.info) : null;
		if (!prepared.ok || !check?.ok) {
			const why = prepared.ok ? (check as { message: string }).message : prepared.message;
			this.problem = `${name} cannot be used as a test plugin: ${why}`;
			return false;
		}
		this.problem = null;
		const { uses, assertArity, useWasi } = check;
		const { module } = prepared.plugin;
		const sha256 = await sha256Once(bytes);
		this.file = { name, bytes, sha256, module, uses, assertArity, useWasi };
		this.#clear();
		this.keep?.(this.file);
		return true;
	}

	/** No test plugin (starting over). */
	forget() {
		this.file = null;
		this.problem = null;
		this.#clear();
		this.keep?.(null);
	}

	#clear() {
		this.groups = [];
		this.totals = null;
		this.ms = null;
		this.logs = [];
		this.notes = [];
	}

	async run() {
		const file = this.file;
		if (!file || this.running || this.unavailable) return;
		this.running = true;
		this.#clear();
		let counted = NO_TOTALS;
		try {
			const { module, useWasi, assertArity } = file;
			const outcome = await this.#runs.runTestPlugin(
				{ module, useWasi, assertArity },
				(ev) => {
					addEvent(this.groups, ev);
					this.totals = counted = addToTotals(counted, ev);
				},
				(level, message) => this.logs.push({ level, message })
			);
			switch (outcome.status) {
				case 'blocked':
					this.notes.push(outcome.text);
					return;
				case 'done': {
					this.totals = outcome.totals;
					this.ms = outcome.ms;
					if (outcome.error) this.notes.push(this.#failure(outcome.error));
					if (outcome.dropped)
						this.notes.push(
							`${outcome.dropped} more results were not listed here; the summary counts them.`
						);
					const asserted = outcome.totals.passed + outcome.totals.failed;
					if (!asserted) this.notes.push(this.#nothingAsserted(file, outcome.ms));
					break;
				}
				case 'stopped':
				case 'timeout':
					this.notes.push(`${explainNote(outcome.error)} Results so far are shown.`);
					break;
				case 'error':
					this.notes.push(explainError(outcome.error, 'call').title);
					break;
				case 'superseded':
					this.notes.push('Replaced by a newer run.');
					break;
			}
			const t = this.totals ?? NO_TOTALS;
			this.#log.say(
				t.failed || t.failedCalls ? 'warn' : 'info',
				`Test plugin ${file.name}: ${summaryText(t)}.`
			);
		} finally {
			this.running = false;
		}
	}

	#failure(f: { phase: 'load' | 'call'; error: Parameters<typeof explainError>[0] }): string {
		const x = explainError(f.error, f.phase);
		const lead =
			f.phase === 'load' ? 'The test plugin could not start' : 'The test plugin\'s "test" failed';
		return `${lead}: ${x.title}${x.hint ? ` ${x.hint}` : ''}`;
	}

	#nothingAsserted(file: TestPluginFile, ms: number): string {
		return file.uses.length
			? `The test ran (${formatMs(ms)}) but made no assertions.`
			: `${file.name} imports nothing from ${HARNESS_MODULE}, so it cannot call the plugin or make assertions. Its "test" ran (${formatMs(ms)}); no assertions were made.`;
	}
}

/** "3 passed, 1 failed", and failed calls when there were any. */
export function summaryText(t: XtpTotals): string {
	const calls = t.failedCalls
		? `, ${t.failedCalls} call${t.failedCalls === 1 ? '' : 's'} failed`
		: '';
	return `${t.passed} passed, ${t.failed} failed${calls}`;
}
