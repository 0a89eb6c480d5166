import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { spreadSet } from './spread-set.js';

interface Counter {
  count: number;
  label: string;
  bump: () => void;
  rename: (label: string) => void;
  reset: () => void;
  same: () => void;
}

function counter() {
  return createStore<Counter>()(
    spreadSet((set, get) => ({
      count: 0,
      label: 'a',
      bump: () => set((state) => ({ count: state.count + 1 })),
      rename: (label) => set({ label }),
      reset: () => set({ ...get(), count: 0, label: 'a' }, true),
      same: () => set(get()),
    })),
  );
}

describe('spreadSet', () => {
  it('merges partial and functional updates into a new state object, keeping the other keys', () => {
    const store = counter();
    const before = store.getState();
    store.getState().bump();
    store.getState().rename('b');
    const after = store.getState();
    expect(after).not.toBe(before);
    expect(after.count).toBe(1);
    expect(after.label).toBe('b');
    expect(after.bump).toBe(before.bump);
    expect(before.count).toBe(0); // the previous state is not mutated
  });

  it('replaces when asked, and notifies nobody when the state is handed back unchanged', () => {
    const store = counter();
    const seen: number[] = [];
    store.subscribe((state) => seen.push(state.count));
    store.getState().bump();
    store.getState().same();
    store.getState().reset();
    expect(seen).toEqual([1, 0]);
    expect(store.getState().label).toBe('a');
  });
});
