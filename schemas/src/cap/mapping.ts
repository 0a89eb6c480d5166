// How our alert vocabulary maps onto CAP 1.2's closed code lists. Tables, not branches, so the README's
// mapping table and the code can be checked against each other at a glance.
import type { AgencyId, AlertCategory, AlertLevel } from '../events/alert.js';
import type { BilingualText } from '../events/common.js';

export type CapCategory = 'Safety' | 'Transport' | 'Env' | 'Met' | 'Security';
export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor';
export type CapUrgency = 'Immediate' | 'Expected' | 'Past';
export type CapCertainty = 'Observed' | 'Likely';

/** Flood is `Met` (CAP: "meteorological, including flood"), as national weather services file it. */
export const CAP_CATEGORY: Readonly<Record<AlertCategory, CapCategory>> = {
  crowd: 'Safety',
  traffic: 'Transport',
  environment: 'Env',
  flood: 'Met',
  public_safety: 'Security',
};

/** China's four colours (GB/T 4-level scheme): red is level I, the most severe. */
export const CAP_SEVERITY: Readonly<Record<AlertLevel, CapSeverity>> = {
  red: 'Extreme',
  orange: 'Severe',
  yellow: 'Moderate',
  blue: 'Minor',
};

export const LEVEL_ROMAN: Readonly<Record<AlertLevel, string>> = {
  blue: 'IV',
  yellow: 'III',
  orange: 'II',
  red: 'I',
};

export const LEVEL_NAMES: Readonly<Record<AlertLevel, BilingualText>> = {
  blue: { zh: '蓝色', en: 'Blue' },
  yellow: { zh: '黄色', en: 'Yellow' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色', en: 'Red' },
};

/**
 * CAP `<event>`: the kind of situation, short and stable (a receiving system groups and filters by it);
 * the alert's own title, which names the place and the level, is the `<headline>`.
 */
export const EVENT_NAMES: Readonly<Record<AlertCategory, BilingualText>> = {
  crowd: { zh: '人群聚集', en: 'Crowd' },
  traffic: { zh: '交通拥堵', en: 'Traffic congestion' },
  environment: { zh: '环境污染', en: 'Environmental pollution' },
  flood: { zh: '暴雨洪涝', en: 'Rainstorm and flooding' },
  public_safety: { zh: '公共安全', en: 'Public safety' },
};

export const AGENCY_NAMES: Readonly<Record<AgencyId, BilingualText>> = {
  police: { zh: '公安', en: 'Police' },
  traffic_police: { zh: '交警', en: 'Traffic police' },
  urban_management: { zh: '城管', en: 'Urban management' },
  emergency: { zh: '应急管理', en: 'Emergency management' },
  environment: { zh: '生态环境', en: 'Environment bureau' },
  water: { zh: '水务', en: 'Water authority' },
  venue_operator: { zh: '场馆运营方', en: 'Venue operator' },
};

/** The two `<info>` blocks, Chinese first: the primary language of the ops center and its partners. */
export const CAP_LANGUAGES = [
  { key: 'zh', tag: 'zh-CN' },
  { key: 'en', tag: 'en-US' },
] as const satisfies readonly { key: keyof BilingualText; tag: string }[];
