// The CAP feed is cut to the caller's scope and stays valid against the official OASIS CAP 1.2 schema.
import { validateCapAlert, validateCapFeed } from '@citybrain/schemas/cap/validate';
import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN, alertFixture } from '../../../test/fixtures.js';
import { capAnswer, type CapFeedSource } from './cap-feed.js';

const source: CapFeedSource = {
  activeAlerts: () => [
    alertFixture('cap-nanshan', { district: NANSHAN }),
    { ...alertFixture('cap-futian', { district: FUTIAN }), agencies: ['traffic_police'] },
    { ...alertFixture('cap-futian-red', { district: FUTIAN, level: 'red' }), agencies: ['emergency'] },
  ],
  districtNames: {
    [NANSHAN]: { zh: '南山区', en: 'Nanshan' },
    [FUTIAN]: { zh: '福田区', en: 'Futian' },
  },
  origin: 'https://ops.example',
};

const identifiers = (xml: string) => [...xml.matchAll(/<identifier>([^<]+)<\/identifier>/g)].map((m) => m[1]);

describe('CAP feed', () => {
  it('gives a district its own and the red alerts, as a valid Atom feed of CAP alerts', async () => {
    const answer = capAnswer(source, { kind: 'district', adcode: NANSHAN }, null);
    expect(answer.status).toBe(200);
    expect(answer.type).toBe('application/atom+xml');
    expect(identifiers(answer.body).sort()).toEqual(['cap-futian-red.v1', 'cap-nanshan.v1']);
    expect(await validateCapFeed(answer.body)).toMatchObject({ valid: true });
  });

  it('gives an agency the alerts routed to it', () => {
    const answer = capAnswer(source, { kind: 'agency', agency: 'traffic_police' }, null);
    expect(identifiers(answer.body)).toEqual(['cap-futian.v1']);
  });

  it('serves one alert as a CAP document, but not across scopes', async () => {
    const one = capAnswer(source, { kind: 'city' }, 'cap-futian-red');
    expect(one.type).toBe('application/cap+xml');
    expect(one.body).toContain('<severity>Extreme</severity>');
    expect(one.body).toMatch(/<valueName>warningLevel<\/valueName>\s*<value>red<\/value>/);
    expect(await validateCapAlert(one.body)).toMatchObject({ valid: true });
    expect(capAnswer(source, { kind: 'district', adcode: NANSHAN }, 'cap-futian').status).toBe(404);
  });
});
