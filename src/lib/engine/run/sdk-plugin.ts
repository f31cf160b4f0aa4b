// The part of @extism/extism's plugin API the worker uses, as types: the worker host and the XTP
// job both make plugins through it, and tests hand in the real SDK or a fake.
import type { LogLevel } from './protocol';
import type { SdkOptions } from '../setup/settings';

export interface SdkOutput {
	bytes(): Uint8Array;
}
export interface SdkPlugin {
	call(fn: string, input?: Uint8Array): Promise<SdkOutput | null>;
	close(): Promise<void>;
}
export type Logger = Record<LogLevel, (message: string) => void>;
export type CreatePlugin = (
	manifest: { wasm: { module: WebAssembly.Module; name?: string }[] },
	options: SdkOptions & {
		logger: Logger;
		fetch: typeof fetch;
		functions: Record<string, Record<string, (...args: never[]) => unknown>>;
	}
) => Promise<SdkPlugin>;
