import { describe, expect, it } from 'vitest';
import type { Alert } from '../events/alert.js';
import { cellDensity, feedOptions, parkWarning } from '../../test/support/alerts.js';
import { alertToCap } from './alert.js';
import { alertsToCapFeed, capFeedEntryId } from './feed.js';
import { validateCapAlert, validateCapFeed } from './validate.js';

const floodAlert: Alert = {
  ...parkWarning,
  alertId: 'water-level.sensor.shenzhen-river-03.mnk3p000',
  ruleId: 'water-level',
  category: 'flood',
  level: 'red',
  district: '440303',
  agencies: ['water', 'emergency'],
  title: { zh: '深圳河水位红色预警 & 注意', en: 'Red water level warning: Shenzhen River <gauge 3>' },
  metric: { name: 'water.level', value: 4.12, threshold: 4, unit: 'm' },
  raisedAt: '2026-04-05T01:30:00.000Z',
  updatedAt: '2026-04-05T02:09:00.000Z',
};

/** Each entry's embedded CAP document (text between our own content tags; one entry per alert). */
function embeddedAlerts(feed: string): string[] {
  return [...feed.matchAll(/<content type="application\/cap\+xml">\n([\s\S]*?)\n\s*<\/content>/g)].map(
    (m) => m[1] ?? '',
  );
}

describe('alertsToCapFeed', () => {
  const alerts = [parkWarning, cellDensity, floodAlert];

  it('is a valid feed whose entries each carry a valid CAP 1.2 alert, newest update first', async () => {
    const feed = alertsToCapFeed(alerts, feedOptions);
    const result = await validateCapFeed(feed);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);

    const embedded = embeddedAlerts(feed);
    expect(embedded).toHaveLength(3);
    for (const capAlert of embedded) {
      const standalone = await validateCapAlert(capAlert);
      expect(standalone.errors).toEqual([]);
      expect(standalone.valid).toBe(true);
    }
    // Newest first: flood (02:09), cell (02:07:30), park (02:00). The entry is the same message alertToCap gives.
    const ids = embedded.map((doc) => /<identifier>([^<]+)<\/identifier>/.exec(doc)?.[1]);
    expect(ids).toEqual([
      `${floodAlert.alertId}.v1`,
      `${cellDensity.alertId}.v3`,
      `${parkWarning.alertId}.v1`,
    ]);
    const own = alertToCap(floodAlert, feedOptions).split('\n').slice(1).join('\n').trim();
    expect(
      embedded[0]
        ?.split('\n')
        .map((l) => l.trim())
        .join('\n'),
    ).toBe(
      own
        .split('\n')
        .map((l) => l.trim())
        .join('\n'),
    );
  });

  it('has the feed metadata: id, title, updated = newest alert, self link, author', () => {
    const feed = alertsToCapFeed(alerts, feedOptions);
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">');
    expect(feed).toContain('<id>urn:citybrain:shenzhen:alerts</id>');
    expect(feed).toContain('<title>深圳市城市运行预警 Shenzhen city operations alerts</title>');
    expect(feed).toMatch(/<\/title>\n {2}<updated>2026-04-05T10:09:00\+08:00<\/updated>/);
    expect(feed).toContain(
      '<link rel="self" type="application/atom+xml" href="https://ops.example.gov.cn/api/feeds/alerts.cap"/>',
    );
    expect(feed).toContain('<name>深圳市城市运行管理中心</name>');
  });

  it('gives each entry the alert’s stable id, escaped title, updated and published times', () => {
    const feed = alertsToCapFeed([floodAlert], {
      ...feedOptions,
      language: 'en',
      entryLink: () => 'https://x.test/a?b=1&c=2',
    });
    expect(feed).toContain(`<id>urn:citybrain:shenzhen:alerts:${floodAlert.alertId}</id>`);
    expect(feed).toContain('<title>Red water level warning: Shenzhen River &lt;gauge 3&gt;</title>');
    expect(feed).toContain('<updated>2026-04-05T10:09:00+08:00</updated>');
    expect(feed).toContain('<published>2026-04-05T09:30:00+08:00</published>');
    expect(feed).toContain('<link rel="alternate" href="https://x.test/a?b=1&amp;c=2"/>');
    expect(feed).toContain('xml:lang="en-US"');
  });

  it('entry ids stay the same across versions and are scoped by the feed id', () => {
    expect(capFeedEntryId('urn:citybrain:shenzhen:alerts', 'a b/c')).toBe(
      'urn:citybrain:shenzhen:alerts:a%20b%2Fc',
    );
    expect(capFeedEntryId('https://ops.example.gov.cn/feed', 'x.1')).toBe(
      'https://ops.example.gov.cn/feed#x.1',
    );
    const v1 = alertsToCapFeed([parkWarning], feedOptions);
    const v2 = alertsToCapFeed([{ ...parkWarning, version: 2 }], feedOptions);
    const entryId = (feed: string): string | undefined => /<entry>\s*<id>([^<]+)<\/id>/.exec(feed)?.[1];
    expect(entryId(v1)).toBe(entryId(v2));
  });

  it('an empty feed is valid and dated by `now`', async () => {
    const feed = alertsToCapFeed([], feedOptions);
    expect((await validateCapFeed(feed)).valid).toBe(true);
    expect(feed).toContain('<updated>2026-04-05T11:00:00+08:00</updated>');
    expect(feed).not.toContain('<entry>');
  });

  it('the feed validator checks the embedded CAP, not just the Atom shape', async () => {
    const feed = alertsToCapFeed(alerts, feedOptions);
    const broken = feed.replace('<urgency>Immediate</urgency>', '<urgency>Now</urgency>');
    expect(broken).not.toBe(feed);
    const result = await validateCapFeed(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toMatch(/urgency/);
    const noTitle = await validateCapFeed(
      feed.replace('<title>深圳市城市运行预警 Shenzhen city operations alerts</title>', ''),
    );
    expect(noTitle.valid).toBe(false);
  });
});
