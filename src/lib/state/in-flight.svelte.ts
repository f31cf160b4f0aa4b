// Runs in flight, for the logic (a second Run waits its turn at once) and for the page, which
// shows one as running only once it has lasted a quiet time (why: RUN_QUIET_MS in run-log).
export class InFlight {
	#active = $state(0);
	#shown = $state(0);

	/** What the page shows: Run off, Stop on, "Running…". */
	readonly running: boolean = $derived(this.#shown > 0);

	/** Whether something is in flight now, shown yet or not. */
	get busy(): boolean {
		return this.#active > 0;
	}

	/** Counts one in, shown after `quietMs` (at once for 0); returns what counts it out. */
	begin(quietMs: number): () => void {
		this.#active++;
		let shown = false;
		const show = () => {
			shown = true;
			this.#shown++;
		};
		const timer = quietMs > 0 ? setTimeout(show, quietMs) : undefined;
		if (!timer) show();
		let ended = false;
		return () => {
			if (ended) return;
			ended = true;
			this.#active--;
			clearTimeout(timer);
			if (shown) this.#shown--;
		};
	}
}
