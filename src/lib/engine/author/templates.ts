// Plugins to start writing from. Each builds as is and exports the function named in `fn`.
import type { Language } from '../setup/setup';
import { COUNT_VOWELS, ERROR, HELLO, HOST_FUNCTION, LOGS, WAT, WEBHOOK } from './template-texts';

export interface Template {
	id: string;
	title: string;
	language: Language;
	fn: string;
	input: string;
	text: string;
	/** Hosts the template's input needs to reach (its HTTP requests are refused otherwise). */
	allowedHosts?: string[];
}

export const TEMPLATES: readonly Template[] = [
	{
		id: 'count-vowels',
		title: 'Count vowels (config, var, log)',
		language: 'assemblyscript',
		fn: 'count_vowels',
		input: 'Hello, Extism!',
		text: COUNT_VOWELS
	},
	{
		id: 'hello',
		title: 'Hello world',
		language: 'assemblyscript',
		fn: 'greet',
		input: 'Extism',
		text: HELLO
	},
	{
		id: 'webhook',
		title: 'Webhook (HTTP POST)',
		language: 'assemblyscript',
		fn: 'post_json',
		input: JSON.stringify({ url: 'https://httpbin.org/post', payload: { hello: 'world' } }),
		text: WEBHOOK,
		allowedHosts: ['httpbin.org']
	},
	{
		id: 'logs',
		title: 'Logs at every level',
		language: 'assemblyscript',
		fn: 'log_all',
		input: '',
		text: LOGS
	},
	{
		id: 'host-function',
		title: 'Calling a host function',
		language: 'assemblyscript',
		fn: 'describe_user',
		input: 'ann',
		text: HOST_FUNCTION
	},
	{
		id: 'error',
		title: 'An error',
		language: 'assemblyscript',
		fn: 'fail',
		input: 'bad input',
		text: ERROR
	},
	{
		id: 'wat-echo',
		title: 'Minimal WAT plugin (echo)',
		language: 'wat',
		fn: 'echo',
		input: 'echo me',
		text: WAT
	}
];

export function templateById(id: string): Template | undefined {
	return TEMPLATES.find((t) => t.id === id);
}
