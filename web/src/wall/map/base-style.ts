// The offline base map (DESIGN §6): a style object built in code from local GeoJSON. No tiles, sprites or
// glyph servers; labels are drawn by deck.gl (label-layer.ts), so the style has no symbol layers at all.
import type { StyleSpecification } from 'maplibre-gl';
import type { DistrictCollection } from '../../realtime/geo.js';

export const OSM_ATTRIBUTION = '© OpenStreetMap contributors';

export const BASE_COLORS = {
  sea: '#061226',
  land: '#0c1729',
  district: '#12233c',
  districtDimmed: '#0b1628',
  boundary: '#3f6d9f',
  focus: '#8ec5ff',
} as const;

export function buildBaseStyle(districts: DistrictCollection, focus?: string): StyleSpecification {
  const osm = { attribution: OSM_ATTRIBUTION };
  return {
    version: 8,
    name: 'citybrain-wall-dark',
    sources: {
      land: { type: 'geojson', data: '/geo/land.geojson', ...osm },
      sea: { type: 'geojson', data: '/geo/sea.geojson', ...osm },
      // DESIGN §6: demo district data, terms unclear; see public/geo/PROVENANCE.md.
      districts: { type: 'geojson', data: districts, attribution: 'Districts: DataV.GeoAtlas (demo data)' },
    },
    layers: [
      // Land colored: outside the land file's box the map shows the background, which is inland China.
      { id: 'background', type: 'background', paint: { 'background-color': BASE_COLORS.land } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': BASE_COLORS.land } },
      {
        id: 'district-fill',
        type: 'fill',
        source: 'districts',
        paint: {
          'fill-color':
            focus === undefined
              ? BASE_COLORS.district
              : ['case', ['==', ['get', 'adcode'], focus], BASE_COLORS.district, BASE_COLORS.districtDimmed],
        },
      },
      {
        id: 'district-boundary',
        type: 'line',
        source: 'districts',
        paint: { 'line-color': BASE_COLORS.boundary, 'line-width': 1.4, 'line-opacity': 0.9 },
      },
      ...(focus === undefined
        ? []
        : [
            {
              id: 'district-focus',
              type: 'line' as const,
              source: 'districts',
              filter: ['==', ['get', 'adcode'], focus] as ['==', ['get', string], string],
              paint: { 'line-color': BASE_COLORS.focus, 'line-width': 3 },
            },
          ]),
      // Above the districts: the district polygons include sea (PROVENANCE), masked here by OSM's coast.
      { id: 'sea', type: 'fill', source: 'sea', paint: { 'fill-color': BASE_COLORS.sea } },
    ],
  };
}
