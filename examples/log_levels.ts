import { Host, LogLevel, Memory } from '@extism/as-pdk';
import { log_trace } from './lib/kernel';
import { outputText } from './lib/io';

/** Logs one message at each of the five Extism log levels, lowest first. */
export function log_all(): i32 {
	// as-pdk's Host.log has no trace level, so that one goes straight to the kernel.
	log_trace(Memory.allocateString('trace message').offset);
	Host.log(LogLevel.Debug, 'debug message');
	Host.log(LogLevel.Info, 'info message');
	Host.log(LogLevel.Warn, 'warn message');
	Host.log(LogLevel.Error, 'error message');
	outputText('logged at 5 levels');
	return 0;
}
