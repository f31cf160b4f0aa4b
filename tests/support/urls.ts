// Addresses of the static servers that playwright.config.ts starts for the browser tests.
// All serve the same built site (`build/`); tests pick one by what they need to prove.
// TEST_PORT_BASE moves them all, so two checkouts can run their suites side by side.

const base = Number(process.env.TEST_PORT_BASE ?? 4173);

/** The site at the server root (also Playwright's `baseURL`). */
export const SITE_URL = `http://127.0.0.1:${base}/`;

/** The site under a sub-path, as on GitHub Pages: proves asset paths are relative. */
export const SUBPATH_URL = `http://127.0.0.1:${base + 1}/sub/path/`;

/** The site with COOP/COEP headers, so `crossOriginIsolated` is true (SharedArrayBuffer paths). */
export const ISOLATED_URL = `http://127.0.0.1:${base + 2}/`;

/** `tests/support/echo-server.mjs`: targets for plugins' HTTP requests, with and without CORS. */
export const ECHO_URL = `http://127.0.0.1:${base + 7}`;

/** WebKitWebDriver, which the WebKit suite starts (tests/engines/webkit.e2e.ts); a second one for a fresh profile uses the next port. */
export const WEBKIT_DRIVER_PORT = base + 8;
