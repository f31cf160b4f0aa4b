// The files a save keeps beside its link (the plugin, the input file), each stored once per
// change: an unchanged file is neither hashed nor written again on every save.
import { sha256Once } from '$lib/engine/wasm/sha256';
import type { FileSlot, Storage, StoredFile } from './storage';

export class SavedFiles {
	#storage: Storage;
	/** What each slot holds now, by identity of the bytes, with their SHA-256. */
	#held: Partial<Record<FileSlot, { bytes: Uint8Array; sha256: string }>> = {};

	constructor(storage: Storage) {
		this.#storage = storage;
	}

	/** The file's SHA-256, and whether the browser stored it (or had it already). */
	async store(
		slot: FileSlot,
		file: { name: string; type?: string; bytes: Uint8Array }
	): Promise<{ sha256: string; stored: boolean }> {
		const held = this.#held[slot];
		if (held?.bytes === file.bytes) return { sha256: held.sha256, stored: true };
		const sha256 = await sha256Once(file.bytes);
		const stored = await this.#storage.writeFile({ ...file, sha256 }, slot);
		if (stored) this.#held[slot] = { bytes: file.bytes, sha256 };
		return { sha256, stored };
	}

	/** The stored file when it is the one a save names (saves from before hashes have none). */
	async read(slot: FileSlot, want: { name: string; sha256?: string }): Promise<StoredFile | null> {
		const file = await this.#storage.readFile(slot);
		const matches =
			file &&
			(want.sha256 === undefined || (file.sha256 === want.sha256 && file.name === want.name));
		if (!file || !matches) return null;
		this.#held[slot] = { bytes: file.bytes, sha256: file.sha256 };
		return file;
	}

	forget() {
		this.#held = {};
	}
}
