// Vitest global setup: compile the example and fixture plugins once, before any test file runs,
// so test files that read them never race each other building the same outputs.
import { buildAll } from './build-examples.mjs';

export default async function setup() {
	await buildAll({ log: () => {} });
}
