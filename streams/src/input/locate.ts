// Location → H3 res-9 cell → district → venue, the way ingest normalizes (DESIGN §6). Sensors and road
// detectors report from fixed points, so cells are memoised per coordinate pair: the H3 call is then paid
// once per device, not once per event.
import {
  cellOf,
  centerOf,
  segmentArterials,
  VENUE_OF_CELL,
  type DistrictIndex,
} from '@citybrain/schemas/geo';
import type { Place } from './observation.js';

interface Locatable {
  lat?: number | undefined;
  lon?: number | undefined;
  cell?: string | undefined;
}

const MEMO_LIMIT = 50_000;

export class Locator {
  private readonly cellByPoint = new Map<string, string>();
  private readonly districtByCell = new Map<string, string>();
  private readonly freeFlow: ReadonlyMap<string, number>;

  constructor(private readonly districts: DistrictIndex) {
    this.freeFlow = new Map(segmentArterials().map((segment) => [segment.id, segment.freeFlowKmh]));
  }

  locate(event: Locatable): Place {
    if (event.lat !== undefined && event.lon !== undefined) {
      const { lat, lon } = event;
      const key = `${lat},${lon}`;
      let cell = this.cellByPoint.get(key);
      if (cell === undefined) {
        cell = cellOf(lat, lon);
        if (this.cellByPoint.size >= MEMO_LIMIT) this.cellByPoint.clear();
        this.cellByPoint.set(key, cell);
      }
      return { cell, district: this.districts.districtOfCell(cell, lat, lon), lat, lon };
    }
    // Validation guarantees a cell when coordinates are absent (hasLocation).
    const cell = event.cell ?? '';
    return { cell, district: this.districtOfCell(cell), lat: undefined, lon: undefined };
  }

  venueOf(cell: string): string | undefined {
    return VENUE_OF_CELL.get(cell);
  }

  /** Free-flow speed of a known arterial segment, for feeds that do not send it. */
  freeFlowOf(segmentId: string): number | undefined {
    return this.freeFlow.get(segmentId);
  }

  private districtOfCell(cell: string): string {
    let district = this.districtByCell.get(cell);
    if (district === undefined) {
      const centre = centerOf(cell);
      district = this.districts.districtOfCell(cell, centre.lat, centre.lon);
      if (this.districtByCell.size >= MEMO_LIMIT) this.districtByCell.clear();
      this.districtByCell.set(cell, district);
    }
    return district;
  }
}
