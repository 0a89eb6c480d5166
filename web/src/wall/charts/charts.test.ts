import type { LiveAggregate } from '@citybrain/schemas/events';
import { describe, expect, it } from 'vitest';
import { FUTIAN, NANSHAN, alertFixture, cityFixture, liveFixture } from '../../../test/fixtures.js';
import type { VenueGeometry } from '../../realtime/geo.js';
import { appendTrend, TREND_WINDOW_MS, type TrendPoint } from '../store/congestion-trend.js';
import { alertStatsOption, alertsByDistrict, alertsByLevel } from './alert-stats.js';
import { congestionTrendOption, trendAxisMax } from './congestion-trend.js';
import { compactCount, occupancyColor, venueOccupancy, venueOccupancyOption } from './venue-occupancy.js';

// Series and axes as the options build them; ECharts' own types are unions too wide to index in a test.
type Loose = Record<string, unknown> & { data?: unknown[] };
const series = (option: object): Loose[] => (option as { series: Loose[] }).series;
const axis = (option: object, name: 'xAxis' | 'yAxis'): Loose =>
  (option as Record<string, Loose>)[name] ?? {};

const liveOf = (...aggregates: LiveAggregate[]) => new Map(aggregates.map((a) => [a.district, a]));

describe('venue occupancy', () => {
  const nanshan = liveFixture(NANSHAN, { rings: 1, people: 100 });
  // Two of Nanshan's cells make a venue (800 + 200 people counted on them), one cell is elsewhere.
  const [c0, c1, c2] = nanshan.heat.map((h) => h.cell);
  const venues: VenueGeometry[] = [
    {
      id: 'park',
      name: { zh: '公园', en: 'Park' },
      district: NANSHAN,
      capacity: 1_000,
      cells: [c0 ?? '', c1 ?? ''],
    },
    {
      id: 'quiet',
      name: { zh: '广场', en: 'Plaza' },
      district: FUTIAN,
      capacity: 500,
      cells: ['89000000000ffff'],
    },
  ];
  const live = liveOf(
    {
      ...nanshan,
      heat: [
        { cell: c0 ?? '', people: 800 },
        { cell: c1 ?? '', people: 400 },
        { cell: c2 ?? '', people: 9 },
      ],
    },
    cityFixture(),
  );

  it('sums the venue cells of every district and ranks the fullest first', () => {
    expect(venueOccupancy(venues, live)).toEqual([
      { id: 'park', name: { zh: '公园', en: 'Park' }, people: 1_200, capacity: 1_000, ratio: 1.2 },
      { id: 'quiet', name: { zh: '广场', en: 'Plaza' }, people: 0, capacity: 500, ratio: 0 },
    ]);
  });

  it('draws percent of capacity, fullest on top, in the crowd rules colors', () => {
    const option = venueOccupancyOption(venueOccupancy(venues, live), 'zh');
    // Category axes draw bottom-up: the fullest venue is last.
    const [names, percents] = (option as { yAxis: Loose[] }).yAxis;
    expect(names?.data).toEqual(['广场', '公园']);
    type Label = {
      formatter: (name: string, index: number) => string;
      color: (v: string, i: number) => string;
    };
    const nameLabel = names?.axisLabel as Label;
    const percentLabel = percents?.axisLabel as Label;
    expect(nameLabel.formatter('公园', 1)).toBe('公园  {detail|1200 / 1000}');
    expect(percentLabel.formatter('公园', 1)).toBe('120%');
    expect(percentLabel.color('公园', 1)).toBe(occupancyColor(1.2));
    const [bars] = series(option);
    expect(bars?.data).toEqual([
      { value: 0, itemStyle: { color: occupancyColor(0), borderRadius: 3 } },
      { value: 120, itemStyle: { color: occupancyColor(1.2), borderRadius: 3 } },
    ]);
    expect((option as { grid: { height: number } }).grid.height).toBe(2 * 46);
    expect((bars?.markLine as { data: unknown[] }).data).toEqual([{ xAxis: 100 }]);
    // Over capacity stretches the axis to the next 20 % step so the bar and its label still fit.
    expect(axis(option, 'xAxis').max).toBe(120);
    expect(occupancyColor(1.2)).toBe('rgba(255, 23, 68, 1.00)');
    expect(occupancyColor(0.85)).toBe('rgba(255, 145, 0, 1.00)');
  });

  it('writes counts short in both languages', () => {
    expect(compactCount(80_000, 'zh')).toBe('8.0万');
    expect(compactCount(123_456, 'zh')).toBe('12万');
    expect(compactCount(9_999, 'zh')).toBe('9999');
    expect(compactCount(80_000, 'en')).toBe('80k');
    expect(compactCount(1_500, 'en')).toBe('1.5k');
  });
});

describe('congestion trend', () => {
  const at = (iso: string, congestionIndex: number | null, district = 'city'): LiveAggregate => ({
    ...cityFixture(iso),
    district,
    kpis: { ...cityFixture(iso).kpis, congestionIndex },
  });

  it("keeps the scope's newer points within the window", () => {
    let trend: readonly TrendPoint[] = [];
    trend = appendTrend(trend, at('2026-11-22T08:00:00.000Z', 1.4), 'city');
    trend = appendTrend(trend, at('2026-11-22T08:00:05.000Z', 1.6), 'city');
    const before = trend;
    // Another district, a replayed older message and a missing index change nothing, not even the reference.
    expect(appendTrend(trend, at('2026-11-22T08:00:10.000Z', 2.5, NANSHAN), 'city')).toBe(before);
    expect(appendTrend(trend, at('2026-11-22T08:00:05.000Z', 1.9), 'city')).toBe(before);
    expect(appendTrend(trend, at('2026-11-22T08:00:10.000Z', null), 'city')).toBe(before);
    expect(trend).toEqual([
      { ts: Date.parse('2026-11-22T08:00:00.000Z'), value: 1.4 },
      { ts: Date.parse('2026-11-22T08:00:05.000Z'), value: 1.6 },
    ]);
    const later = new Date(Date.parse('2026-11-22T08:00:02.000Z') + TREND_WINDOW_MS).toISOString();
    expect(appendTrend(trend, at(later, 1.2), 'city').map((p) => p.value)).toEqual([1.6, 1.2]);
  });

  it('plots [time, index] pairs over the traffic bands', () => {
    const points = [
      { ts: 1_000, value: 1.4 },
      { ts: 2_000, value: 3.3 },
    ];
    const option = congestionTrendOption(points, 'en');
    const [line] = series(option);
    expect(line?.data).toEqual([
      [1_000, 1.4],
      [2_000, 3.3],
    ]);
    // Colored as the latest value's band (jammed), with the slow / congested / jammed thresholds marked.
    expect(line?.lineStyle).toMatchObject({ color: 'rgba(213, 0, 0, 1.00)' });
    expect((line?.markLine as { data: { yAxis: number }[] }).data.map((d) => d.yAxis)).toEqual([1.5, 2, 3]);
    expect(axis(option, 'yAxis').max).toBe(3.5);
    expect(trendAxisMax([])).toBe(3);
  });
});

describe('alert statistics', () => {
  const alerts = [
    alertFixture('n1', { district: NANSHAN, level: 'yellow' }),
    alertFixture('f1', { district: FUTIAN, level: 'red' }),
    alertFixture('n2', { district: NANSHAN, level: 'blue' }),
    alertFixture('f2', { district: FUTIAN, level: 'yellow' }),
    alertFixture('n3', { district: NANSHAN, level: 'yellow' }),
  ];

  it('counts by level and by district, busiest then most severe first', () => {
    expect(alertsByLevel(alerts)).toEqual({ blue: 1, yellow: 3, orange: 0, red: 1 });
    expect(alertsByDistrict(alerts)).toEqual([
      { district: NANSHAN, total: 3, byLevel: { blue: 1, yellow: 2, orange: 0, red: 0 } },
      { district: FUTIAN, total: 2, byLevel: { blue: 0, yellow: 1, orange: 0, red: 1 } },
    ]);
    // Equal totals: the district with the red alert ranks first.
    const tied = alertsByDistrict(alerts.filter((a) => a.alertId !== 'n3'));
    expect(tied.map((row) => row.district)).toEqual([FUTIAN, NANSHAN]);
    expect(alertsByDistrict(alerts, 1)).toHaveLength(1);
  });

  it('draws a level ring with the total and district bars stacked by level', () => {
    const names = new Map([
      [NANSHAN, '南山区'],
      [FUTIAN, '福田区'],
    ]);
    const option = alertStatsOption(
      alertsByLevel(alerts),
      alertsByDistrict(alerts),
      (a) => names.get(a) ?? a,
      'zh',
    );
    expect((option as { title: { text: string } }).title.text).toBe('5');
    const [ring, ...bars] = series(option);
    expect(ring?.data).toEqual([
      { name: '红色预警', value: 1, itemStyle: { color: 'rgba(255, 23, 68, 1.00)' } },
      { name: '橙色预警', value: 0, itemStyle: { color: 'rgba(255, 145, 0, 1.00)' } },
      { name: '黄色预警', value: 3, itemStyle: { color: 'rgba(255, 214, 0, 1.00)' } },
      { name: '蓝色预警', value: 1, itemStyle: { color: 'rgba(41, 121, 255, 1.00)' } },
    ]);
    // Bottom-up categories: the busiest district (Nanshan) is drawn on top.
    expect(axis(option, 'yAxis').data).toEqual(['福田区', '南山区']);
    expect(bars.map((bar) => [bar.name, bar.data])).toEqual([
      ['红色预警', [1, 0]],
      ['橙色预警', [0, 0]],
      ['黄色预警', [1, 2]],
      ['蓝色预警', [0, 1]],
    ]);
  });

  it('draws an empty ring, not four equal level sectors, when there is no alert', () => {
    const option = alertStatsOption(alertsByLevel([]), alertsByDistrict([]), (a) => a, 'zh');
    expect((option as { title: { text: string } }).title.text).toBe('0');
    const [ring] = series(option);
    expect(ring?.data).toEqual([]);
    expect(ring).toMatchObject({ emptyCircleStyle: { color: 'rgba(159, 180, 214, 0.15)' } });
  });
});
