// Small, named alerts for the CAP mapping tests: one realistic alert that each test varies.
import type { Alert } from '../../src/events/alert.js';
import type { CapFeedOptions, CapOptions } from '../../src/cap/index.js';

/** Version 1 of an orange forecast warning for Shenzhen Bay Park (red expected in ~11 min). */
export const parkWarning: Alert = {
  alertId: 'crowd-venue-occupancy.venue.shenzhen-bay-park.mnk3l2a0',
  version: 1,
  ruleId: 'crowd-venue-occupancy',
  category: 'crowd',
  level: 'orange',
  status: 'active',
  district: '440305',
  agencies: ['police', 'urban_management', 'venue_operator'],
  location: { lat: 22.5152, lon: 113.9441 },
  title: { zh: '深圳湾公园客流橙色预警', en: 'Orange crowd warning: Shenzhen Bay Park' },
  metric: {
    name: 'crowd.venue.occupancy',
    value: 63.4567,
    threshold: 100,
    unit: '%',
    forecast: { value: 101.2, eta: '2026-04-05T02:11:00.000Z' },
  },
  evidence: {
    subject: 'venue:shenzhen-bay-park',
    trigger: 'forecast',
    windowEnd: '2026-04-05T02:00:00.000Z',
  },
  raisedAt: '2026-04-05T02:00:00.000Z',
  updatedAt: '2026-04-05T02:00:00.000Z',
};

/** A measured (no forecast) alert on one crowd cell, at a later version. */
export const cellDensity: Alert = {
  ...parkWarning,
  alertId: 'crowd-cell-density.cell.89411ca1b9bffff.mnk3m000',
  version: 3,
  ruleId: 'crowd-cell-density',
  level: 'yellow',
  agencies: ['police'],
  cell: '89411ca1b9bffff',
  title: { zh: '人群密度黄色预警', en: 'Yellow crowd density warning' },
  metric: { name: 'crowd.cell.people', value: 6200, threshold: 6000, unit: 'people' },
  updatedAt: '2026-04-05T02:07:30.250Z',
};

export const capOptions: CapOptions = {
  sender: 'citybrain@ops.example.gov.cn',
  senderName: { zh: '深圳市城市运行管理中心', en: 'Shenzhen City Operations Center' },
  restriction: '仅限联动单位 / partner agencies of the Shenzhen ops center only',
  districtNames: { '440305': { zh: '南山区', en: 'Nanshan' } },
};

export const feedOptions: CapFeedOptions = {
  ...capOptions,
  id: 'urn:citybrain:shenzhen:alerts',
  title: '深圳市城市运行预警 Shenzhen city operations alerts',
  selfLink: 'https://ops.example.gov.cn/api/feeds/alerts.cap',
  now: '2026-04-05T03:00:00.000Z',
};
