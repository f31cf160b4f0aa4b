import { Memory } from '@extism/as-pdk';
import { length } from '@extism/as-pdk/lib/env';
import { http_headers, http_request, http_status_code } from './kernel';
import { quote } from './json';

/** What came back from one request. `body` is null when the host returned none (see the log). */
export class HttpResponse {
	constructor(
		public status: i32,
		public body: string | null,
		/** The response headers as a JSON object, or null unless the host shares them. */
		public headers: string | null
	) {}
}

/** One HTTP request through the host (the host decides which hosts are allowed). */
export class Http {
	/** `headers` is a JSON object of header names to values, e.g. `{"Accept":"text/plain"}`. */
	static request(method: string, url: string, headers: string, body: string | null): HttpResponse {
		const request = `{"url":${quote(url)},"method":${quote(method)},"headers":${headers}}`;
		const bodyOffset = body === null ? 0 : Memory.allocateString(body).offset;
		const response = http_request(Memory.allocateString(request).offset, bodyOffset);
		const status = http_status_code();
		const headerOffset = http_headers();
		return new HttpResponse(status, readText(response), readText(headerOffset));
	}
}

function readText(offset: u64): string | null {
	return offset == 0 ? null : new Memory(offset, length(offset)).toString();
}
