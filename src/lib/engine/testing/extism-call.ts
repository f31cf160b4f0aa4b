// For tests: what a shell hands `extism` for a generated CLI line, and what `extism call` makes of
// those words. The extism CLI cannot be installed here, so its argument rules are written out from
// its source (extism/cli call.go: cobra with pflag): `--` ends the flags, a value flag takes the
// next word whatever it starts with, `--config K=V` splits at the first `=`, `--set-config` is a
// JSON object merged under the `--config` entries, and `-h`/`--help` shows the help instead.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the line in `sh` with `extism` as a function that keeps its words and its stdin. */
export function runCli(cli: string, cwd?: string): { argv: string[]; stdin: Uint8Array } {
	const dir = mkdtempSync(join(tmpdir(), 'cli-'));
	try {
		const script = `extism() { printf '%s\\0' "$@" > "$ARGV"; cat > "$STDIN"; }\n${cli}\n`;
		execFileSync('sh', ['-c', script], {
			cwd,
			input: '',
			env: { ...process.env, ARGV: join(dir, 'argv'), STDIN: join(dir, 'stdin') }
		});
		const argv = readFileSync(join(dir, 'argv'), 'utf8').split('\0').slice(0, -1);
		return { argv, stdin: new Uint8Array(readFileSync(join(dir, 'stdin'))) };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const BOOL = ['stdin', 'wasi', 'manifest', 'help', 'enable-http-response-headers'];
const VALUE = [
	'input',
	'loop',
	'allow-path',
	'allow-host',
	'timeout',
	'memory-max',
	'http-response-max',
	'var-max',
	'config',
	'set-config',
	'log-level',
	'link'
];
const SHORT: Record<string, string> = { i: 'input', m: 'manifest', h: 'help' };

export interface ExtismCall {
	/** The positional words: the wasm file and the function. */
	args: string[];
	/** Every value flag's values in order; a boolean flag as ['true']. */
	flags: Record<string, string[]>;
	config: Record<string, string>;
	/** Set when extism would print its help rather than call anything. */
	help: boolean;
}

/** `extism call`'s reading of the words after `extism`; throws where extism would refuse them. */
export function readCall(argv: string[]): ExtismCall {
	if (argv[0] !== 'call') throw new Error(`not a call: ${argv[0]}`);
	const args: string[] = [];
	const flags: Record<string, string[]> = {};
	const words = argv.slice(1);
	for (let i = 0; i < words.length; i++) {
		const word = words[i];
		if (word === '--') {
			args.push(...words.slice(i + 1));
			break;
		}
		if (!word.startsWith('-') || word === '-') {
			args.push(word);
			continue;
		}
		const long = word.startsWith('--');
		const body = long ? word.slice(2) : word.slice(1);
		const eq = body.indexOf('=');
		const raw = eq < 0 ? body : body.slice(0, eq);
		const name = long ? raw : (SHORT[raw] ?? raw);
		if (BOOL.includes(name)) (flags[name] ??= []).push(eq < 0 ? 'true' : body.slice(eq + 1));
		else if (VALUE.includes(name)) {
			if (eq < 0 && i + 1 >= words.length) throw new Error(`flag needs an argument: ${word}`);
			(flags[name] ??= []).push(eq < 0 ? words[++i] : body.slice(eq + 1));
		} else throw new Error(`unknown flag: ${word}`);
	}
	const config: Record<string, string> = {};
	for (const json of flags['set-config'] ?? []) Object.assign(config, JSON.parse(json));
	for (const entry of flags.config ?? []) {
		const at = entry.indexOf('=');
		if (at < 0) config[entry] = '';
		else config[entry.slice(0, at)] = entry.slice(at + 1);
	}
	return { args, flags, config, help: 'help' in flags };
}
