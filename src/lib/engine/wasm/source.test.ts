import { describe, expect, it } from 'vitest';
import { LoadError, checkPluginUrl, preparePlugin } from './source';
import { COUNTER_WAT } from '../testing/plugins';
import wabtInit from 'wabt';

const header = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

describe('preparePlugin', () => {
	it('inspects and compiles a plugin once', async () => {
		const wabt = await wabtInit();
		const bytes = wabt.parseWat('c.wat', COUNTER_WAT).toBinary({}).buffer;
		const r = await preparePlugin(bytes);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.plugin.info.callable).toEqual(['count', 'fail', 'trap', 'nothing']);
		expect(r.plugin.module).toBeInstanceOf(WebAssembly.Module);
		expect(WebAssembly.Module.exports(r.plugin.module).map((e) => e.name)).toContain('count');
	});

	it('reports code that does not validate, in the inspector’s words', async () => {
		// () → i32 whose body is a lone i32.add: well-formed sections, invalid code.
		const bytes = new Uint8Array([
			...header,
			...[0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f],
			...[0x03, 0x02, 0x01, 0x00],
			...[0x0a, 0x05, 0x01, 0x03, 0x00, 0x6a, 0x0b]
		]);
		const r = await preparePlugin(bytes);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.message).toMatch(/^The module is malformed: its code does not validate \(.+\)\./);
	});

	it('reports what the inspector finds before compiling matters', async () => {
		const r = await preparePlugin(new TextEncoder().encode('<html>'));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.message).toMatch(/^This is not a WebAssembly module/);
	});
});

describe('checkPluginUrl', () => {
	it('takes https and loopback http only', () => {
		expect(checkPluginUrl(' https://a.example/p.wasm ').href).toBe('https://a.example/p.wasm');
		expect(checkPluginUrl('http://127.0.0.1:8080/p.wasm').hostname).toBe('127.0.0.1');
		expect(() => checkPluginUrl('http://a.example/p.wasm')).toThrow(LoadError);
		expect(() => checkPluginUrl('http://a.example/p.wasm')).toThrow(/Only https:\/\/ URLs/);
		expect(() => checkPluginUrl('not a url')).toThrow('"not a url" is not a URL.');
	});

	it('refuses a user name that makes the address read as another host', () => {
		expect(() => checkPluginUrl('http://example.com@127.0.0.1/p.wasm')).toThrow(
			'The plugin address contains a user name before "@", which hides its real host (127.0.0.1).'
		);
		expect(() => checkPluginUrl('https://u:p@a.example/p.wasm')).toThrow(
			/real host \(a\.example\)/
		);
	});

	it('refuses [::1], which the page policy cannot allow', () => {
		expect(() => checkPluginUrl('http://[::1]:8080/p.wasm')).toThrow(
			'Plugins cannot be loaded from [::1]: use http://localhost or http://127.0.0.1 instead.'
		);
	});
});
