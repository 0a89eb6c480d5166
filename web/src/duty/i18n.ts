// The duty console's words in both languages, Chinese first (the wall's convention): every visible string
// comes from here. Level names, time-ago and clock formatting are the wall's own.
import type {
  ActorRole,
  AgencyId,
  AgencyProgressState,
  AlertActionType,
  AlertCategory,
  AlertStatus,
} from '@citybrain/schemas/events';
import type { ActionRefusal } from '../realtime/events.js';
import type { Lang } from '../wall/store/ui-slice.js';

export type { Lang };
export type Bilingual = Readonly<Record<Lang, string>>;

export const TEXT = {
  title: { zh: '值班处置台', en: 'Duty console' },
  center: { zh: '城市运行指挥中心', en: 'City Operations Center' },
  queue: { zh: '预警队列', en: 'Alert queue' },
  noAlerts: { zh: '当前无预警', en: 'No active alerts' },
  noMatch: { zh: '没有符合筛选条件的预警', en: 'No alert matches the filters' },
  search: { zh: '搜索标题或编号（按 f 或 /）', en: 'Search title or id (press f or /)' },
  all: { zh: '全部', en: 'All' },
  level: { zh: '级别', en: 'Level' },
  category: { zh: '类别', en: 'Category' },
  district: { zh: '辖区', en: 'District' },
  agency: { zh: '部门', en: 'Agency' },
  status: { zh: '状态', en: 'Status' },
  clearFilters: { zh: '清除筛选', en: 'Clear filters' },
  shown: { zh: '显示', en: 'shown' },
  openHint: { zh: '按 Enter 打开所选预警的详情', en: 'Press Enter to open the selected alert' },
  metric: { zh: '监测值', en: 'Measured' },
  threshold: { zh: '阈值', en: 'Threshold' },
  forecast: { zh: '预测', en: 'Forecast' },
  noForecast: { zh: '无预测', en: 'No forecast' },
  eta: { zh: '预计', en: 'ETA' },
  evidence: { zh: '研判依据', en: 'Evidence' },
  timeline: { zh: '处置记录', en: 'Action timeline' },
  timelineEmpty: { zh: '暂无记录', en: 'No records yet' },
  timelineLoading: { zh: '加载中…', en: 'Loading…' },
  timelineFailed: { zh: '处置记录加载失败', en: 'Could not load the timeline' },
  agencies: { zh: '联动部门', en: 'Agencies' },
  noAgencies: { zh: '尚未派单', en: 'No agency assigned' },
  location: { zh: '位置', en: 'Location' },
  raisedAt: { zh: '发生', en: 'Raised' },
  updatedAt: { zh: '更新', en: 'Updated' },
  version: { zh: '版本', en: 'Version' },
  notePlaceholderResolve: {
    zh: '处置结果（必填），Enter 提交，Esc 取消',
    en: 'Resolution note (required). Enter submits, Esc cancels',
  },
  notePlaceholderComment: { zh: '备注，Enter 提交，Esc 取消', en: 'Comment. Enter submits, Esc cancels' },
  noteRequired: { zh: '处置需填写说明', en: 'Resolving needs a note' },
  commentRequired: { zh: '备注不能为空', en: 'A comment needs text' },
  chooseAgencies: {
    zh: '选择派单部门（数字键切换，Enter 提交，Esc 取消）',
    en: 'Choose agencies (digits toggle, Enter sends, Esc cancels)',
  },
  chooseAgenciesFirst: { zh: '请至少选择一个部门', en: 'Choose at least one agency' },
  chooseLevel: {
    zh: '升级到（↑/↓ 选择，Enter 提交，Esc 取消）',
    en: 'Escalate to (↑/↓ choose, Enter sends, Esc cancels)',
  },
  submit: { zh: '提交', en: 'Send' },
  cancel: { zh: '取消', en: 'Cancel' },
  sending: { zh: '提交中…', en: 'Sending…' },
  waiting: { zh: '等待更新…', en: 'Waiting for update…' },
  done: { zh: '已生效', en: 'Done' },
  notPermitted: { zh: '当前角色不可执行此操作', en: 'Your role cannot do this here' },
  noSelection: { zh: '未选择预警', en: 'No alert selected' },
  readOnly: { zh: '只读', en: 'Read-only' },
  shortcuts: { zh: '快捷键', en: 'Shortcuts' },
  close: { zh: '关闭', en: 'Close' },
  language: { zh: 'EN', en: '中文' },
  viewer: { zh: '当前用户', en: 'Signed in' },
  cityWide: { zh: '全市', en: 'City-wide' },
  progressFor: { zh: '本部门进展', en: 'Our progress' },
  staleVersion: { zh: '告警已更新，请重新确认', en: 'Alert changed, review again' },
  lostRace: {
    zh: '告警已被他人更新，本次操作未生效，请重新确认',
    en: 'Someone changed the alert first; your action did not apply. Review again',
  },
  noReply: { zh: '服务器未响应，请重试', en: 'No reply from the server, try again' },
  offline: { zh: '未连接服务器，操作未发送', en: 'Not connected: nothing was sent' },
  resolved: { zh: '预警已处置', en: 'Alert resolved' },
  signedOut: { zh: '会话已结束，请重新登录', en: 'Session ended, sign in again' },
  signIn: { zh: '重新登录', en: 'Sign in' },
} as const satisfies Record<string, Bilingual>;

export const AGENCY_NAMES: Readonly<Record<AgencyId, { short: Bilingual; full: Bilingual }>> = {
  police: { short: { zh: '公安', en: 'Police' }, full: { zh: '市公安局', en: 'Police' } },
  traffic_police: { short: { zh: '交警', en: 'Traffic' }, full: { zh: '交警支队', en: 'Traffic police' } },
  urban_management: {
    short: { zh: '城管', en: 'Urban mgmt' },
    full: { zh: '城市管理和综合执法局', en: 'Urban management' },
  },
  emergency: {
    short: { zh: '应急', en: 'Emergency' },
    full: { zh: '应急管理局', en: 'Emergency management' },
  },
  environment: {
    short: { zh: '环保', en: 'Environment' },
    full: { zh: '生态环境局', en: 'Ecology & environment' },
  },
  water: { short: { zh: '水务', en: 'Water' }, full: { zh: '水务局', en: 'Water authority' } },
  venue_operator: { short: { zh: '场馆', en: 'Venue' }, full: { zh: '场馆运营方', en: 'Venue operator' } },
};

export const CATEGORY_NAMES: Readonly<Record<AlertCategory, Bilingual>> = {
  crowd: { zh: '人流', en: 'Crowd' },
  traffic: { zh: '交通', en: 'Traffic' },
  environment: { zh: '环境', en: 'Environment' },
  flood: { zh: '内涝', en: 'Flood' },
  public_safety: { zh: '公共安全', en: 'Public safety' },
};

export const ALERT_STATUS_NAMES: Readonly<Record<AlertStatus, Bilingual>> = {
  active: { zh: '待确认', en: 'New' },
  acknowledged: { zh: '已确认', en: 'Acknowledged' },
  assigned: { zh: '已派单', en: 'Assigned' },
  resolved: { zh: '已处置', en: 'Resolved' },
  expired: { zh: '已失效', en: 'Expired' },
};

export const PROGRESS_NAMES: Readonly<Record<AgencyProgressState, Bilingual>> = {
  pending: { zh: '待处置', en: 'Pending' },
  acknowledged: { zh: '已接收', en: 'Received' },
  on_scene: { zh: '到场', en: 'On scene' },
  done: { zh: '完成', en: 'Done' },
};

export const ROLE_NAMES: Readonly<Record<ActorRole, Bilingual>> = {
  wall: { zh: '大屏', en: 'Wall' },
  operator: { zh: '值班员', en: 'Operator' },
  duty_officer: { zh: '值班长', en: 'Duty officer' },
  district: { zh: '区指挥中心', en: 'District center' },
  agency: { zh: '部门', en: 'Agency' },
  admin: { zh: '管理员', en: 'Admin' },
};

export const ACTION_NAMES: Readonly<Record<AlertActionType, Bilingual>> = {
  ack: { zh: '确认', en: 'Acknowledge' },
  assign: { zh: '派单', en: 'Assign' },
  escalate: { zh: '升级', en: 'Escalate' },
  resolve: { zh: '处置完毕', en: 'Resolve' },
  comment: { zh: '备注', en: 'Comment' },
  agency_update: { zh: '部门进展', en: 'Agency progress' },
};

/** Timeline rows: action types plus what streams itself records (raised, updated, escalated, cleared). */
const EVENT_TYPE_NAMES: Readonly<Record<string, Bilingual>> = {
  ...ACTION_NAMES,
  raised: { zh: '生成预警', en: 'Raised' },
  updated: { zh: '数据更新', en: 'Updated' },
  escalated: { zh: '超时自动升级', en: 'Auto-escalated' },
  cleared: { zh: '解除', en: 'Cleared' },
};

export function eventTypeName(type: string, lang: Lang): string {
  return EVENT_TYPE_NAMES[type]?.[lang] ?? type;
}

const ROLE_OR_SYSTEM: Readonly<Record<string, Bilingual>> = {
  ...ROLE_NAMES,
  system: { zh: '系统', en: 'System' },
};

export function roleName(role: string, lang: Lang): string {
  return ROLE_OR_SYSTEM[role]?.[lang] ?? role;
}

const REFUSALS: Readonly<Record<string, Bilingual>> = {
  invalid: { zh: '请求无效', en: 'Invalid request' },
  forbidden: { zh: '无权执行此操作', en: 'Not permitted' },
  rate_limited: { zh: '操作过于频繁，请稍后再试', en: 'Too many actions, wait a moment' },
  unknown_alert: { zh: '预警已不存在', en: 'The alert no longer exists' },
  stale_version: TEXT.staleVersion,
  closed: { zh: '预警已关闭', en: 'The alert is already closed' },
  unavailable: { zh: '服务暂不可用，请重试', en: 'Service unavailable, try again' },
};

export function refusalText(reason: ActionRefusal): Bilingual {
  return REFUSALS[reason] ?? { zh: `操作被拒绝（${reason}）`, en: `Refused (${reason})` };
}

/** "3 分钟" style durations until a forecast's ETA; past ETAs say so. */
export function etaText(ms: number, lang: Lang): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes <= 0) return lang === 'zh' ? '已到达' : 'due now';
  return lang === 'zh' ? `约 ${minutes} 分钟后` : `in ~${minutes} min`;
}

/** Date and time in the city's zone, to the second: the timeline's audit times. */
export function dateTimeText(epochMs: number): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(epochMs);
}

/** Labels for the window statistics streams records as evidence; unknown keys show as they are. */
const EVIDENCE_LABELS: Readonly<Record<string, Bilingual>> = {
  subject: { zh: '监测对象', en: 'Subject' },
  trigger: { zh: '触发方式', en: 'Trigger' },
  windowEnd: { zh: '窗口截止', en: 'Window end' },
  windowValue: { zh: '窗口值', en: 'Window value' },
  windows: { zh: '连续窗口数', en: 'Windows' },
  risePercent: { zh: '涨幅 (%)', en: 'Rise (%)' },
  trendPerWindow: { zh: '每窗口趋势', en: 'Trend per window' },
  forecastLevel: { zh: '预测级别', en: 'Forecast level' },
  clearReason: { zh: '解除原因', en: 'Clear reason' },
  incidentId: { zh: '事件编号', en: 'Incident' },
  type: { zh: '类型', en: 'Type' },
  severity: { zh: '严重程度', en: 'Severity' },
  status: { zh: '事件状态', en: 'Status' },
  lanesBlocked: { zh: '封闭车道', en: 'Lanes blocked' },
  arterialSegment: { zh: '主干道路段', en: 'Arterial segment' },
  arterialDistanceM: { zh: '距主干道 (米)', en: 'To arterial (m)' },
};

export function evidenceLabel(key: string, lang: Lang): string {
  return EVIDENCE_LABELS[key]?.[lang] ?? key;
}
