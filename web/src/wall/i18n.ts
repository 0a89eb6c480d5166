// The wall's words in both languages. Chinese is the default; every visible string comes from here.
import type { AgencyId, AgencyProgressState, AlertLevel } from '@citybrain/schemas/events';
import type { Lang } from './store/ui-slice.js';
import type { ConnectionStatus } from './store/connection-slice.js';
import type { TickerChange } from './store/alert-ticker.js';

export const TEXT = {
  title: { zh: '深圳市城市运行指挥中心', en: 'Shenzhen City Operations Center' },
  alerts: { zh: '实时预警', en: 'Active alerts' },
  alertsThen: { zh: '回放时刻预警', en: 'Alerts at replayed time' },
  noAlerts: { zh: '当前无预警', en: 'No active alerts' },
  people: { zh: '在册人流', en: 'People counted' },
  congestion: { zh: '交通拥堵指数', en: 'Congestion index' },
  activeAlerts: { zh: '预警数量', en: 'Active alerts' },
  heat: { zh: '人流热力', en: 'Crowd heat' },
  traffic: { zh: '道路拥堵', en: 'Traffic' },
  alertMarkers: { zh: '预警点位', en: 'Alerts' },
  sensors: { zh: '传感器', en: 'Sensors' },
  ticker: { zh: '预警动态', en: 'Alert activity' },
  noTicker: { zh: '暂无新的预警动态', en: 'No new alert activity' },
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
  airQuality: { zh: '空气质量', en: 'Air quality' },
  noAir: { zh: '暂无空气监测数据', en: 'No air quality data' },
  agencyStatus: { zh: '联动处置', en: 'Agency response' },
  noAgencyTasks: { zh: '暂无联动任务', en: 'No agency tasks' },
  pendingTasks: { zh: '待响应', en: 'pending' },
  history: { zh: '历史回放', en: 'History' },
  /** Shown in both languages at once: nobody may mistake a replay for the live city. */
  replayBadge: { zh: '回放 REPLAY', en: '回放 REPLAY' },
  backToLive: { zh: '返回实时', en: 'Back to live' },
  liveNow: { zh: '实时', en: 'Live' },
  now: { zh: '现在', en: 'now' },
  replayKeys: { zh: '← → 5 分钟 · Esc 返回实时', en: '← → 5 min · Esc back to live' },
  replayFailed: { zh: '回放数据加载失败', en: 'Replay data failed to load' },
  replaySlider: { zh: '回放时间', en: 'Replay time' },
} as const satisfies Record<string, Record<Lang, string>>;

export const LEVEL_NAMES: Readonly<Record<AlertLevel, Record<Lang, string>>> = {
  red: { zh: '红色预警', en: 'Red' },
  orange: { zh: '橙色预警', en: 'Orange' },
  yellow: { zh: '黄色预警', en: 'Yellow' },
  blue: { zh: '蓝色预警', en: 'Blue' },
};

/** The ticker's verbs: what just happened to an alert. */
export const TICKER_CHANGES: Readonly<Record<TickerChange, Record<Lang, string>>> = {
  raised: { zh: '发布', en: 'Raised' },
  escalated: { zh: '升级', en: 'Escalated' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  assigned: { zh: '已派单', en: 'Assigned' },
  resolved: { zh: '已处置', en: 'Resolved' },
  cleared: { zh: '已解除', en: 'Cleared' },
};

export const AGENCY_NAMES: Readonly<Record<AgencyId, Record<Lang, string>>> = {
  police: { zh: '公安', en: 'Police' },
  traffic_police: { zh: '交警', en: 'Traffic police' },
  urban_management: { zh: '城管', en: 'Urban mgmt' },
  emergency: { zh: '应急管理', en: 'Emergency' },
  environment: { zh: '生态环境', en: 'Environment' },
  water: { zh: '水务', en: 'Water' },
  venue_operator: { zh: '场馆运营', en: 'Venue operator' },
};

export const PROGRESS_NAMES: Readonly<Record<AgencyProgressState, Record<Lang, string>>> = {
  pending: { zh: '待响应', en: 'Pending' },
  acknowledged: { zh: '已接收', en: 'Received' },
  on_scene: { zh: '已到场', en: 'On scene' },
  done: { zh: '已完成', en: 'Done' },
};

/** Level names where space is short (the map legend): the color says "warning" already. */
export const LEVEL_SHORT: Readonly<Record<AlertLevel, Record<Lang, string>>> = {
  red: { zh: '红色', en: 'Red' },
  orange: { zh: '橙色', en: 'Orange' },
  yellow: { zh: '黄色', en: 'Yellow' },
  blue: { zh: '蓝色', en: 'Blue' },
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

/** Date and minute of a replayed instant, city-local: "11月22日 14:35" / "22 Nov 14:35". */
export function replayTimeText(epochMs: number, lang: Lang): string {
  const date = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
  }).format(epochMs);
  const time = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(epochMs);
  return `${date} ${time}`;
}
