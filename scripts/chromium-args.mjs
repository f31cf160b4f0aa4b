// Flags for headless Debian Chromium, shared by the browser tests and the bench. Without the
// networking flags an offline Chromium keeps retrying Google services and fills the logs.
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage'
];
