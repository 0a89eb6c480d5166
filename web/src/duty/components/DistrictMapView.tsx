'use client';
// A small SVG of the city's districts with the alert's district lit and its location marked.
import type { Alert } from '@citybrain/schemas/events';
import { useMemo } from 'react';
import type { DistrictCollection } from '../../realtime/geo.js';
import { districtMap } from '../district-map.js';
import { levelColor } from './Badges.js';

const WIDTH = 400;
const HEIGHT = 250;

export function DistrictMapView({
  districts,
  alert,
}: {
  districts: DistrictCollection | undefined;
  alert: Alert;
}) {
  // Projected once per district file, not per alert.
  const map = useMemo(() => (districts ? districtMap(districts, WIDTH, HEIGHT) : undefined), [districts]);
  if (map === undefined) return <div className="district-map empty-map" />;
  const [x, y] = map.project(alert.location.lon, alert.location.lat);
  const color = levelColor(alert.level);
  return (
    <svg
      className="district-map"
      data-testid="district-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
    >
      {map.outlines.map((outline) => (
        <path
          key={outline.adcode}
          d={outline.d}
          className={outline.adcode === alert.district ? 'district-outline focus' : 'district-outline'}
        />
      ))}
      <circle
        cx={x}
        cy={y}
        r={14}
        fill="none"
        stroke={color}
        strokeWidth={2}
        opacity={0.6}
        className="map-pulse"
      />
      <circle cx={x} cy={y} r={6} fill={color} stroke="#02060e" strokeWidth={2} data-testid="map-marker" />
    </svg>
  );
}
