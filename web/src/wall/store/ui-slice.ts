// What the operator chose to see: language and map layers.
import type { StateCreator } from 'zustand';
import type { WallState } from './wall-store.js';

export type Lang = 'zh' | 'en';
export type LayerId = 'heat' | 'traffic' | 'sensors' | 'alerts';

export interface UiSlice {
  lang: Lang;
  layers: Readonly<Record<LayerId, boolean>>;
  setLang: (lang: Lang) => void;
  toggleLayer: (layer: LayerId) => void;
}

export const createUiSlice: StateCreator<WallState, [], [], UiSlice> = (set, get) => ({
  // Chinese first: the wall is for a Chinese ops center; English is a toggle for visitors and partners.
  lang: 'zh',
  layers: { heat: true, traffic: true, sensors: true, alerts: true },
  setLang: (lang) => set({ lang }),
  toggleLayer: (layer) => set({ layers: { ...get().layers, [layer]: !get().layers[layer] } }),
});
