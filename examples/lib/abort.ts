import { Host, LogLevel } from '@extism/as-pdk';

// Installed with `--use abort=examples/lib/abort/pluginAbort` so modules do not import `env.abort`
// (which no Extism host provides). Logs why, then traps: the call fails instead of continuing.
// Not exported, or every plugin would export it too; only the compiler refers to it.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function pluginAbort(
	message: string | null,
	fileName: string | null,
	line: u32,
	column: u32
): void {
	const what = message === null ? 'abort' : message;
	const where = fileName === null ? '?' : fileName;
	Host.log(LogLevel.Error, `${what} at ${where}:${line}:${column}`);
	unreachable();
}
