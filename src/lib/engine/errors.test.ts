import { describe, expect, it } from 'vitest';
import { explainError } from './errors';

const e = (message: string, name = 'Error') => ({ name, message });

describe('explainError', () => {
	it('quotes the plugin’s own error', () => {
		const x = explainError(e('Plugin-originated error: bad input'), 'call');
		expect(x.title).toBe('The plugin reported an error: bad input');
		expect(x.raw).toBe('Plugin-originated error: bad input');
	});
	it('explains a redirect whose response was withheld', () => {
		const x = explainError(
			e(
				'HTTP request to "https://a.test/" was redirected to "https://b.test/x" (no allowedHosts match "b.test"): the browser followed the redirect, and the response was withheld from the plugin'
			),
			'call'
		);
		expect(x.title).toBe(
			'Redirected to "b.test", which is not in the allowed hosts: the response was withheld.'
		);
	});
	it('names a missing function', () => {
		expect(explainError(e('Plugin error: function "nope" does not exist'), 'call').title).toBe(
			'The plugin has no exported function "nope".'
		);
	});
	it('explains WASI being off', () => {
		const x = explainError(e('WASI is not enabled; see the "useWasi" plugin option'), 'load');
		expect(x.title).toBe('This plugin needs WASI, but WASI is off.');
		expect(x.hint).toMatch(/Switch on WASI/);
	});
	it('tells a trap at start from a trap in a call', () => {
		expect(explainError(e('unreachable', 'RuntimeError'), 'load').title).toMatch(/while starting/);
		expect(explainError(e('unreachable', 'RuntimeError'), 'call').title).toBe(
			'The plugin trapped: it executed an "unreachable" instruction.'
		);
	});
	it('recognises stack overflow', () => {
		expect(explainError(e('Maximum call stack size exceeded', 'RangeError'), 'call').title).toBe(
			'The plugin overflowed its call stack.'
		);
	});
	it('explains pre-1.0 plugins before the generic import message', () => {
		const msg =
			'from module "main": cannot resolve import "env" "extism_input_length": not provided';
		expect(explainError(e(msg), 'load').title).toMatch(/before 1\.0/);
		const host =
			'from module "main": cannot resolve import "extism:host/user" "kv.get": not provided';
		expect(explainError(e(host), 'load').title).toBe(
			'The plugin imports "kv.get" from "extism:host/user", which this playground does not provide.'
		);
	});
	it('explains Extism memory limits', () => {
		expect(
			explainError(e('var memory limit exceeded: 9 bytes requested, 4 allowed'), 'call').title
		).toMatch(/Max var bytes/);
		// What the SDK really throws: the limit wears the plugin-error prefix, but it is the host's.
		expect(
			explainError(
				e('Plugin-originated error: var memory limit exceeded: 100 bytes requested, 16 allowed'),
				'call'
			).title
		).toBe('The plugin stored more in vars than "Max var bytes" allows.');
		const dataView = e('Offset is outside the bounds of the DataView', 'RangeError');
		expect(explainError(dataView, 'call', { maxPages: 4 }).title).toBe(
			'The plugin hit the Extism memory limit ("Max memory pages" is 4).'
		);
		// With no limit set, the limit must not be blamed.
		const unlimited = explainError(dataView, 'call');
		expect(unlimited.title).toBe('The plugin used an Extism memory block that does not exist.');
		expect(`${unlimited.title} ${unlimited.hint}`).not.toMatch(/Max memory pages/);
		const oob = e('memory access out of bounds', 'RuntimeError');
		expect(explainError(oob, 'call').hint).toBeUndefined();
		expect(explainError(oob, 'call', { maxPages: 100 }).hint).toMatch(/Max memory pages is 100/);
	});
	it('explains a redirect that was not followed', () => {
		const x = explainError(
			e('HTTP request to "http://127.0.0.1:9/r" was redirected: redirects are not followed'),
			'call'
		);
		expect(x.title).toBe('Redirect not followed: http://127.0.0.1:9/r answered with a redirect.');
		expect(x.hint).toMatch(/could not be checked against the allowed hosts/);
	});
	it('falls back to the raw message in words', () => {
		expect(explainError(e('weird'), 'call').title).toBe(
			'Something failed while running the plugin: weird'
		);
	});
});
