import type { LiveAggregate, LiveAir } from '@citybrain/schemas/events';
import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN, alertFixture, cityFixture, liveFixture } from '../../../test/fixtures.js';
import { agencyStatus, agencyStatusOption, pendingTotal, PROGRESS_COLORS } from './agency-status.js';
import { AIR_ROW_PX, airQualityOption, airRows, aqiBand, cityAqi } from './air-quality.js';

type Loose = Record<string, unknown> & { data?: unknown[] };
const series = (option: object): Loose[] => (option as { series: Loose[] }).series;
const yAxes = (option: object): Loose[] => (option as { yAxis: Loose[] }).yAxis;
type Label = { formatter: (value: string, index: number) => string; color: (v: string, i: number) => string };

const air = (aqi: number | null, pm25: number | null = null): LiveAir => ({
  aqi,
  pm25,
  pm10: null,
  no2: null,
  stations: 2,
});
const withAir = (aggregate: LiveAggregate, value: LiveAir | undefined): LiveAggregate =>
  value ? { ...aggregate, air: value } : aggregate;

describe('air quality', () => {
  const live = new Map<string, LiveAggregate>([
    [NANSHAN, withAir(liveFixture(NANSHAN, { rings: 0 }), air(62, 41.6))],
    [FUTIAN, withAir(liveFixture(FUTIAN, { rings: 0 }), air(118, 80))],
    ['440306', withAir(liveFixture('440306', { rings: 0 }), air(null, 12))],
    ['440307', liveFixture('440307', { rings: 0 })], // no station: no row
    ['city', withAir(cityFixture(), air(80, 45))],
  ]);

  it('bands the AQI as HJ 633-2012 does', () => {
    expect([0, 50, 51, 100, 101, 150, 151, 200, 201, 300, 301, 500].map((v) => aqiBand(v).zh)).toEqual([
      '优',
      '优',
      '良',
      '良',
      '轻度污染',
      '轻度污染',
      '中度污染',
      '中度污染',
      '重度污染',
      '重度污染',
      '严重污染',
      '严重污染',
    ]);
    expect(aqiBand(50.4).en).toBe('Excellent'); // a mean rounds before banding
  });

  it('lists the worst districts first on a city wall and the district beside the city on its own wall', () => {
    expect(airRows(live, undefined).map((r) => r.key)).toEqual([FUTIAN, NANSHAN, '440306']);
    expect(airRows(live, undefined, 2)).toHaveLength(2);
    expect(airRows(live, NANSHAN)).toEqual([
      { key: NANSHAN, aqi: 62, pm25: 41.6 },
      { key: 'city', aqi: 80, pm25: 45 },
    ]);
    expect(airRows(live, '440307').map((r) => r.key)).toEqual(['city']);
    expect(cityAqi(live)).toBe(80);
    expect(cityAqi(new Map())).toBeNull();
  });

  it('draws AQI bars in category colors with PM2.5 and the category named in each row', () => {
    const rows = airRows(live, undefined);
    const names = new Map([
      [FUTIAN, '福田区'],
      [NANSHAN, '南山区'],
      ['440306', '宝安区'],
    ]);
    const option = airQualityOption(rows, (k) => names.get(k) ?? k, 'zh');
    const [left, right] = yAxes(option);
    // Bottom-up categories: the worst (Futian) is drawn on top.
    expect(left?.data).toEqual(['宝安区', '南山区', '福田区']);
    expect((left?.axisLabel as Label).formatter('南山区', 1)).toBe('南山区  {detail|PM2.5 42}');
    expect((right?.axisLabel as Label).formatter('', 2)).toBe('118 轻度污染');
    expect((right?.axisLabel as Label).formatter('', 0)).toBe('—');
    expect((right?.axisLabel as Label).color('', 2)).toBe('#ff7e00');
    const [bars] = series(option);
    expect(bars?.data).toEqual([
      { value: 0, itemStyle: { color: '#9fb4d6', borderRadius: 3 } },
      { value: 62, itemStyle: { color: '#ffff00', borderRadius: 3 } },
      { value: 118, itemStyle: { color: '#ff7e00', borderRadius: 3 } },
    ]);
    expect((option as { grid: { height: number } }).grid.height).toBe(3 * AIR_ROW_PX);
    expect((option as { xAxis: { max: number } }).xAxis.max).toBe(150);
    const english = airQualityOption(rows, (k) => k, 'en');
    expect((yAxes(english)[1]?.axisLabel as Label).formatter('', 1)).toBe('62 Good');
  });
});

describe('agency status', () => {
  const at = '2026-11-22T06:00:00.000Z';
  const alerts = [
    // Police on scene, urban management not heard from: pending.
    {
      ...alertFixture('a1'),
      agencies: ['police' as const, 'urban_management' as const],
      agencyProgress: { police: { state: 'on_scene' as const, at } },
    },
    // Police received it; a progress entry of an agency not routed to is not counted.
    {
      ...alertFixture('a2'),
      agencies: ['police' as const],
      agencyProgress: {
        police: { state: 'acknowledged' as const, at },
        water: { state: 'done' as const, at },
      },
    },
    // Older alerts carry no progress at all: every listed agency is pending.
    { ...alertFixture('a3'), agencies: ['urban_management' as const, 'traffic_police' as const] },
    {
      ...alertFixture('a4'),
      agencies: ['traffic_police' as const],
      agencyProgress: { traffic_police: { state: 'done' as const, at } },
    },
  ];

  it("counts each agency's alerts by its progress, most waiting first", () => {
    const rows = agencyStatus(alerts);
    expect(rows).toEqual([
      {
        agency: 'urban_management',
        total: 2,
        byState: { pending: 2, acknowledged: 0, on_scene: 0, done: 0 },
      },
      { agency: 'traffic_police', total: 2, byState: { pending: 1, acknowledged: 0, on_scene: 0, done: 1 } },
      { agency: 'police', total: 2, byState: { pending: 0, acknowledged: 1, on_scene: 1, done: 0 } },
    ]);
    expect(pendingTotal(rows)).toBe(3);
    expect(agencyStatus([])).toEqual([]);
  });

  it('stacks the states per agency with the total at the right, in both languages', () => {
    const option = agencyStatusOption(agencyStatus(alerts), 'zh');
    const [names, totals] = yAxes(option);
    expect(names?.data).toEqual(['公安', '交警', '城管']);
    expect(totals?.data).toEqual(['2', '2', '2']);
    const stacked = series(option);
    expect(stacked.map((s) => [s.name, s.data])).toEqual([
      ['待响应', [0, 1, 2]],
      ['已接收', [1, 0, 0]],
      ['已到场', [1, 0, 0]],
      ['已完成', [0, 1, 0]],
    ]);
    expect((stacked[0]?.itemStyle as { color: string }).color).toBe(PROGRESS_COLORS.pending);
    const label = stacked[0]?.label as { formatter: (p: { value?: unknown }) => string };
    expect([label.formatter({ value: 0 }), label.formatter({ value: 2 })]).toEqual(['', '2']);
    const english = agencyStatusOption(agencyStatus(alerts), 'en');
    expect(yAxes(english)[0]?.data).toEqual(['Police', 'Traffic police', 'Urban mgmt']);
    expect((english as { legend: { data: string[] } }).legend.data).toEqual([
      'Pending',
      'Received',
      'On scene',
      'Done',
    ]);
  });

  it('shows at most five agencies', () => {
    const many = [
      'police',
      'traffic_police',
      'urban_management',
      'emergency',
      'environment',
      'water',
      'venue_operator',
    ] as const;
    const option = agencyStatusOption(agencyStatus([{ ...alertFixture('x'), agencies: [...many] }]), 'zh');
    expect(yAxes(option)[0]?.data).toHaveLength(5);
  });
});
