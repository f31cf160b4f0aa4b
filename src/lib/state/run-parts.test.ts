import { describe, expect, it } from 'vitest';
import { playgroundPerTest } from './testing/playgrounds';

describe('what a run records for its "no logs" line', () => {
	const playground = playgroundPerTest();

	it('the log level, and whether the plugin imports any log function at all', async () => {
		const pg = playground();
		await pg.startOver();
		await pg.runs.run();
		expect(pg.log.latestRun?.logContext).toEqual({ level: 'info', importsNoLog: false });
		await pg.current.loadExample('trap');
		pg.setup.settings.logLevel = 'trace';
		await pg.runs.run();
		expect(pg.log.latestRun?.logContext).toEqual({ level: 'trace', importsNoLog: true });
	});
});
