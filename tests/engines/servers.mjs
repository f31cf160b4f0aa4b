// Vitest global setup for the engine suites: the same servers playwright.config.ts starts (the
// built site header-less and isolated, and the echo server), on the same TEST_PORT_BASE ports.
// Plain JS, like the servers it starts.
import { startStaticServer } from '../../scripts/serve.mjs';
import { startEchoServer } from '../support/echo-server.mjs';
import { ECHO_URL, ISOLATED_URL, SITE_URL } from '../support/urls';

export default async function setup() {
	const port = (url) => Number(new URL(url).port);
	const servers = await Promise.all([
		startStaticServer({ root: 'build', port: port(SITE_URL) }),
		startStaticServer({ root: 'build', port: port(ISOLATED_URL), isolate: true }),
		startEchoServer({ port: port(ECHO_URL) })
	]);
	return async () => {
		await Promise.all(servers.map((s) => s.close()));
	};
}
