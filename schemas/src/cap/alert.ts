// One of our alerts as an OASIS CAP 1.2 message (DESIGN §2, §4: "Alerts are exportable as CAP 1.2"), for the
// agencies and platforms outside the ops center (national emergency platforms, neighbouring cities) that
// speak CAP rather than our Socket.IO and REST contracts. The mapping is documented in schemas/README.md.
import type { Alert } from '../events/alert.js';
import type { BilingualText } from '../events/common.js';
import type { District } from '../geo/districts.js';
import {
  AGENCY_NAMES,
  CAP_CATEGORY,
  CAP_LANGUAGES,
  CAP_SEVERITY,
  EVENT_NAMES,
  LEVEL_ROMAN,
  type CapCertainty,
  type CapUrgency,
} from './mapping.js';
import {
  capDateTime,
  checkOffset,
  CHINA_STANDARD_TIME_OFFSET_MINUTES,
  instantOf,
  localMinute,
} from './time.js';
import { XML_DECLARATION, XmlWriter } from './xml.js';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
/** The IANA media type of a CAP document (RFC 3023 style `+xml`), used by the Atom feed and HTTP routes. */
export const CAP_MEDIA_TYPE = 'application/cap+xml';

export type DistrictNames = ReadonlyMap<string, BilingualText> | Readonly<Record<string, BilingualText>>;

export interface CapOptions {
  /**
   * CAP `<sender>`: a globally unique id of this system, e.g. `citybrain@ops.example.gov.cn`. CAP forbids
   * spaces, commas, `<` and `&` in it.
   */
  sender: string;
  /** `<senderName>` per language, e.g. `{ zh: '深圳市城市运行管理中心', en: 'Shenzhen City Operations Center' }`. */
  senderName: BilingualText;
  /**
   * `<restriction>`: who may receive the message. Messages are `scope` Restricted: the feed is for partner
   * agencies, not the public (public warnings go out through the official channels).
   */
  restriction: string;
  /** adcode → district name for `<areaDesc>`; see `districtNamesOf`. An unknown adcode is named by its code. */
  districtNames: DistrictNames;
  /** Offset of every CAP datetime, minutes east of UTC. Default 480: China Standard Time (+08:00). */
  utcOffsetMinutes?: number;
  /** `<code>` values (message-handling codes of a profile or system). Default `['citybrain']`. */
  codes?: readonly string[];
  /**
   * Radius of the `<circle>` around `alert.location`, in km; `null` leaves the circle out (the district
   * geocode still locates the alert). Default: 0.2 km for an alert on one H3 res-9 cell (~0.17 km
   * circumradius), otherwise 1 km. District-wide alerts deserve a larger radius or none.
   */
  radiusKm?: number | ((alert: Alert) => number | null);
  /**
   * `<expires>` = updatedAt + this many minutes. Default: no `<expires>`, because an alert has no planned
   * end; a consumer learns that it ended from a later message (urgency Past, responseType AllClear).
   */
  expiresAfterMinutes?: number;
  /** `<web>`: an absolute URL with more about the alert (e.g. its page in the duty console). */
  web?: (alert: Alert) => string | undefined;
  /** `<contact>` per language, e.g. the duty desk's phone. */
  contact?: BilingualText;
}

/** Options that cannot make a valid CAP message (a programming or deployment error, not bad data). */
export class CapOptionsError extends Error {
  override readonly name = 'CapOptionsError';
}

/** adcode → `{ zh, en }` from the loaded district file (schemas/geo `loadDistricts`). */
export function districtNamesOf(
  districts: readonly Pick<District, 'adcode' | 'name'>[],
): Map<string, BilingualText> {
  return new Map(districts.map((d) => [d.adcode, d.name]));
}

// CAP: identifiers, sender and incidents "MUST NOT include spaces, commas or restricted characters (< and &)".
const CAP_ID_FORBIDDEN = /[\s,<&]/g;
const HAS_CAP_ID_FORBIDDEN = /[\s,<&]/;
const capId = (text: string): string => text.replace(CAP_ID_FORBIDDEN, '_');

/** `${alertId}.v${version}`: unique per message, as CAP requires, and grouped per alert by `<incidents>`. */
export function capIdentifier(alertId: string, version: number): string {
  return `${capId(alertId)}.v${version}`;
}

interface Resolved {
  sender: string;
  senderName: BilingualText;
  restriction: string;
  districtName: (adcode: string) => BilingualText;
  offset: number;
  codes: readonly string[];
  radiusKm: (alert: Alert) => number | null;
  expiresAfterMs: number | undefined;
  web: (alert: Alert) => string | undefined;
  contact: BilingualText | undefined;
}

const isMap = (names: DistrictNames): names is ReadonlyMap<string, BilingualText> => names instanceof Map;

const defaultRadiusKm = (alert: Alert): number => (alert.cell !== undefined ? 0.2 : 1);

export function resolveCapOptions(options: CapOptions): Resolved {
  if (options.sender === '' || HAS_CAP_ID_FORBIDDEN.test(options.sender))
    throw new CapOptionsError(`sender must be non-empty without spaces, commas, < or &: "${options.sender}"`);
  if (options.restriction.trim() === '')
    throw new CapOptionsError('restriction is required: the messages are scope Restricted');
  const { radiusKm, expiresAfterMinutes } = options;
  if (typeof radiusKm === 'number' && !(radiusKm > 0))
    throw new CapOptionsError(`radiusKm must be positive, got ${radiusKm}`);
  if (expiresAfterMinutes !== undefined && !(expiresAfterMinutes > 0))
    throw new CapOptionsError(`expiresAfterMinutes must be positive, got ${expiresAfterMinutes}`);
  const names = options.districtNames;
  const lookup = (adcode: string): BilingualText | undefined =>
    isMap(names) ? names.get(adcode) : names[adcode];
  return {
    sender: options.sender,
    senderName: options.senderName,
    restriction: options.restriction,
    districtName: (adcode) => lookup(adcode) ?? { zh: `行政区 ${adcode}`, en: `District ${adcode}` },
    offset: checkOffset(options.utcOffsetMinutes ?? CHINA_STANDARD_TIME_OFFSET_MINUTES),
    codes: options.codes ?? ['citybrain'],
    radiusKm:
      typeof radiusKm === 'function' ? radiusKm : radiusKm !== undefined ? () => radiusKm : defaultRadiusKm,
    expiresAfterMs: expiresAfterMinutes !== undefined ? expiresAfterMinutes * 60_000 : undefined,
    web: options.web ?? (() => undefined),
    contact: options.contact,
  };
}

/** Numbers for people: integers as they are, others to at most two decimals. */
function figure(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function quantity(value: number, unit: string): string {
  if (unit === '') return figure(value);
  return unit === '%' ? `${figure(value)}%` : `${figure(value)} ${unit}`;
}

/** Decimal degrees to 6 places (~0.1 m), without exponent notation. */
const degrees = (value: number): string => String(Number(value.toFixed(6)));

const isClosed = (alert: Alert): boolean => alert.status === 'resolved' || alert.status === 'expired';

function description(alert: Alert, lang: keyof BilingualText, offset: number): string {
  const { metric } = alert;
  const measured = quantity(metric.value, metric.unit);
  const threshold = quantity(metric.threshold, metric.unit);
  const agencies = alert.agencies.map((a) => AGENCY_NAMES[a][lang]);
  const zone = offset === 0 ? 'UTC' : `UTC${capDateTime(0, offset).slice(19)}`; // "UTC+08:00"
  const parts: string[] = [];
  if (lang === 'zh') {
    if (isClosed(alert))
      parts.push(alert.status === 'resolved' ? '预警已处置解除。' : '预警条件已消失，预警解除。');
    parts.push(`监测值 ${measured}，预警阈值 ${threshold}。`);
    if (metric.forecast)
      parts.push(
        `预测 ${localMinute(metric.forecast.eta, offset)}（${zone}）达到 ${quantity(metric.forecast.value, metric.unit)}。`,
      );
    if (agencies.length > 0) parts.push(`联动单位：${agencies.join('、')}。`);
    return parts.join('');
  }
  if (isClosed(alert))
    parts.push(alert.status === 'resolved' ? 'The alert has been resolved.' : 'The condition has ended.');
  parts.push(`Measured ${measured} against a warning threshold of ${threshold}.`);
  if (metric.forecast)
    parts.push(
      `Forecast: ${quantity(metric.forecast.value, metric.unit)} by ${localMinute(metric.forecast.eta, offset)} (${zone}).`,
    );
  if (agencies.length > 0) parts.push(`Agencies: ${agencies.join(', ')}.`);
  return parts.join(' ');
}

/** `<parameter>`s that keep what CAP's code lists cannot say, under stable valueNames. */
function parameters(alert: Alert, offset: number): [string, string][] {
  const params: [string, string][] = [
    ['warningLevel', alert.level],
    ['warningLevelRoman', LEVEL_ROMAN[alert.level]],
    ['alertStatus', alert.status],
    ['alertVersion', String(alert.version)],
    ['ruleId', alert.ruleId],
    ['metricName', alert.metric.name],
    ['metricValue', String(alert.metric.value)],
    ['metricThreshold', String(alert.metric.threshold)],
    ['metricUnit', alert.metric.unit],
  ];
  if (alert.metric.forecast) {
    params.push(['forecastValue', String(alert.metric.forecast.value)]);
    params.push(['forecastEta', capDateTime(alert.metric.forecast.eta, offset)]);
  }
  if (alert.agencies.length > 0) params.push(['agencies', alert.agencies.join(',')]);
  const progress = alert.agencyProgress;
  if (progress) {
    const states = alert.agencies.map((a) => `${a}:${progress[a]?.state ?? 'pending'}`);
    if (states.length > 0) params.push(['agencyProgress', states.join(',')]);
  }
  return params;
}

/** The `<alert>` element as lines (no XML declaration), for `alertToCap` and the Atom feed's entries. */
export function capAlertLines(alert: Alert, options: Resolved): string[] {
  const { offset } = options;
  const at = (time: string | number): string => capDateTime(time, offset);
  const closed = isClosed(alert);
  const forecast = alert.metric.forecast !== undefined && !closed;
  const urgency: CapUrgency = closed ? 'Past' : forecast ? 'Expected' : 'Immediate';
  const certainty: CapCertainty = forecast ? 'Likely' : 'Observed';
  const updatedMs = instantOf(alert.updatedAt, 'updatedAt');
  const expires = options.expiresAfterMs !== undefined ? at(updatedMs + options.expiresAfterMs) : undefined;
  const radius = options.radiusKm(alert);
  if (radius !== null && !(radius > 0))
    throw new CapOptionsError(`radiusKm gave ${radius} for alert ${alert.alertId}: must be positive or null`);
  const district = options.districtName(alert.district);

  const w = new XmlWriter();
  w.start('alert', { xmlns: CAP_NAMESPACE });
  w.leaf('identifier', capIdentifier(alert.alertId, alert.version));
  w.leaf('sender', options.sender);
  w.leaf('sent', at(updatedMs));
  w.leaf('status', 'Actual');
  w.leaf('msgType', alert.version === 1 ? 'Alert' : 'Update');
  w.leaf('scope', 'Restricted');
  w.leaf('restriction', options.restriction);
  for (const code of options.codes) w.leaf('code', code);
  // An Update supersedes the alert's first message, whose sent time is known: raisedAt (version 1 is sent
  // at its raise). Earlier updates' sent times are not in the alert, so only the first is referenced.
  if (alert.version > 1)
    w.leaf('references', `${options.sender},${capIdentifier(alert.alertId, 1)},${at(alert.raisedAt)}`);
  w.leaf('incidents', capId(alert.alertId));

  for (const { key, tag } of CAP_LANGUAGES) {
    w.start('info');
    w.leaf('language', tag);
    w.leaf('category', CAP_CATEGORY[alert.category]);
    w.leaf('event', EVENT_NAMES[alert.category][key]);
    if (closed) w.leaf('responseType', 'AllClear');
    w.leaf('urgency', urgency);
    w.leaf('severity', CAP_SEVERITY[alert.level]);
    w.leaf('certainty', certainty);
    w.start('eventCode').leaf('valueName', 'citybrainRule').leaf('value', alert.ruleId).end();
    w.leaf('effective', at(alert.raisedAt));
    w.leaf('onset', at(alert.raisedAt));
    w.leaf('expires', expires);
    w.leaf('senderName', options.senderName[key]);
    w.leaf('headline', alert.title[key]);
    w.leaf('description', description(alert, key, offset));
    w.leaf('web', options.web(alert));
    w.leaf('contact', options.contact?.[key]);
    for (const [name, value] of parameters(alert, offset))
      w.start('parameter').leaf('valueName', name).leaf('value', value).end();
    w.start('area');
    w.leaf('areaDesc', district[key]);
    if (radius !== null)
      w.leaf('circle', `${degrees(alert.location.lat)},${degrees(alert.location.lon)} ${figure(radius)}`);
    w.start('geocode').leaf('valueName', 'adcode').leaf('value', alert.district).end();
    if (alert.cell !== undefined)
      w.start('geocode').leaf('valueName', 'h3Cell').leaf('value', alert.cell).end();
    w.end(); // area
    w.end(); // info
  }
  w.end(); // alert
  return w.toLines();
}

/**
 * One CAP 1.2 `<alert>` document for the alert's current version: identifier `${alertId}.v${version}`,
 * sent = updatedAt, msgType Alert (version 1) or Update, scope Restricted, one `<info>` per language
 * (zh-CN, en-US). Pure: the same alert and options always give the same text.
 *
 * @throws CapOptionsError when the options cannot make a valid message (e.g. a sender with a space)
 */
export function alertToCap(alert: Alert, options: CapOptions): string {
  return `${[XML_DECLARATION, ...capAlertLines(alert, resolveCapOptions(options))].join('\n')}\n`;
}
