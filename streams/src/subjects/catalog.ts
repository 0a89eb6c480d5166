// Names and positions of the things alerts are about: venues (with capacities), districts, road segments,
// and the arterials an incident must be near to count. Built once at start from schemas' geography.
import { centerOf, segmentArterials, VENUES, type DistrictIndex, type Venue } from '@citybrain/schemas/geo';
import type { Place } from '../input/observation.js';
import { nearestArterialMeters, type Polyline } from './proximity.js';
import { subjectKey, type Subject, type SubjectKind } from './subject.js';

export interface BilingualName {
  zh: string;
  en: string;
}

function ringCentroid(ring: readonly (readonly [number, number])[]): { lat: number; lon: number } {
  // The closing vertex repeats the first; leave it out of the mean.
  const points = ring.slice(0, -1);
  const lon = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  const lat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  return { lat, lon };
}

export class SubjectCatalog {
  private readonly venues: ReadonlyMap<string, Venue & { centre: { lat: number; lon: number } }>;
  private readonly districtCentres = new Map<string, { lat: number; lon: number }>();
  private readonly segmentNames: ReadonlyMap<string, BilingualName>;
  private readonly arterials: readonly Polyline[];

  constructor(readonly districts: DistrictIndex) {
    this.venues = new Map(VENUES.map((v) => [v.id, { ...v, centre: ringCentroid(v.polygon) }]));
    for (const district of districts.districts) {
      // The largest polygon's outer ring: Shenzhen's districts include islands and sea.
      const biggest = [...district.polygons].sort(
        (a, b) => (b[0]?.length ?? 0) - (a[0]?.length ?? 0),
      )[0]?.[0];
      if (biggest) this.districtCentres.set(district.adcode, ringCentroid(biggest));
    }
    const segments = segmentArterials();
    this.segmentNames = new Map(segments.map((s) => [s.id, s.name]));
    this.arterials = segments.map((s) => ({ id: s.id, points: s.polyline }));
  }

  venue(venueId: string): (Venue & { centre: { lat: number; lon: number } }) | undefined {
    return this.venues.get(venueId);
  }

  /** A subject placed at an observed place (cell, segment, sensor, incident). */
  atPlace(kind: SubjectKind, id: string, place: Place, venueId?: string): Subject {
    const centre = place.lat === undefined || place.lon === undefined ? centerOf(place.cell) : undefined;
    return {
      key: subjectKey(kind, id),
      kind,
      id,
      district: place.district,
      cell: place.cell,
      venueId,
      lat: place.lat ?? centre?.lat ?? 0,
      lon: place.lon ?? centre?.lon ?? 0,
    };
  }

  venueSubject(venueId: string): Subject | undefined {
    const venue = this.venues.get(venueId);
    if (!venue) return undefined;
    const { lat, lon } = venue.centre;
    return {
      key: subjectKey('venue', venueId),
      kind: 'venue',
      id: venueId,
      district: venue.district,
      cell: undefined,
      venueId,
      lat,
      lon,
    };
  }

  districtSubject(adcode: string): Subject | undefined {
    const centre = this.districtCentres.get(adcode);
    if (!centre) return undefined;
    return {
      key: subjectKey('district', adcode),
      kind: 'district',
      id: adcode,
      district: adcode,
      cell: undefined,
      venueId: undefined,
      ...centre,
    };
  }

  /** How a subject is named in an alert title, in both languages. */
  nameOf(subject: Pick<Subject, 'kind' | 'id' | 'venueId'>): BilingualName {
    switch (subject.kind) {
      case 'venue': {
        const venue = this.venues.get(subject.id);
        return venue ? venue.name : { zh: subject.id, en: subject.id };
      }
      case 'district': {
        const district = this.districts.byAdcode(subject.id);
        return district ? district.name : { zh: subject.id, en: subject.id };
      }
      case 'segment':
        return this.segmentNames.get(subject.id) ?? { zh: `路段 ${subject.id}`, en: `segment ${subject.id}` };
      case 'cell': {
        const venue = subject.venueId === undefined ? undefined : this.venues.get(subject.venueId);
        return venue
          ? { zh: `${venue.name.zh}网格 ${subject.id}`, en: `${venue.name.en} cell ${subject.id}` }
          : { zh: `网格 ${subject.id}`, en: `cell ${subject.id}` };
      }
      case 'sensor':
        return { zh: `监测点 ${subject.id}`, en: `station ${subject.id}` };
      case 'incident':
        return { zh: `事件 ${subject.id}`, en: `incident ${subject.id}` };
    }
  }

  /** Distance from a point to the nearest arterial segment's centre line, with that segment's id. */
  nearestArterial(lat: number, lon: number): { segmentId: string; meters: number } | undefined {
    return nearestArterialMeters(this.arterials, lat, lon);
  }
}
