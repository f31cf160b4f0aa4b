#!/usr/bin/env node
// Copies coi-serviceworker into static/ so it is served as its own file (a service worker cannot
// be bundled), without committing a vendored copy.
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const from = fileURLToPath(
	new URL('../node_modules/coi-serviceworker/coi-serviceworker.min.js', import.meta.url)
);
const to = fileURLToPath(new URL('../static/coi-serviceworker.js', import.meta.url));
copyFileSync(from, to);
console.log('copied coi-serviceworker.js into static/');
