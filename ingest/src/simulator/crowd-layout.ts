// Where the crowd heat map has people: every cell of each venue, plus the busy cells around commercial
// centres. Counts per cell are derived from these shares at run time (crowd-model.ts).
import { cellOf, centerOf, VENUE_CELLS, VENUES, type Venue } from '@citybrain/schemas/geo';
import { gridDiskDistances } from 'h3-js';
import type { CrowdProfile } from './curves.js';
import { COMMERCIAL_CENTRES, SURGE_NODES } from './places.js';
import type { SeededRandom } from './random.js';

export interface CrowdCellSpec {
  cell: string;
  /** The venue the cell belongs to; cells of commercial areas have none. */
  venueId: string | undefined;
  profile: CrowdProfile;
  /** People in the cell when its profile reads 1: a venue cell's share of capacity, a shop cell's peak. */
  peopleAtFull: number;
  /** A crowd node: where a surge at its venue concentrates. */
  isNode: boolean;
}

export interface VenueCrowd {
  venue: Venue;
  /** Sum of the node cells' shares of the venue, to renormalise shares when nodes draw people in. */
  nodeShare: number;
}

/** Rings of H3 cells around a centre: 3 rings = 37 cells ≈ 3.9 km², a shopping district's size. */
const COMMERCIAL_RINGS = 3;

function nearestCell(cells: readonly string[], lon: number, lat: number): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const cell of cells) {
    const centre = centerOf(cell);
    const distance = (centre.lat - lat) ** 2 + (centre.lon - lon) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [cell, distance];
  }
  return best;
}

function venueCells(venue: Venue, random: SeededRandom): CrowdCellSpec[] {
  const cells = VENUE_CELLS.get(venue.id) ?? [];
  const nodes = new Set(
    (SURGE_NODES[venue.id] ?? []).flatMap(([lon, lat]) => {
      const cell = cellOf(lat, lon);
      const node = cells.includes(cell) ? cell : nearestCell(cells, lon, lat);
      return node === undefined ? [] : [node];
    }),
  );
  // Uneven shares: paths, lawns and gates hold more people than planted or fenced cells; the nodes are
  // the popular spots to begin with, which is why a surge piles up there.
  const weights = cells.map((cell) =>
    nodes.has(cell) ? random.between(1.3, 1.5) : random.between(0.5, 1.5),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return cells.map((cell, i) => ({
    cell,
    venueId: venue.id,
    profile: venue.kind,
    peopleAtFull: (venue.capacity * (weights[i] ?? 1)) / total,
    isNode: nodes.has(cell),
  }));
}

function commercialCells(taken: ReadonlySet<string>, random: SeededRandom): CrowdCellSpec[] {
  const byCell = new Map<string, CrowdCellSpec>();
  for (const centre of COMMERCIAL_CENTRES) {
    const rings = gridDiskDistances(cellOf(centre.lat, centre.lon), COMMERCIAL_RINGS);
    rings.forEach((ring, distance) => {
      for (const cell of ring) {
        // Busiest in the middle, thinning towards the edge of the district.
        const peak = centre.peakPerCell * Math.exp(-(distance ** 2) / 5) * random.between(0.7, 1.3);
        const known = byCell.get(cell);
        if (taken.has(cell) || (known !== undefined && known.peopleAtFull >= peak)) continue;
        byCell.set(cell, {
          cell,
          venueId: undefined,
          profile: 'commercial',
          peopleAtFull: peak,
          isNode: false,
        });
      }
    });
  }
  return [...byCell.values()];
}

export function layOutCrowds(random: SeededRandom): {
  cells: CrowdCellSpec[];
  venues: Map<string, VenueCrowd>;
} {
  const cells = VENUES.flatMap((venue) => venueCells(venue, random));
  const venues = new Map(
    VENUES.map((venue) => {
      const own = cells.filter((c) => c.venueId === venue.id);
      const nodeShare =
        own.filter((c) => c.isNode).reduce((sum, c) => sum + c.peopleAtFull, 0) / venue.capacity;
      return [venue.id, { venue, nodeShare }] as const;
    }),
  );
  const venueCellSet = new Set(cells.map((c) => c.cell));
  return { cells: [...cells, ...commercialCells(venueCellSet, random)], venues };
}
