// The page's copy of the host matcher, fetched the first time a host needs matching: most visits
// grant no host, and minimatch would be 9 KB gzip of the initial JS. The plugin worker enforces
// grants without it (the SDK's own copy, or engine/host-rule.ts), whether or not this one arrived.
type Matcher = typeof import('$lib/engine/http/host-match');

export class HostMatcher {
	#matcher = $state.raw<Matcher | null>(null);
	#loading: Promise<Matcher | null> | null = null;
	/** Set when the matcher could not be fetched (offline): what the page says instead. */
	failed = $state(false);

	/** The matcher, or null when it cannot be fetched. */
	load(): Promise<Matcher | null> {
		this.#loading ??= import('$lib/engine/http/host-match').then(
			(m) => (this.#matcher = m),
			() => {
				this.failed = true;
				this.#loading = null;
				return null;
			}
		);
		return this.#loading;
	}

	/** The matcher if it is here; otherwise null, and it is on its way (reads of this update). */
	get now(): Matcher | null {
		if (!this.#matcher) void this.load();
		return this.#matcher;
	}
}
