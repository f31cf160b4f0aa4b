// Settings for coi-serviceworker (copied next to this file at build time). Browsers without JSPI
// need a cross-origin isolated page for plugin HTTP (see src/lib/engine/http-path.ts); on hosts
// that cannot send COOP/COEP headers, the service worker adds them. Where JSPI exists, none is
// needed, so an old registration is removed. `?jspi=off` forces the no-JSPI path for tests.
(function () {
	var forced = new URLSearchParams(location.search).get('jspi') === 'off';
	var needed = forced || typeof WebAssembly.Suspending !== 'function';
	window.coi = {
		shouldRegister: function () {
			return needed;
		},
		shouldDeregister: function () {
			return !needed;
		},
		coepCredentialless: function () {
			return false;
		},
		quiet: true
	};
})();
