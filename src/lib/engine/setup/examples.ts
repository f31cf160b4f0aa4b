// The bundled example plugins: sources in `examples/`, compiled by `scripts/build-examples.mjs`
// into `static/examples/<id>.wasm`.

export interface ExampleInfo {
	/** File stem, e.g. 'count_vowels'. */
	id: string;
	title: string;
	/** One sentence a person understands. */
	description: string;
	/** The export to call by default. */
	functionName: string;
	/** Prefilled input. */
	input: string;
	config: Record<string, string>;
	wasi: boolean;
	allowedHosts: string[];
}

export const EXAMPLES: readonly ExampleInfo[] = [
	{
		id: 'count_vowels',
		title: 'Count vowels',
		description:
			'Counts the vowels in the input (set config "vowels" to choose which letters count), ' +
			'keeps a running total across calls and logs at info and debug level.',
		functionName: 'count_vowels',
		input: 'Hello, Extism!',
		config: {},
		wasi: false,
		allowedHosts: []
	},
	{
		id: 'log_levels',
		title: 'Log levels',
		description: 'Writes one log message at each level, trace to error, to show log filtering.',
		functionName: 'log_all',
		input: '',
		config: {},
		wasi: false,
		allowedHosts: []
	},
	{
		id: 'hello_wasi',
		title: 'Hello WASI',
		description: 'Greets the input by name and prints a line to WASI stdout and another to stderr.',
		functionName: 'greet',
		input: 'world',
		config: {},
		wasi: true,
		allowedHosts: []
	},
	{
		id: 'webhook',
		title: 'Webhook (HTTP POST)',
		description:
			'POSTs the "payload" JSON to the "url" through the host and shows the response; ' +
			'the host must be in the allowed hosts.',
		functionName: 'post_json',
		input: JSON.stringify(
			{ url: 'https://httpbin.org/post', payload: { hello: 'world' } },
			null,
			2
		),
		config: {},
		wasi: true,
		allowedHosts: ['httpbin.org']
	},
	{
		id: 'fail',
		title: 'Plugin error',
		description: 'Always fails with an error message of its own that ends with the input.',
		functionName: 'fail',
		input: 'something went wrong',
		config: {},
		wasi: false,
		allowedHosts: []
	},
	{
		id: 'trap',
		title: 'Trap',
		description: 'Crashes at once by executing an unreachable instruction (a wasm trap).',
		functionName: 'trap',
		input: '',
		config: {},
		wasi: false,
		allowedHosts: []
	},
	{
		id: 'loop',
		title: 'Infinite loop',
		description: 'Never returns: use it to try the timeout and the Stop button.',
		functionName: 'loop_forever',
		input: '',
		config: {},
		wasi: false,
		allowedHosts: []
	}
];

export function exampleById(id: string): ExampleInfo | undefined {
	return EXAMPLES.find((example) => example.id === id);
}

/**
 * Path of the example's wasm relative to the site root, e.g. 'examples/count_vowels.wasm'. No
 * leading slash: the site may be served under a sub-path.
 */
export function exampleWasmPath(example: ExampleInfo): string {
	return `examples/${example.id}.wasm`;
}
