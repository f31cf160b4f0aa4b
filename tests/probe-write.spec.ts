// WAT nested deeper than wabt's own stack allows crashed it ("memory access out of bounds"), and
// every later WAT build failed the same way until a reload. Deep text is now refused in words,
// and the next build, from a template, builds and runs.
import { test, expect } from './support/fixtures';
import { output, outputBody } from './support/playground';
import { built, buildAndRun, pickTemplate, setSource, writeFrom } from './support/write';

test('WAT nested 200 blocks deep fails in words, and a template then builds and runs', async ({
	page
}) => {
	await writeFrom(page, /Minimal WAT/);
	const deep = `(module\n  (func ${'(block '.repeat(200)}${')'.repeat(200)}))`;
	await setSource(page, deep);
	await page.getByRole('button', { name: 'Build' }).click();
	await expect(await built(page, 0)).toHaveText(/^Build failed in/);
	await expect(output(page)).toContainText(
		'The WebAssembly text nests 202 levels deep (at line 2); the parser here handles at most 128 levels'
	);
	await expect(output(page)).not.toContainText('memory access out of bounds');
	await pickTemplate(page, /Hello world/);
	await pickTemplate(page, /Minimal WAT/);
	await expect(outputBody(await buildAndRun(page))).toHaveText('echo me');
});
