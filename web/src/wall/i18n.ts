// The wall's words in both languages. Chinese is the default; every visible string comes from here.
import type { AlertLevel } from '@citybrain/schemas/events';
import type { Lang } from './store/ui-slice.js';
import type { ConnectionStatus } from './store/connection-slice.js';

export const TEXT = {
  title: { zh: '深圳市城市运行指挥中心', en: 'Shenzhen City Operations Center' },
  alerts: { zh: '实时预警', en: 'Active alerts' },
  noAlerts: { zh: '当前无预警', en: 'No active alerts' },
  people: { zh: '在册人流', en: 'People counted' },
  congestion: { zh: '交通拥堵指数', en: 'Congestion index' },
  activeAlerts: { zh: '预警数量', en: 'Active alerts' },
  heat: { zh: '人流热力', en: 'Crowd heat' },
  traffic: { zh: '道路拥堵', en: 'Traffic' },
  alertMarkers: { zh: '预警点位', en: 'Alerts' },
  legend: { zh: '图例', en: 'Legend' },
  fewer: { zh: '少', en: 'fewer' },
  more: { zh: '多', en: 'more' },
  dataAsOf: { zh: '数据时间', en: 'Data as of' },
  noData: { zh: '暂无数据', en: 'No data yet' },
  stale: { zh: '数据过期', en: 'STALE' },
  language: { zh: 'EN', en: '中文' },
  cityWide: { zh: '全市', en: 'City-wide' },
  venues: { zh: '重点场所人流', en: 'People in key venues' },
  noVenues: { zh: '本区无重点场所', en: 'No key venues here' },
  congestionTrend: { zh: '拥堵指数趋势', en: 'Congestion trend' },
  alertStats: { zh: '预警分布', en: 'Alerts by level & district' },
} as const satisfies Record<string, Record<Lang, string>>;

export const LEVEL_NAMES: Readonly<Record<AlertLevel, Record<Lang, string>>> = {
  red: { zh: '红色预警', en: 'Red' },
  orange: { zh: '橙色预警', en: 'Orange' },
  yellow: { zh: '黄色预警', en: 'Yellow' },
  blue: { zh: '蓝色预警', en: 'Blue' },
};

export const STATUS_NAMES: Readonly<Record<ConnectionStatus, Record<Lang, string>>> = {
  connecting: { zh: '连接中', en: 'Connecting' },
  live: { zh: '实时', en: 'Live' },
  reconnecting: { zh: '重连中', en: 'Reconnecting' },
  offline: { zh: '离线', en: 'Offline' },
};

/** "3 分钟前" / "3 min ago": coarse on purpose, read from across the room. */
export function timeAgo(ms: number, lang: Lang): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return lang === 'zh' ? `${s} 秒前` : `${s} s ago`;
  const m = Math.floor(s / 60);
  if (m < 60) return lang === 'zh' ? `${m} 分钟前` : `${m} min ago`;
  const h = Math.floor(m / 60);
  return lang === 'zh' ? `${h} 小时 ${m % 60} 分前` : `${h} h ${m % 60} min ago`;
}

/** Wall clocks show the city's local time whatever the display machine's zone. */
export function clockText(epochMs: number): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(epochMs);
}

export function dateText(epochMs: number, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  }).format(epochMs);
}
