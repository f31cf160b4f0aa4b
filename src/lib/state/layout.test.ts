import { describe, expect, it } from 'vitest';
import {
	LAYOUT_KEY,
	Layout,
	SPLIT_DEFAULT,
	SPLIT_MAX,
	SPLIT_MIN,
	type KeyValue
} from './layout.svelte';

class MapStore implements KeyValue {
	map = new Map<string, string>();
	refuse = false;
	getItem(key: string) {
		return this.map.get(key) ?? null;
	}
	setItem(key: string, value: string) {
		if (this.refuse) throw new DOMException('quota', 'QuotaExceededError');
		this.map.set(key, value);
	}
}

describe('Layout', () => {
	it('starts with the panes halved, the Plugin tab and the Output tab', () => {
		const layout = new Layout(new MapStore());
		expect(layout.split).toBe(SPLIT_DEFAULT);
		expect(layout.sideTab).toBe('Plugin');
		expect(layout.outputTab).toBe('Output');
	});

	it('keeps the split and the side tab for the next page', () => {
		const store = new MapStore();
		const first = new Layout(store);
		first.moveSplit(6);
		first.showSide('Allowed hosts');
		const next = new Layout(store);
		expect(next.split).toBe(56);
		expect(next.sideTab).toBe('Allowed hosts');
	});

	it('never lets either pane vanish', () => {
		const layout = new Layout(new MapStore());
		layout.setSplit(3);
		expect(layout.split).toBe(SPLIT_MIN);
		layout.moveSplit(500);
		expect(layout.split).toBe(SPLIT_MAX);
	});

	it('clamps a saved split and ignores a saved tab that no longer exists', () => {
		const store = new MapStore();
		store.setItem(LAYOUT_KEY, JSON.stringify({ split: 99, sideTab: 'Gone' }));
		const layout = new Layout(store);
		expect(layout.split).toBe(SPLIT_MAX);
		expect(layout.sideTab).toBe('Plugin');
	});

	it('starts afresh from a save that is not JSON', () => {
		const store = new MapStore();
		store.setItem(LAYOUT_KEY, '{oops');
		expect(new Layout(store).split).toBe(SPLIT_DEFAULT);
	});

	it('still moves when storage refuses to save, or there is none', () => {
		const store = new MapStore();
		store.refuse = true;
		const layout = new Layout(store);
		layout.moveSplit(-10);
		expect(layout.split).toBe(40);
		const bare = new Layout(null);
		bare.moveSplit(4);
		expect(bare.split).toBe(54);
	});
});
