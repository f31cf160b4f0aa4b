import { describe, expect, it } from 'vitest';
import { explainError, explainNote } from './errors';
import { runError, type RunErrorDetail } from './run-error';

const e = (detail: RunErrorDetail, message = 'raw text', name = 'Error') =>
	runError(detail, message, name);

describe('explainError', () => {
	it('quotes the plugin’s own error', () => {
		const x = explainError(
			e({ kind: 'plugin-error', text: 'bad input' }, 'Plugin-originated error: bad input'),
			'call'
		);
		expect(x.title).toBe('The plugin reported an error: bad input');
		expect(x.raw).toBe('Plugin-originated error: bad input');
		expect(explainError(e({ kind: 'plugin-error', text: '' }), 'call').title).toBe(
			'The plugin reported an error: (empty message)'
		);
	});
	it('keeps the thrown name in the raw text', () => {
		const x = explainError(
			e({ kind: 'trap', trap: 'unreachable' }, 'unreachable', 'RuntimeError'),
			'call'
		);
		expect(x.raw).toBe('RuntimeError: unreachable');
	});
	it('explains a refused host', () => {
		const x = explainError(e({ kind: 'refused', url: 'https://a.test/x', host: 'a.test' }), 'call');
		expect(x.title).toBe('Refused: "a.test" is not in the allowed hosts.');
		expect(x.hint).toBe('Add it under Allowed hosts (or click "Allow a.test").');
	});
	it('explains a redirect whose response was withheld', () => {
		const x = explainError(
			e({
				kind: 'redirect-withheld',
				url: 'https://a.test/',
				finalUrl: 'https://b.test/x',
				host: 'b.test'
			}),
			'call'
		);
		expect(x.title).toBe(
			'Redirected to "b.test", which is not in the allowed hosts: the response was withheld.'
		);
	});
	it('tells CORS from an unreachable server, naming the page’s origin', () => {
		const cors = explainError(e({ kind: 'cors', url: 'https://api.test/x' }), 'call', {
			pageOrigin: 'https://pg.test'
		});
		expect(cors.title).toBe('The server at https://api.test does not allow browser access (CORS).');
		expect(cors.hint).toContain('Access-Control-Allow-Origin: https://pg.test');
		const net = explainError(
			e({ kind: 'network', url: 'https://api.test/x', detail: 'Failed to fetch' }),
			'call'
		);
		expect(net.title).toBe('Could not reach https://api.test.');
	});
	it('names a missing function', () => {
		expect(explainError(e({ kind: 'no-function', fn: 'nope' }), 'call').title).toBe(
			'The plugin has no exported function "nope".'
		);
		expect(explainError(e({ kind: 'not-a-function', fn: 'mem' }), 'call').title).toBe(
			'"mem" is exported, but it is not a function.'
		);
	});
	it('explains WASI being off', () => {
		const x = explainError(e({ kind: 'wasi-off' }), 'load');
		expect(x.title).toBe('This plugin needs WASI, but WASI is off.');
		expect(x.hint).toMatch(/Switch on WASI/);
	});
	it('tells a trap at start from a trap in a call', () => {
		const trap = e({ kind: 'trap', trap: 'unreachable' }, 'unreachable', 'RuntimeError');
		expect(explainError(trap, 'load').title).toMatch(/while starting/);
		expect(explainError(trap, 'call').title).toBe(
			'The plugin trapped: it executed an "unreachable" instruction.'
		);
	});
	it('recognises stack overflow', () => {
		expect(explainError(e({ kind: 'trap', trap: 'stack-overflow' }), 'call').title).toBe(
			'The plugin overflowed its call stack.'
		);
	});
	it('explains pre-1.0 plugins apart from other missing imports', () => {
		const old = { kind: 'missing-import', module: 'env', field: 'extism_input_length' } as const;
		expect(explainError(e({ ...old, oldPdk: true }), 'load').title).toMatch(/before 1\.0/);
		const host = { kind: 'missing-import', module: 'extism:host/user', field: 'kv.get' } as const;
		expect(explainError(e({ ...host, oldPdk: false }), 'load').title).toBe(
			'The plugin imports "kv.get" from "extism:host/user", which this playground does not provide.'
		);
	});
	it('explains Extism memory limits', () => {
		expect(explainError(e({ kind: 'var-limit' }), 'call').title).toBe(
			'The plugin stored more in vars than "Max var bytes" allows.'
		);
		const block = e({ kind: 'memory-block' });
		expect(explainError(block, 'call', { maxPages: 4 }).title).toBe(
			'The plugin hit the Extism memory limit ("Max memory pages" is 4).'
		);
		// With no limit set, the limit must not be blamed.
		const unlimited = explainError(block, 'call');
		expect(unlimited.title).toBe('The plugin used an Extism memory block that does not exist.');
		expect(`${unlimited.title} ${unlimited.hint}`).not.toMatch(/Max memory pages/);
		const oob = e({ kind: 'trap', trap: 'out-of-bounds' });
		expect(explainError(oob, 'call').hint).toBeUndefined();
		expect(explainError(oob, 'call', { maxPages: 100 }).hint).toMatch(/Max memory pages is 100/);
	});
	it('explains a redirect that was not followed', () => {
		const x = explainError(e({ kind: 'redirect', url: 'http://127.0.0.1:9/r' }), 'call');
		expect(x.title).toBe('Redirect not followed: http://127.0.0.1:9/r answered with a redirect.');
		expect(x.hint).toMatch(/could not be checked against the allowed hosts/);
	});
	it('falls back to the raw message in words', () => {
		expect(explainError(e({ kind: 'unknown' }, 'weird'), 'call').title).toBe(
			'Something failed while running the plugin: weird'
		);
		expect(explainError(e({ kind: 'crashed' }, 'boom', 'WorkerError'), 'load').title).toBe(
			'Something failed while loading the plugin: boom'
		);
	});
});

describe('explainNote', () => {
	it('says what a stop and a timeout did, in one line', () => {
		expect(explainNote({ kind: 'stopped' })).toBe(
			'Stopped. The plugin instance was discarded; the next run starts a fresh one.'
		);
		expect(explainNote({ kind: 'timeout', ms: 250 })).toBe(
			'Timed out after 250 ms and stopped. The instance was discarded; raise "Timeout (ms)" if the plugin needs longer.'
		);
	});
	it('says a response was too large, with the limit when known', () => {
		expect(explainNote({ kind: 'too-large', url: 'https://a.test/', limit: 1024 })).toMatch(
			/^The response was larger than Max HTTP response bytes \(1,024\)\. The plugin got no response body\./
		);
	});
});
