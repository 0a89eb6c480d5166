// What the officer is looking at: the selected row, the filters, the detail pane, the action form being
// filled in, the shortcut help, and the language.
import type { AgencyId, AlertLevel } from '@citybrain/schemas/events';
import type { StateCreator } from 'zustand';
import type { Lang } from '../i18n.js';
import type { DutyState } from './duty-store.js';
import { NO_FILTERS, type QueueFilters } from './selectors.js';

/**
 * An action that needs more than one key: its input so far, for one alert at the version the officer saw
 * when opening it (sent as the action's `version`).
 */
export type ActionForm =
  | { kind: 'resolve' | 'comment'; alertId: string; version: number; note: string; error?: boolean }
  | { kind: 'assign'; alertId: string; version: number; agencies: AgencyId[]; error?: boolean }
  | { kind: 'escalate'; alertId: string; version: number; level: AlertLevel };

export type FormKind = ActionForm['kind'];

export interface UiSlice {
  /** The row the officer chose; null: the top of the queue. */
  selectedId: string | null;
  /** Its last position, where the selection lands when that alert leaves the queue. */
  selectedIndex: number;
  filters: QueueFilters;
  detailOpen: boolean;
  form: ActionForm | null;
  helpOpen: boolean;
  lang: Lang;
  select: (alertId: string, index: number) => void;
  setFilters: (patch: Partial<QueueFilters>) => void;
  clearFilters: () => void;
  setDetailOpen: (open: boolean) => void;
  openForm: (form: ActionForm) => void;
  /** Changes the open form, if one is open. */
  updateForm: (update: (form: ActionForm) => ActionForm) => void;
  closeForm: () => void;
  setHelpOpen: (open: boolean) => void;
  setLang: (lang: Lang) => void;
}

export const createUiSlice: StateCreator<DutyState, [], [], UiSlice> = (set, get) => ({
  selectedId: null,
  selectedIndex: 0,
  filters: NO_FILTERS,
  detailOpen: false,
  form: null,
  helpOpen: false,
  // Chinese first, like the wall; English for partners and visitors.
  lang: 'zh',
  select: (alertId, index) => {
    const { form } = get();
    // A form belongs to one alert: moving on abandons it rather than sending it for another alert.
    set({
      selectedId: alertId,
      selectedIndex: index,
      ...(form !== null && form.alertId !== alertId ? { form: null } : {}),
    });
  },
  setFilters: (patch) => set({ filters: { ...get().filters, ...patch } }),
  clearFilters: () => set({ filters: NO_FILTERS }),
  setDetailOpen: (open) => set(open ? { detailOpen: true } : { detailOpen: false, form: null }),
  openForm: (form) => set({ form, detailOpen: true }),
  updateForm: (update) => {
    const { form } = get();
    if (form !== null) set({ form: update(form) });
  },
  closeForm: () => set({ form: null }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setLang: (lang) => set({ lang }),
});
