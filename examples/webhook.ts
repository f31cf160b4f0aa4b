import { Host, Memory } from '@extism/as-pdk';
import { length } from '@extism/as-pdk/lib/env';
import { failWith, outputText, writeFd } from './lib/io';
import { decodeString, parseObject, quote } from './lib/json';
import { http_request, http_status_code } from './lib/kernel';

const USAGE = 'input must be JSON like {"url": "https://…", "payload": {…}}';

/**
 * POSTs the raw JSON text of `payload` (or `null` when absent) to `url`, then outputs the status
 * and the response body. Also prints one line to WASI stdout, so it needs WASI.
 */
export function post_json(): i32 {
	const input = Host.inputString();
	const fields = parseObject(input);
	if (fields === null || !fields.has('url')) return failWith(USAGE);
	const urlSpan = fields.get('url');
	if (input.charCodeAt(urlSpan.start) != 0x22) return failWith(USAGE);
	const url = decodeString(input.substring(urlSpan.start, urlSpan.end));
	let payload = 'null';
	if (fields.has('payload')) {
		const span = fields.get('payload');
		payload = input.substring(span.start, span.end);
	}

	const request = `{"url":${quote(url)},"method":"POST","headers":{"Content-Type":"application/json"}}`;
	const response = http_request(
		Memory.allocateString(request).offset,
		Memory.allocateString(payload).offset
	);
	const status = http_status_code();
	writeFd(1, `POST ${url} -> ${status}\n`);
	if (response == 0) {
		return failWith(`no response from ${url} (status ${status}); see the log for why`);
	}
	const body = new Memory(response, length(response)).toString();
	outputText(`{"status":${status},"body":${quote(body)}}`);
	return 0;
}
