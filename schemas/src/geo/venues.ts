// Crowd venues of the demo city: project data, drawn by hand from public maps at roughly 100 m accuracy
// (no openly licensed POI polygons exist for Shenzhen; see shared/geo PROVENANCE). Capacities are the
// planning figures an ops center would configure for crowd control, not official numbers.
import { polygonToCells } from 'h3-js';
import { CROWD_RESOLUTION } from './h3.js';

export interface Venue {
  id: string;
  name: { zh: string; en: string };
  district: string;
  kind: 'park' | 'beach' | 'station' | 'port' | 'attraction' | 'plaza';
  /** People the venue can hold safely; crowd rules compare the venue's count against it. */
  capacity: number;
  /** Outer ring as [lon, lat] (WGS-84), closed. */
  polygon: [number, number][];
}

export const VENUES: readonly Venue[] = [
  {
    id: 'shenzhen-bay-park',
    name: { zh: '深圳湾公园', en: 'Shenzhen Bay Park' },
    district: '440305',
    kind: 'park',
    capacity: 80_000,
    // A strip along the bay shore from the Shenzhen Bay Bridge landing to the Houhai/Futian border.
    polygon: [
      [113.94, 22.5],
      [113.95, 22.507],
      [113.956, 22.513],
      [113.966, 22.516],
      [113.976, 22.516],
      [113.986, 22.516],
      [113.986, 22.524],
      [113.976, 22.524],
      [113.965, 22.523],
      [113.955, 22.52],
      [113.947, 22.514],
      [113.937, 22.506],
      [113.94, 22.5],
    ],
  },
  {
    id: 'window-of-the-world',
    name: { zh: '世界之窗', en: 'Window of the World' },
    district: '440305',
    kind: 'attraction',
    capacity: 30_000,
    polygon: [
      [113.968, 22.534],
      [113.975, 22.534],
      [113.975, 22.539],
      [113.968, 22.539],
      [113.968, 22.534],
    ],
  },
  {
    id: 'lianhuashan-park',
    name: { zh: '莲花山公园', en: 'Lianhuashan Park' },
    district: '440304',
    kind: 'park',
    capacity: 40_000,
    polygon: [
      [114.049, 22.551],
      [114.061, 22.551],
      [114.062, 22.562],
      [114.05, 22.562],
      [114.049, 22.551],
    ],
  },
  {
    id: 'civic-center-plaza',
    name: { zh: '市民中心广场', en: 'Civic Center Plaza' },
    district: '440304',
    kind: 'plaza',
    capacity: 25_000,
    polygon: [
      [114.053, 22.538],
      [114.063, 22.538],
      [114.063, 22.546],
      [114.053, 22.546],
      [114.053, 22.538],
    ],
  },
  {
    id: 'dongmen-pedestrian-street',
    name: { zh: '东门步行街', en: 'Dongmen Pedestrian Street' },
    district: '440303',
    kind: 'plaza',
    capacity: 20_000,
    polygon: [
      [114.114, 22.543],
      [114.122, 22.543],
      [114.122, 22.549],
      [114.114, 22.549],
      [114.114, 22.543],
    ],
  },
  {
    id: 'luohu-port',
    name: { zh: '罗湖口岸', en: 'Luohu Port' },
    district: '440303',
    kind: 'port',
    capacity: 15_000,
    polygon: [
      [114.109, 22.531],
      [114.116, 22.531],
      [114.116, 22.537],
      [114.109, 22.537],
      [114.109, 22.531],
    ],
  },
  {
    id: 'shenzhen-north-station',
    name: { zh: '深圳北站', en: 'Shenzhen North Station' },
    district: '440309',
    kind: 'station',
    capacity: 35_000,
    polygon: [
      [114.022, 22.605],
      [114.034, 22.605],
      [114.034, 22.614],
      [114.022, 22.614],
      [114.022, 22.605],
    ],
  },
  {
    id: 'dameisha-beach',
    name: { zh: '大梅沙海滨公园', en: 'Dameisha Beach' },
    district: '440308',
    kind: 'beach',
    capacity: 50_000,
    polygon: [
      [114.296, 22.592],
      [114.312, 22.592],
      [114.312, 22.6],
      [114.296, 22.6],
      [114.296, 22.592],
    ],
  },
];

/** H3 res-9 cells whose centre lies inside each venue (computed once at import; a few hundred cells). */
export const VENUE_CELLS: ReadonlyMap<string, readonly string[]> = new Map(
  VENUES.map((venue) => [venue.id, polygonToCells([venue.polygon], CROWD_RESOLUTION, true)]),
);

/** Reverse index: the venue a cell belongs to, for events that carry a cell but no venueId. */
export const VENUE_OF_CELL: ReadonlyMap<string, string> = new Map(
  VENUES.flatMap((venue) => (VENUE_CELLS.get(venue.id) ?? []).map((cell) => [cell, venue.id] as const)),
);
