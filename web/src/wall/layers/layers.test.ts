import { describe, expect, it } from 'vitest';
import { alertFixture } from '../../../test/fixtures.js';
import { buildAlertLayers, markerRadiusPx, pulseAt } from './alert-layers.js';
import { CONGESTION_STOPS, LEVEL_COLORS, NO_DATA_COLOR, congestionColor, heatColor } from './colors.js';
import { buildHeatLayer, heatScale } from './heat-layer.js';
import { buildTrafficLayer, trafficData } from './traffic-layer.js';

describe('layer builders', () => {
  it('colors heat on a square-root scale of the busiest cell', () => {
    const cells = [
      { cell: '89411c0001bffff', people: 100 },
      { cell: '89411c0003bffff', people: 25 },
    ];
    expect(heatScale(cells)).toBe(10);
    expect(heatScale([])).toBe(1);
    const layer = buildHeatLayer(cells, true);
    expect(layer.props.data).toBe(cells); // the store's array, not a copy: deck.gl diffs by reference
    const fill = layer.props.getFillColor as unknown as (d: (typeof cells)[number]) => number[];
    expect(fill(cells[0] as (typeof cells)[number])).toEqual(heatColor(1));
    expect(fill(cells[1] as (typeof cells)[number])).toEqual(heatColor(0.5));
  });

  it('ramps heat colors and clamps out-of-range values', () => {
    expect(heatColor(-1)).toEqual(heatColor(0));
    expect(heatColor(2)).toEqual(heatColor(1));
    expect(heatColor(Number.NaN)).toEqual(heatColor(0));
    expect(heatColor(1)[0]).toBeGreaterThan(heatColor(0)[0]); // hot is redder than cold
  });

  it('colors segments by congestion index and greys segments without data', () => {
    expect(congestionColor(undefined)).toBe(NO_DATA_COLOR);
    expect(congestionColor(1)).toBe(CONGESTION_STOPS[0]?.color);
    expect(congestionColor(1.7)).toBe(CONGESTION_STOPS[1]?.color);
    expect(congestionColor(3.5)).toBe(CONGESTION_STOPS[3]?.color);
    const roads = [
      {
        id: 'binhai-01',
        name: { zh: '滨海大道', en: 'Binhai' },
        polyline: [
          [113.9, 22.5],
          [113.91, 22.5],
        ] as [number, number][],
      },
      {
        id: 'binhai-02',
        name: { zh: '滨海大道', en: 'Binhai' },
        polyline: [
          [113.91, 22.5],
          [113.92, 22.5],
        ] as [number, number][],
      },
    ];
    const data = trafficData(roads, new Map([['binhai-02', 2.5]]));
    expect(data.map((d) => d.congestionIndex)).toEqual([undefined, 2.5]);
    expect(buildTrafficLayer(data, false).props.visible).toBe(false);
  });

  it('pulses alert rings through uniforms only, with severe markers bigger', () => {
    const red = alertFixture('r', { level: 'red' });
    const blue = alertFixture('b', { level: 'blue' });
    expect(markerRadiusPx(red)).toBeGreaterThan(markerRadiusPx(blue));
    expect(pulseAt(0)).toEqual({ radiusScale: 1, opacity: 0.9 });
    expect(pulseAt(1.5).radiusScale).toBeCloseTo(2.25);
    const alerts = [blue, red];
    const [ringA, dotA] = buildAlertLayers(alerts, true, 0.1);
    const [ringB] = buildAlertLayers(alerts, true, 0.6);
    expect(ringA.props.data).toBe(ringB.props.data);
    expect(ringB.props.radiusScale).toBeGreaterThan(ringA.props.radiusScale);
    const fill = dotA.props.getFillColor as unknown as (a: typeof red) => number[];
    expect(fill(red)).toEqual(LEVEL_COLORS.red);
  });
});
