import { describe, expect, it } from 'vitest';
import {
  FUTIAN,
  NANSHAN,
  alertEventFixture,
  alertFixture,
  cityFixture,
  liveFixture,
} from '../../test/fixtures.js';
import { CityPicture } from './city-picture.js';
import { districtCollection, labelPoint } from './geo-feed.js';

describe('city picture', () => {
  it('cuts snapshots to the scope and reports what changed', () => {
    const picture = new CityPicture({ staleAfterMs: 5_000, now: () => Date.parse('2026-11-22T08:00:00Z') });
    expect(picture.applyAlert(alertEventFixture(alertFixture('n', { district: NANSHAN }))).applied).toBe(
      true,
    );
    expect(picture.applyAlert(alertEventFixture(alertFixture('n', { district: NANSHAN }))).applied).toBe(
      false,
    );
    picture.applyAlert(alertEventFixture(alertFixture('f', { district: FUTIAN })));
    picture.applyLive(liveFixture(FUTIAN));
    picture.applyLive(cityFixture());
    const futian = picture.snapshot({
      userId: 'futian-wall',
      role: 'wall',
      scope: { kind: 'district', adcode: FUTIAN },
      expiresAt: Date.parse('2026-11-23T00:00:00Z'),
    });
    expect(futian.alerts.map((a) => a.alertId)).toEqual(['f']);
    expect(futian.live.map((a) => a.district).sort()).toEqual([FUTIAN, 'city']);
    expect(futian.serverTime).toBe('2026-11-22T08:00:00.000Z');
    const cleared = picture.applyAlert(
      alertEventFixture(alertFixture('f', { district: FUTIAN, version: 2 }), 'cleared'),
    );
    expect(cleared).toMatchObject({ applied: true, removed: true });
    expect(picture.activeAlerts).toBe(1);
  });
});

describe('geo feed', () => {
  it('labels a district at its largest polygon, not between its islands', () => {
    const square = (x: number, y: number, size: number): [number, number][] => [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ];
    const district = {
      adcode: NANSHAN,
      name: { zh: '南山区', en: 'Nanshan' },
      polygons: [[square(113.8, 22.4, 0.01)], [square(113.9, 22.5, 0.1)]],
    };
    expect(labelPoint(district)).toEqual([113.95, 22.55]);
    expect(districtCollection([district]).features[0]?.properties).toMatchObject({
      adcode: NANSHAN,
      name_en: 'Nanshan',
    });
  });
});
