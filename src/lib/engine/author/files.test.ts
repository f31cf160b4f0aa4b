import { describe, expect, it } from 'vitest';
import { AS_FILE, asFiles, readFrom } from './files';

describe('file map', () => {
	it('holds the person’s file and the PDK at the paths asc asks for', () => {
		const files = asFiles('export function f(): i32 { return 0; }');
		expect(readFrom(files, AS_FILE)).toContain('export function f');
		expect(readFrom(files, './plugin.ts')).toContain('export function f');
		expect(readFrom(files, 'node_modules/@extism/as-pdk/index.ts')).toContain('./lib/pdk');
		expect(readFrom(files, 'node_modules/@extism/as-pdk/lib/env.ts')).toContain('extism:host/env');
		expect(readFrom(files, '~lib/@extism/as-pdk/lib/pdk.ts')).toContain('export class Host');
		expect(readFrom(files, '/node_modules/@extism/as-pdk/lib/env.ts')).toContain('input_length');
		expect(readFrom(files, 'lib/abort.ts')).toContain('function pluginAbort');
		expect(readFrom(files, './lib/kernel.ts')).toContain('http_headers');
		expect(readFrom(files, 'asconfig.json')).toBeNull();
	});
});
