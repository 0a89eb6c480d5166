// Where an event is: H3 res-9 cell, district and venue, plus the location columns as TabSeparated text. City
// feeds report from fixed places (sensors, detectors, crowd cells), so each place is worked out once and
// remembered: that saves the H3, district and venue look-ups and, above all, formatting its coordinates
// again for every row (number → text is the costliest part of writing a row).
import { cellOf, centerOf, VENUE_OF_CELL, type DistrictIndex } from '@citybrain/schemas/geo';
import { tsvString } from './tsv.js';

export interface Place {
  readonly lat: number;
  readonly lon: number;
  readonly cell: string;
  /** District adcode, or '' outside every district. */
  readonly district: string;
  /** The venue the cell belongs to, or ''. */
  readonly venueId: string;
  /** The location columns (PLACE_COLUMNS) as TabSeparated fields. */
  readonly tsv: string;
}

/** Bounded: cleared when full, which costs one miss per place. */
const DEFAULT_LIMIT = 100_000;

export class PlaceIndex {
  private readonly byPoint = new Map<number, Map<number, Place>>();
  private readonly byCell = new Map<string, Place>();
  private pointCount = 0;

  constructor(
    private readonly districts: DistrictIndex,
    private readonly limit = DEFAULT_LIMIT,
  ) {}

  /** The place of a WGS-84 point (its cell is the one containing it). */
  atPoint(lat: number, lon: number): Place {
    let byLon = this.byPoint.get(lat);
    let place = byLon?.get(lon);
    if (place === undefined) {
      if (this.pointCount >= this.limit) {
        this.byPoint.clear();
        this.pointCount = 0;
        byLon = undefined;
      }
      if (byLon === undefined) {
        byLon = new Map();
        this.byPoint.set(lat, byLon);
      }
      place = this.create(lat, lon, cellOf(lat, lon));
      byLon.set(lon, place);
      this.pointCount += 1;
    }
    return place;
  }

  /** The place of an event located by its H3 cell: the cell's centre. */
  ofCell(cell: string): Place {
    let place = this.byCell.get(cell);
    if (place === undefined) {
      if (this.byCell.size >= this.limit) this.byCell.clear();
      const { lat, lon } = centerOf(cell);
      place = this.create(lat, lon, cell);
      this.byCell.set(cell, place);
    }
    return place;
  }

  private create(lat: number, lon: number, cell: string): Place {
    const district = this.districts.districtOfCell(cell, lat, lon);
    return {
      lat,
      lon,
      cell,
      district,
      venueId: VENUE_OF_CELL.get(cell) ?? '',
      tsv: `${lat}\t${lon}\t${tsvString(cell)}\t${tsvString(district)}`,
    };
  }
}
