// Storage as one browser tab sees it, kept in memory, for the state layer's tests.
import type { FileSlot, Storage, StoredFile } from '../storage';

/** Storage as one browser tab sees it, in memory; `refuse` makes every write fail. */
export class MemoryStorage implements Storage {
	state: string | null = null;
	file: StoredFile | null = null;
	inputFile: StoredFile | null = null;
	testPlugin: StoredFile | null = null;
	writes: string[] = [];
	refuse = false;
	readState() {
		return this.state;
	}
	writeState(text: string) {
		if (this.refuse) return false;
		this.state = text;
		this.writes.push('state');
		return true;
	}
	async readFile(slot: FileSlot = 'plugin') {
		return slot === 'plugin' ? this.file : this.inputFile;
	}
	async writeFile(file: StoredFile, slot: FileSlot = 'plugin') {
		if (this.refuse) return false;
		if (slot === 'plugin') this.file = file;
		else this.inputFile = file;
		this.writes.push(slot === 'plugin' ? 'file' : 'input file');
		return true;
	}
	async readTestPlugin() {
		return this.testPlugin;
	}
	async writeTestPlugin(file: StoredFile | null) {
		if (this.refuse) return false;
		this.testPlugin = file;
		this.writes.push('test plugin');
		return true;
	}
	async clear() {
		this.state = null;
		this.file = null;
		this.inputFile = null;
		this.testPlugin = null;
	}
}
