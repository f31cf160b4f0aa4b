// Finished runs shaped like most first runs (a text or JSON output, no logs, timings, return
// code and memory), never added to any console. The page draws them once, unseen, while idle
// (components/warm-up.ts), so a person's first run does not wait for the browser to compile the
// code and parse the templates that show it.
import { factsLine } from '$lib/engine/run/call-facts';
import { RunRecord } from './run-log.svelte';

function sampleRun(output: string): RunRecord {
	const run = new RunRecord(0, 'count_vowels', 14);
	run.finish(
		{
			outcome: { status: 'ok', output: new TextEncoder().encode(output), callMs: 1 },
			instantiateMs: 1,
			roundTripMs: 1,
			discarded: false
		},
		{ timeoutMs: 0, pageOrigin: '' }
	);
	run.facts = factsLine({ returnCode: 0, memoryPages: 17, vars: [] }, null, false);
	return run;
}

export function sampleRuns(): RunRecord[] {
	return [sampleRun('Hello, Extism!'), sampleRun('{"count":3}')];
}
