// Every generated document is checked against the official OASIS CAP 1.2 XSD with libxml2 (xmllint-wasm);
// the first tests show the validator rejects what CAP forbids, so a green run cannot come from a no-op.
import { describe, expect, it } from 'vitest';
import { alert as alertSchema, ALERT_LEVELS, type Alert, type AlertCategory } from '../events/alert.js';
import { capOptions, cellDensity, parkWarning } from '../../test/support/alerts.js';
import { alertToCap, CapOptionsError, districtNamesOf } from './alert.js';
import { CAP_CATEGORY, CAP_SEVERITY } from './mapping.js';
import { validateCapAlert } from './validate.js';

async function expectValid(xml: string): Promise<void> {
  const result = await validateCapAlert(xml);
  expect(result.errors).toEqual([]);
  expect(result.valid).toBe(true);
}

/** The text of every `<name>` element, in document order (our own output: one element per line). */
function texts(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1] ?? '');
}

function parameter(xml: string, valueName: string): string[] {
  return [
    ...xml.matchAll(new RegExp(`<valueName>${valueName}</valueName>\\s*<value>([^<]*)</value>`, 'g')),
  ].map((m) => m[1] ?? '');
}

describe('the CAP XSD validator', () => {
  it('rejects a Z datetime, a severity outside CAP and a missing element', async () => {
    const xml = alertToCap(parkWarning, capOptions);
    await expectValid(xml);
    const zulu = await validateCapAlert(
      xml.replace('<sent>2026-04-05T10:00:00+08:00', '<sent>2026-04-05T02:00:00Z'),
    );
    expect(zulu.valid).toBe(false);
    expect(zulu.errors.join('\n')).toMatch(/sent.*pattern/);
    const red = await validateCapAlert(
      xml.replaceAll('<severity>Severe</severity>', '<severity>Red</severity>'),
    );
    expect(red.valid).toBe(false);
    expect(red.errors.join('\n')).toMatch(/severity/);
    const noScope = await validateCapAlert(xml.replace('<scope>Restricted</scope>', ''));
    expect(noScope.valid).toBe(false);
  });
});

describe('alertToCap', () => {
  it('maps the header: per-message identifier, sender, sent in +08:00, Restricted scope', async () => {
    expect(alertSchema.parse(parkWarning)).toEqual(parkWarning);
    const xml = alertToCap(parkWarning, capOptions);
    await expectValid(xml);
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">',
      ),
    ).toBe(true);
    expect(texts(xml, 'identifier')).toEqual([`${parkWarning.alertId}.v1`]);
    expect(texts(xml, 'sender')).toEqual(['citybrain@ops.example.gov.cn']);
    expect(texts(xml, 'sent')).toEqual(['2026-04-05T10:00:00+08:00']);
    expect(texts(xml, 'status')).toEqual(['Actual']);
    expect(texts(xml, 'msgType')).toEqual(['Alert']);
    expect(texts(xml, 'scope')).toEqual(['Restricted']);
    expect(texts(xml, 'restriction')).toEqual([capOptions.restriction]);
    expect(texts(xml, 'code')).toEqual(['citybrain']);
    expect(texts(xml, 'incidents')).toEqual([parkWarning.alertId]);
    expect(texts(xml, 'references')).toEqual([]);
  });

  it('writes two info blocks, zh-CN then en-US, with titles, sender names and district names', () => {
    const xml = alertToCap(parkWarning, capOptions);
    expect(texts(xml, 'language')).toEqual(['zh-CN', 'en-US']);
    expect(texts(xml, 'headline')).toEqual([parkWarning.title.zh, parkWarning.title.en]);
    expect(texts(xml, 'event')).toEqual(['人群聚集', 'Crowd']);
    expect(texts(xml, 'senderName')).toEqual([capOptions.senderName.zh, capOptions.senderName.en]);
    expect(texts(xml, 'areaDesc')).toEqual(['南山区', 'Nanshan']);
    expect(texts(xml, 'circle')).toEqual(['22.5152,113.9441 1', '22.5152,113.9441 1']);
    expect(parameter(xml, 'adcode')).toEqual(['440305', '440305']);
  });

  it('a forecast is Expected and Likely, with its value and ETA in the description and parameters', () => {
    const xml = alertToCap(parkWarning, capOptions);
    expect(texts(xml, 'urgency')).toEqual(['Expected', 'Expected']);
    expect(texts(xml, 'certainty')).toEqual(['Likely', 'Likely']);
    expect(texts(xml, 'effective')).toEqual(['2026-04-05T10:00:00+08:00', '2026-04-05T10:00:00+08:00']);
    expect(texts(xml, 'onset')).toEqual(['2026-04-05T10:00:00+08:00', '2026-04-05T10:00:00+08:00']);
    expect(texts(xml, 'expires')).toEqual([]);
    expect(parameter(xml, 'forecastEta')).toEqual(['2026-04-05T10:11:00+08:00', '2026-04-05T10:11:00+08:00']);
    expect(parameter(xml, 'forecastValue')[0]).toBe('101.2');
    const [zh, en] = texts(xml, 'description');
    expect(zh).toBe(
      '监测值 63.46%，预警阈值 100%。预测 2026-04-05 10:11（UTC+08:00）达到 101.2%。联动单位：公安、城管、场馆运营方。',
    );
    expect(en).toBe(
      'Measured 63.46% against a warning threshold of 100%. Forecast: 101.2% by 2026-04-05 10:11 (UTC+08:00). ' +
        'Agencies: Police, Urban management, Venue operator.',
    );
  });

  it('a measured update is Immediate and Observed, references the first message, and locates its H3 cell', async () => {
    expect(alertSchema.parse(cellDensity)).toEqual(cellDensity);
    const xml = alertToCap(cellDensity, capOptions);
    await expectValid(xml);
    expect(texts(xml, 'identifier')).toEqual([`${cellDensity.alertId}.v3`]);
    expect(texts(xml, 'msgType')).toEqual(['Update']);
    expect(texts(xml, 'sent')).toEqual(['2026-04-05T10:07:30+08:00']);
    expect(texts(xml, 'references')).toEqual([
      `citybrain@ops.example.gov.cn,${cellDensity.alertId}.v1,2026-04-05T10:00:00+08:00`,
    ]);
    expect(texts(xml, 'urgency')).toEqual(['Immediate', 'Immediate']);
    expect(texts(xml, 'certainty')).toEqual(['Observed', 'Observed']);
    expect(parameter(xml, 'forecastEta')).toEqual([]);
    expect(texts(xml, 'circle')[0]).toBe('22.5152,113.9441 0.2');
    expect(parameter(xml, 'h3Cell')[0]).toBe('89411ca1b9bffff');
    expect(texts(xml, 'description')[1]).toBe(
      'Measured 6200 people against a warning threshold of 6000 people. Agencies: Police.',
    );
  });

  it.each(ALERT_LEVELS.map((level) => [level, CAP_SEVERITY[level]] as const))(
    'level %s → severity %s, colour and Roman level kept as parameters',
    async (level, severity) => {
      const xml = alertToCap({ ...parkWarning, level }, capOptions);
      await expectValid(xml);
      expect(texts(xml, 'severity')).toEqual([severity, severity]);
      expect(parameter(xml, 'warningLevel')).toEqual([level, level]);
      const roman = { blue: 'IV', yellow: 'III', orange: 'II', red: 'I' }[level];
      expect(parameter(xml, 'warningLevelRoman')).toEqual([roman, roman]);
    },
  );

  it('severity follows the colours in order: red Extreme … blue Minor', () => {
    expect(ALERT_LEVELS.map((l) => CAP_SEVERITY[l])).toEqual(['Minor', 'Moderate', 'Severe', 'Extreme']);
  });

  const categories: [AlertCategory, string][] = [
    ['crowd', 'Safety'],
    ['traffic', 'Transport'],
    ['environment', 'Env'],
    ['flood', 'Met'],
    ['public_safety', 'Security'],
  ];
  it.each(categories)('category %s → %s', async (category, capCategory) => {
    expect(CAP_CATEGORY[category]).toBe(capCategory);
    const xml = alertToCap({ ...parkWarning, category }, capOptions);
    await expectValid(xml);
    expect(texts(xml, 'category')).toEqual([capCategory, capCategory]);
  });

  it('escapes <, & and > in titles and names, and the result is still valid CAP', async () => {
    const tricky: Alert = {
      ...parkWarning,
      title: { zh: '<script>&"海岸城"</script> 预警', en: `Tom & Jerry's <Park> ]]> warning` },
    };
    const xml = alertToCap(tricky, {
      ...capOptions,
      senderName: { zh: 'A&B 中心', en: 'A<B> center' },
      districtNames: new Map([['440305', { zh: '南山<区>', en: 'Nan&shan' }]]),
    });
    await expectValid(xml);
    expect(texts(xml, 'headline')).toEqual([
      '&lt;script&gt;&amp;&quot;海岸城&quot;&lt;/script&gt; 预警',
      'Tom &amp; Jerry&apos;s &lt;Park&gt; ]]&gt; warning',
    ]);
    expect(texts(xml, 'senderName')).toEqual(['A&amp;B 中心', 'A&lt;B&gt; center']);
    expect(texts(xml, 'areaDesc')).toEqual(['南山&lt;区&gt;', 'Nan&amp;shan']);
    expect(xml).not.toContain('<script>');
  });

  it('a closed alert tells receivers the all-clear: urgency Past, responseType AllClear', async () => {
    const xml = alertToCap({ ...cellDensity, status: 'resolved', version: 5 }, capOptions);
    await expectValid(xml);
    expect(texts(xml, 'msgType')).toEqual(['Update']);
    expect(texts(xml, 'responseType')).toEqual(['AllClear', 'AllClear']);
    expect(texts(xml, 'urgency')).toEqual(['Past', 'Past']);
    expect(parameter(xml, 'alertStatus')).toEqual(['resolved', 'resolved']);
    expect(texts(xml, 'description')[0]).toMatch(/^预警已处置解除。/);
  });

  it('keeps joint-command state: agencies and each agency’s progress (pending when not reported)', async () => {
    const xml = alertToCap(
      {
        ...parkWarning,
        agencyProgress: { police: { state: 'on_scene', at: '2026-04-05T02:03:00.000Z', by: 'u-17' } },
      },
      capOptions,
    );
    await expectValid(xml);
    expect(parameter(xml, 'agencies')[0]).toBe('police,urban_management,venue_operator');
    expect(parameter(xml, 'agencyProgress')[0]).toBe(
      'police:on_scene,urban_management:pending,venue_operator:pending',
    );
  });

  it('honours the options: offset, codes, radius, expires, web, contact, district lookup', async () => {
    const xml = alertToCap(parkWarning, {
      ...capOptions,
      utcOffsetMinutes: 0,
      codes: ['citybrain', 'profile:CN-GB/T-joint-command'],
      radiusKm: () => null,
      expiresAfterMinutes: 90,
      web: (a) => `https://ops.example.gov.cn/console/alerts/${encodeURIComponent(a.alertId)}`,
      contact: { zh: '值班室 0755-0000000', en: 'Duty desk +86 755 0000000' },
      districtNames: districtNamesOf([{ adcode: '440306', name: { zh: '宝安区', en: "Bao'an" } }]),
    });
    await expectValid(xml);
    expect(texts(xml, 'sent')).toEqual(['2026-04-05T02:00:00-00:00']);
    expect(texts(xml, 'expires')).toEqual(['2026-04-05T03:30:00-00:00', '2026-04-05T03:30:00-00:00']);
    expect(texts(xml, 'code')).toEqual(['citybrain', 'profile:CN-GB/T-joint-command']);
    expect(texts(xml, 'circle')).toEqual([]);
    expect(texts(xml, 'web')[0]).toBe(`https://ops.example.gov.cn/console/alerts/${parkWarning.alertId}`);
    expect(texts(xml, 'contact')).toEqual(['值班室 0755-0000000', 'Duty desk +86 755 0000000']);
    // 440305 is not in the lookup: named by its code rather than left out (areaDesc is required).
    expect(texts(xml, 'areaDesc')).toEqual(['行政区 440305', 'District 440305']);
    expect(texts(xml, 'description')[1]).toContain('by 2026-04-05 02:11 (UTC)');
  });

  it('refuses options that cannot make a valid message', () => {
    expect(() => alertToCap(parkWarning, { ...capOptions, sender: 'city brain' })).toThrow(CapOptionsError);
    expect(() => alertToCap(parkWarning, { ...capOptions, sender: 'a,b' })).toThrow(CapOptionsError);
    expect(() => alertToCap(parkWarning, { ...capOptions, restriction: ' ' })).toThrow(CapOptionsError);
    expect(() => alertToCap(parkWarning, { ...capOptions, radiusKm: 0 })).toThrow(CapOptionsError);
    expect(() => alertToCap(parkWarning, { ...capOptions, radiusKm: () => -1 })).toThrow(CapOptionsError);
  });

  it('is pure: the same alert and options give the same text', () => {
    expect(alertToCap(parkWarning, capOptions)).toBe(alertToCap(structuredClone(parkWarning), capOptions));
  });
});
