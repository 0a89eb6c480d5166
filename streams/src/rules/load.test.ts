import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES_FILE } from '../config.js';
import { loadRules, parseRules, RulesFileError } from './load.js';

const minimal = (rules: string) => `
version: 1
escalation: { afterMinutes: { blue: 30 } }
rules:
${rules}`;

function problems(text: string, name = 'rules.yaml'): string[] {
  try {
    parseRules(text, name);
  } catch (error) {
    if (error instanceof RulesFileError) return error.problems;
    throw error;
  }
  return [];
}

describe('rules file', () => {
  it('loads the Shenzhen defaults with minutes turned into milliseconds', () => {
    const config = loadRules(DEFAULT_RULES_FILE);
    const venue = config.rules.find((r) => r.id === 'crowd-venue-occupancy');
    expect(venue).toMatchObject({
      kind: 'threshold',
      metric: 'crowd.venue.occupancy',
      levels: { blue: 50, yellow: 70, orange: 85, red: 100 },
      coolDownMs: 600_000,
      forecast: { horizonMs: 900_000, minWindows: 5, stepBelow: 1 },
      rise: { ratio: 0.3, overMs: 600_000, level: 'yellow' },
    });
    expect(config.rules.find((r) => r.id === 'traffic-incident-arterial')).toMatchObject({
      kind: 'incident',
      coolDownMs: 0,
    });
    expect(config.escalationAfterMs).toEqual({ blue: 1_800_000, yellow: 1_200_000, orange: 600_000 });
    expect(config.routing.flood).toEqual(['water', 'emergency']);
  });

  it('names the path of each bad value', () => {
    const found = problems(
      minimal(`
  - id: Bad_Id
    kind: threshold
    metric: crowd.venue.occupancy
    category: crowd
    unit: '%'
    levels: { blue: 80, yellow: 70 }
    title: { zh: '{subject}', en: 'no placeholder' }
  - id: rain
    kind: threshold
    metric: rain.volume
    category: flood
    unit: mm
    levels: { red: 100 }
    title: { zh: '{subject}', en: '{subject}' }`),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^rules\[0\]\.id: /),
        'rules[0].levels: thresholds must increase blue < yellow < orange < red',
        'rules[0].title.en: must contain {subject}',
        expect.stringMatching(/^rules\[1\]\.metric: /),
      ]),
    );
  });

  it('refuses duplicate rule ids and unknown kinds', () => {
    const rule = `
  - id: a
    kind: threshold
    metric: air.pm25
    category: environment
    unit: x
    levels: { blue: 1 }
    title: { zh: '{subject}', en: '{subject}' }`;
    expect(problems(minimal(rule + rule))).toEqual(['rules[1].id: duplicate rule id a']);
    expect(problems(minimal(`\n  - { id: b, kind: magic }`))[0]).toMatch(/^rules\[0\]\.kind: /);
  });

  it('reports unparsable text and reads JSON by extension', () => {
    expect(problems('rules: [', 'r.yaml')[0]).toMatch(/^cannot parse: /);
    expect(problems('{"version": 2}', 'r.json')[0]).toMatch(/^version: /);
  });
});
