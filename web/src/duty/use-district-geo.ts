'use client';
// The configured city's districts, once per page: outlines for the detail map, names for rows and filters.
import { useEffect, useState } from 'react';
import type { DistrictCollection } from '../realtime/geo.js';
import type { Bilingual } from './i18n.js';

export interface DistrictGeo {
  collection: DistrictCollection;
  /** adcode → name, in the file's order (the filter's order). */
  names: ReadonlyMap<string, Bilingual>;
}

export function districtGeoOf(collection: DistrictCollection): DistrictGeo {
  return {
    collection,
    names: new Map(
      collection.features.map((f) => [
        f.properties.adcode,
        { zh: f.properties.name, en: f.properties.name_en },
      ]),
    ),
  };
}

export function useDistrictGeo(): DistrictGeo | undefined {
  const [geo, setGeo] = useState<DistrictGeo>();
  useEffect(() => {
    const controller = new AbortController();
    fetch('/api/geo/districts', { signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(`/api/geo/districts: HTTP ${response.status}`);
        setGeo(districtGeoOf((await response.json()) as DistrictCollection));
      })
      // Rows then show adcodes and the map stays empty; the queue and actions work without it.
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  return geo;
}
