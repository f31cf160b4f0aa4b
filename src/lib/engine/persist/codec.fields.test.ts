// Each field of a format-1 link, broken one at a time, gives its own sentence.
import { describe, expect, it } from 'vitest';
import { decodeSetup, encodeSetup, MAX_EMBED_BYTES } from './codec';
import type { Setup } from '../setup/setup';
import { linkOfJson, sampleJson, sampleSetup } from '../testing/links';

const refused = (reason: string) => ({
	ok: false,
	message: `This share link cannot be opened. ${reason}`
});

describe('share links: every field is checked', () => {
	type Json = ReturnType<typeof sampleJson>;
	const cases: [string, (j: Json) => unknown, string][] = [
		['not an object', () => [1, 2], 'The setup in this link must be an object.'],
		['no source', (j) => ({ ...j, source: undefined }), 'The plugin source must be an object.'],
		[
			'unknown source kind',
			(j) => ({ ...j, source: { kind: 'ftp' } }),
			'The plugin source kind must be one of example, url, bytes, none (got "ftp").'
		],
		[
			'example id with a path',
			(j) => ({ ...j, source: { kind: 'example', id: '../evil' } }),
			'"../evil" is not an example name.'
		],
		[
			'plain http URL',
			(j) => ({ ...j, source: { kind: 'url', url: 'http://example.com/a.wasm' } }),
			'The plugin address must start with https:// (it starts with http:). Plugin code should not travel unencrypted.'
		],
		[
			'javascript: URL',
			(j) => ({ ...j, source: { kind: 'url', url: 'javascript:alert(1)' } }),
			'The plugin address must start with https:// (it starts with javascript:). Plugin code should not travel unencrypted.'
		],
		[
			'URL with a user name',
			(j) => ({ ...j, source: { kind: 'url', url: 'http://example.com@127.0.0.1:9/p.wasm' } }),
			'The plugin address contains a user name before "@", which hides its real host (127.0.0.1). Use http://127.0.0.1:9/p.wasm if that is the host you mean.'
		],
		[
			'IPv6 loopback URL',
			(j) => ({ ...j, source: { kind: 'url', url: 'http://[::1]:8080/p.wasm' } }),
			'Plugins cannot be loaded from [::1]: use http://localhost or http://127.0.0.1 instead.'
		],
		[
			'not a URL',
			(j) => ({ ...j, source: { kind: 'url', url: 'not a url' } }),
			'The plugin address "not a url" is not a URL.'
		],
		[
			'bytes not base64',
			(j) => ({ ...j, source: { kind: 'bytes', name: 'a.wasm', data: '!!!!' } }),
			'The plugin data in this link is damaged (not base64).'
		],
		[
			'bytes without a name',
			(j) => ({ ...j, source: { kind: 'bytes', data: 'AGFzbQ==' } }),
			'The plugin file name must be text.'
		],
		['fn a number', (j) => ({ ...j, fn: 5 }), 'The function name must be text.'],
		[
			'fn too long',
			(j) => ({ ...j, fn: 'f'.repeat(257) }),
			'The function name is longer than 256 characters.'
		],
		['input missing', (j) => ({ ...j, input: undefined }), 'The input must be text.'],
		[
			'input too long',
			(j) => ({ ...j, input: 'a'.repeat(256 * 1024 + 1) }),
			'The input is longer than 262,144 characters.'
		],
		[
			'input too many bytes',
			(j) => ({ ...j, input: '€'.repeat(100_000) }),
			'The input is larger than 256 KiB.'
		],
		[
			'timeout negative',
			(j) => ({ ...j, timeoutMs: -1 }),
			'The timeout must be a whole number from 0 to 2,147,483,647 (got -1).'
		],
		[
			'timeout too large',
			(j) => ({ ...j, timeoutMs: 2 ** 31 }),
			'The timeout must be a whole number from 0 to 2,147,483,647 (got 2147483648).'
		],
		[
			'timeout text',
			(j) => ({ ...j, timeoutMs: '100' }),
			'The timeout must be a whole number from 0 to 2,147,483,647 (got "100").'
		],
		['settings missing', (j) => ({ ...j, settings: null }), 'The settings must be an object.'],
		[
			'wasi a string',
			(j) => ({ ...j, settings: { ...j.settings, wasi: 'yes' } }),
			'The setting wasi must be true or false.'
		],
		[
			'unknown log level',
			(j) => ({ ...j, settings: { ...j.settings, logLevel: 'verbose' } }),
			'The log level must be one of trace, debug, info, warn, error (got "verbose").'
		],
		[
			'config a list',
			(j) => ({ ...j, settings: { ...j.settings, config: [] } }),
			'The config must be an object.'
		],
		[
			'config value a number',
			(j) => ({ ...j, settings: { ...j.settings, config: { a: 1 } } }),
			'The config value "a" must be text.'
		],
		[
			'config empty key',
			(j) => ({ ...j, settings: { ...j.settings, config: { '': 'x' } } }),
			'Every key of the config must be 1 to 256 characters long.'
		],
		[
			'hosts a string',
			(j) => ({ ...j, settings: { ...j.settings, allowedHosts: 'a.com' } }),
			'The list of allowed hosts must be a list.'
		],
		[
			'host a number',
			(j) => ({ ...j, settings: { ...j.settings, allowedHosts: [1] } }),
			'Every entry of the list of allowed hosts must be text.'
		],
		[
			'host with a space',
			(j) => ({ ...j, settings: { ...j.settings, allowedHosts: ['a b'] } }),
			'The list of allowed hosts has an entry "a b" that is refused: A host name cannot contain spaces.'
		],
		[
			'host pattern !api.example.com',
			(j) => ({
				...j,
				settings: { ...j.settings, allowedHosts: ['api.example.com', '!api.example.com'] }
			}),
			'The list of allowed hosts has an entry "!api.example.com" that is refused: A pattern starting with "!" would allow every other host; list the hosts to allow instead.'
		],
		[
			'host pattern !',
			(j) => ({ ...j, settings: { ...j.settings, allowedHosts: ['api.example.com', '!'] } }),
			'The list of allowed hosts has an entry "!" that is refused: A pattern starting with "!" would allow every other host; list the hosts to allow instead.'
		],
		[
			'host pattern +(*)',
			(j) => ({ ...j, settings: { ...j.settings, allowedHosts: ['api.example.com', '+(*)'] } }),
			'The list of allowed hosts has an entry "+(*)" that is refused: "+" cannot appear in a host name.'
		],
		[
			'host pattern @(*)',
			(j) => ({ ...j, settings: { ...j.settings, allowedHosts: ['api.example.com', '@(*)'] } }),
			'The list of allowed hosts has an entry "@(*)" that is refused: "(" cannot appear in a host name.'
		],
		[
			'host pattern *(x)*',
			(j) => ({ ...j, settings: { ...j.settings, allowedHosts: ['api.example.com', '*(x)*'] } }),
			'The list of allowed hosts has an entry "*(x)*" that is refused: "(" cannot appear in a host name.'
		],
		[
			'too many hosts',
			(j) => ({ ...j, settings: { ...j.settings, allowedHosts: Array(65).fill('a.com') } }),
			'The list of allowed hosts has more than 64 entries.'
		],
		[
			'maxPages negative',
			(j) => ({ ...j, settings: { ...j.settings, maxPages: -1 } }),
			'The setting maxPages must be a whole number from 0 to 65,536 (got -1).'
		],
		[
			'maxVarBytes fraction',
			(j) => ({ ...j, settings: { ...j.settings, maxVarBytes: 1.5 } }),
			'The setting maxVarBytes must be a whole number from 0 to 4,294,967,296 (got 1.5).'
		],
		[
			'maxHttpResponseBytes text',
			(j) => ({ ...j, settings: { ...j.settings, maxHttpResponseBytes: '10' } }),
			'The setting maxHttpResponseBytes must be a whole number from 0 to 4,294,967,296 (got "10").'
		],
		[
			'headers switch null',
			(j) => ({ ...j, settings: { ...j.settings, allowHttpResponseHeaders: null } }),
			'The setting allowHttpResponseHeaders must be true or false.'
		]
	];
	for (const [name, change, reason] of cases) {
		it(`refuses ${name}`, async () => {
			expect(await decodeSetup(await linkOfJson(change(sampleJson())))).toEqual(refused(reason));
		});
	}

	it('opens the sample JSON itself, so each case above fails for its own change', async () => {
		expect(await decodeSetup(await linkOfJson(sampleJson()))).toEqual({
			ok: true,
			setup: sampleSetup()
		});
	});

	it('ignores keys it does not know', async () => {
		const json = {
			...sampleJson(),
			future: { x: 1 },
			settings: { ...sampleJson().settings, later: true }
		};
		expect(await decodeSetup(await linkOfJson(json))).toEqual({ ok: true, setup: sampleSetup() });
	});

	it('accepts http only for the local machine', async () => {
		for (const url of ['http://localhost:5173/a.wasm', 'http://127.0.0.1/a.wasm']) {
			const result = await decodeSetup(
				await linkOfJson({ ...sampleJson(), source: { kind: 'url', url } })
			);
			expect(result.ok && result.setup.source).toEqual({ kind: 'url', url });
		}
	});

	it('reports the name of a plugin that stayed behind', async () => {
		const result = await decodeSetup(
			await linkOfJson({ ...sampleJson(), source: { kind: 'none', name: 'big.wasm' } })
		);
		expect(result).toEqual({
			ok: true,
			setup: { ...sampleSetup(), source: { kind: 'none' } },
			missingPlugin: 'big.wasm'
		});
	});
});

describe('the input file and encoding in a link', () => {
	const base: Setup = { ...sampleSetup(), fn: 'echo', input: 'ff 00' };
	it('carries a small input file byte for byte, and the encoding', async () => {
		const data = new Uint8Array([0, 255, 128, 10]);
		const setup: Setup = {
			...base,
			inputEncoding: 'hex',
			inputFile: { name: 'x.bin', type: 'application/octet-stream', data }
		};
		const r = await encodeSetup(setup);
		expect(r.note).toBeUndefined();
		expect(await decodeSetup(r.hash)).toEqual({ ok: true, setup });
	});
	it('leaves a large input file behind with its name, and says the limit', async () => {
		const data = new Uint8Array(MAX_EMBED_BYTES + 1);
		const r = await encodeSetup({
			...base,
			inputFile: { name: 'big.png', type: 'image/png', data }
		});
		expect(r.note).toBe(
			'The input file "big.png" (24.0 KiB) is too large to travel in a link (limit 24.0 KiB): whoever opens it must load it again as the input file.'
		);
		const back = await decodeSetup(r.hash);
		expect(back.ok && back.setup.inputFile).toEqual({
			name: 'big.png',
			type: 'image/png',
			data: null
		});
	});
	const broken: [string, Record<string, unknown>, string][] = [
		[
			'damaged file data',
			{ inputFile: { name: 'a', type: '', data: '***' } },
			'The input file in this link is damaged (not base64).'
		],
		[
			'a file with no name',
			{ inputFile: { name: '', type: '' } },
			'The input file name is empty or invalid.'
		],
		[
			'an unknown encoding',
			{ inputEncoding: 'utf-16' },
			'The input encoding must be one of hex, base64 (got "utf-16").'
		]
	];
	it.each(broken)('refuses %s', async (_, extra, reason) => {
		expect(await decodeSetup(await linkOfJson({ ...sampleJson(), ...extra }))).toEqual(
			refused(reason)
		);
	});
});
