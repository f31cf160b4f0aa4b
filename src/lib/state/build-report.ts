// What a build says in the console: its diagnostics, each line able to take the person to its
// place in the source, then the verdict. Plain code: the Workbench calls it after every build.
import { capped, describe, type Diagnostic } from '$lib/engine/author/diagnostics';
import type { BuildResult } from '$lib/engine/author/protocol';
import { formatMs } from '$lib/engine/output/output';
import type { RunLog } from './run-log.svelte';

/** Console lines per build. */
export const MAX_DIAGNOSTIC_LINES = 20;

const LEVEL = { info: 'info', warning: 'warn', error: 'error' } as const;

function placeOf(d: Diagnostic) {
	return d.line === undefined ? undefined : { line: d.line, column: d.column ?? 1 };
}

export function reportBuild(log: RunLog, r: BuildResult, file: string) {
	if (!r.ok && r.stopped) return log.say('warn', 'Build stopped: nothing was run.');
	const { shown, more } = capped(r.diagnostics, MAX_DIAGNOSTIC_LINES);
	for (const d of shown) log.say(LEVEL[d.severity], describe(d, file), placeOf(d));
	if (more) log.say('warn', `…and ${more} more diagnostics, not shown.`);
	if (!r.ok) log.say('error', `Build failed in ${formatMs(r.ms)}: ${r.message} Nothing was run.`);
	else log.say('info', `Built ${file} in ${formatMs(r.ms)}.`);
}
