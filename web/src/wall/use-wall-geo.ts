'use client';
// Loads the map's static geography once per page from the server that also knows the configured city.
import { useEffect, useState } from 'react';
import {
  boundsOf,
  type DistrictCollection,
  type LonLatBounds,
  type RoadGeometry,
  type VenueGeometry,
} from '../realtime/geo.js';
import type { WallScope } from '../realtime/events.js';
import type { DistrictLabel } from './layers/label-layer.js';
import { scopeDistrict, scopeKey } from '../realtime/picture.js';

export interface WallGeo {
  districts: DistrictCollection;
  roads: RoadGeometry[];
  /** The scope's crowd venues (a district wall shows its own). */
  venues: VenueGeometry[];
  labels: DistrictLabel[];
  names: ReadonlyMap<string, { zh: string; en: string }>;
  bounds: LonLatBounds;
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export function wallGeoOf(
  districts: DistrictCollection,
  roads: RoadGeometry[],
  venues: VenueGeometry[],
  scope: WallScope,
): WallGeo | undefined {
  const labels = districts.features.map((f) => ({
    adcode: f.properties.adcode,
    name: { zh: f.properties.name, en: f.properties.name_en },
    position: f.properties.label,
  }));
  const district = scopeDistrict(scope);
  const focus =
    district === undefined
      ? districts.features
      : districts.features.filter((f) => f.properties.adcode === district);
  const bounds = boundsOf(focus);
  if (bounds === undefined) return undefined;
  const scopedVenues = district === undefined ? venues : venues.filter((v) => v.district === district);
  return {
    districts,
    roads,
    venues: scopedVenues,
    labels,
    names: new Map(labels.map((l) => [l.adcode, l.name])),
    bounds,
  };
}

export function useWallGeo(scope: WallScope): { geo?: WallGeo; error?: string } {
  const [state, setState] = useState<{ geo?: WallGeo; error?: string }>({});
  const key = scopeKey(scope);
  useEffect(() => {
    let cancelled = false;
    Promise.all([
      getJson<DistrictCollection>('/api/geo/districts'),
      getJson<RoadGeometry[]>('/api/geo/roads'),
      getJson<VenueGeometry[]>('/api/geo/venues'),
    ])
      .then(([districts, roads, venues]) => {
        if (cancelled) return;
        const geo = wallGeoOf(districts, roads, venues, scope);
        setState(geo ? { geo } : { error: `unknown district ${key}` });
      })
      .catch((error: unknown) => {
        if (!cancelled) setState({ error: String(error) });
      });
    return () => {
      cancelled = true;
    };
    // The scope object is recreated per render; its key is what identifies it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state;
}
