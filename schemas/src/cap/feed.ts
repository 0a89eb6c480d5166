// Many CAP messages as one Atom 1.0 feed (RFC 4287), the established way to publish them (Google Public
// Alerts, the WMO alert hubs, national weather services): one entry per alert, each carrying that alert's
// current CAP message inline as `<content type="application/cap+xml">`. RFC 4287 §4.1.3.3: content of an
// XML media type holds the document as its single child element, so a reader gets every message in one GET.
import type { Alert } from '../events/alert.js';
import type { BilingualText } from '../events/common.js';
import { CAP_MEDIA_TYPE, capAlertLines, resolveCapOptions, type CapOptions } from './alert.js';
import { capDateTime, instantOf } from './time.js';
import { XML_DECLARATION, XmlWriter } from './xml.js';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
export const ATOM_MEDIA_TYPE = 'application/atom+xml';

export interface CapFeedOptions extends CapOptions {
  /** The feed's permanent IRI (`<id>`), e.g. `urn:citybrain:shenzhen:alerts` or the feed's URL. */
  id: string;
  /** `<title>`, e.g. '深圳市城市运行预警 Shenzhen city operations alerts'. */
  title: string;
  /** Absolute URL this feed is served at (`<link rel="self">`). */
  selfLink: string;
  /**
   * When the feed is generated (ISO-8601 or epoch ms). `<updated>` is the newest alert's updatedAt; this is
   * used only when there is no alert, because Atom requires `<updated>` even for an empty feed.
   */
  now: string | number;
  /** Language of the feed's own texts (entry titles, author): default 'zh'. Each CAP message has both. */
  language?: keyof BilingualText;
  /** `<link rel="alternate">` of an entry, e.g. the alert's page in the duty console. */
  entryLink?: (alert: Alert) => string | undefined;
}

const LANGUAGE_TAGS: Readonly<Record<keyof BilingualText, string>> = { zh: 'zh-CN', en: 'en-US' };

/**
 * An entry's id is the alert's, stable across versions (Atom: an entry keeps its id when updated); the CAP
 * identifier inside changes with each version. Scoped under the feed's id so two cities never collide.
 */
export function capFeedEntryId(feedId: string, alertId: string): string {
  const local = encodeURIComponent(alertId);
  return feedId.startsWith('urn:') ? `${feedId}:${local}` : `${feedId}#${local}`;
}

/**
 * The alerts as an Atom feed of CAP 1.2 messages, newest update first. Pass what should be published:
 * typically the open alerts, plus recently closed ones so subscribers receive their all-clear (a closed
 * alert's message has urgency Past and responseType AllClear).
 *
 * @throws CapOptionsError when the options cannot make valid CAP messages
 */
export function alertsToCapFeed(alerts: readonly Alert[], options: CapFeedOptions): string {
  const resolved = resolveCapOptions(options);
  const lang = options.language ?? 'zh';
  const at = (time: string | number): string => capDateTime(time, resolved.offset);
  const entries = alerts
    .map((alert) => ({ alert, updatedMs: instantOf(alert.updatedAt, `updatedAt of ${alert.alertId}`) }))
    .sort((a, b) => b.updatedMs - a.updatedMs || a.alert.alertId.localeCompare(b.alert.alertId));
  const newest = entries[0]?.updatedMs ?? instantOf(options.now, 'now');

  const w = new XmlWriter();
  w.start('feed', { xmlns: ATOM_NAMESPACE, 'xml:lang': LANGUAGE_TAGS[lang] });
  w.leaf('id', options.id);
  w.leaf('title', options.title);
  w.leaf('updated', at(newest));
  w.empty('link', { rel: 'self', type: ATOM_MEDIA_TYPE, href: options.selfLink });
  w.start('author').leaf('name', options.senderName[lang]).end();
  for (const { alert, updatedMs } of entries) {
    w.start('entry');
    w.leaf('id', capFeedEntryId(options.id, alert.alertId));
    w.leaf('title', alert.title[lang]);
    w.leaf('updated', at(updatedMs));
    w.leaf('published', at(alert.raisedAt));
    const link = options.entryLink?.(alert);
    if (link !== undefined) w.empty('link', { rel: 'alternate', href: link });
    w.start('content', { type: CAP_MEDIA_TYPE });
    w.raw(capAlertLines(alert, resolved));
    w.end();
    w.end();
  }
  w.end();
  return `${[XML_DECLARATION, ...w.toLines()].join('\n')}\n`;
}
