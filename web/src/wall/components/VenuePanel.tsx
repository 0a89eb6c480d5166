'use client';
// People in the scope's key venues against their capacity.
import { useMemo } from 'react';
import type { VenueGeometry } from '../../realtime/geo.js';
import { EChart } from '../charts/EChart.js';
import { venueOccupancy, venueOccupancyOption } from '../charts/venue-occupancy.js';
import { TEXT } from '../i18n.js';
import { useWall } from '../store/provider.js';
import { shownLive } from '../store/shown.js';

export function VenuePanel({ venues }: { venues: readonly VenueGeometry[] }) {
  const lang = useWall((s) => s.lang);
  const live = useWall(shownLive);
  const option = useMemo(
    () => venueOccupancyOption(venueOccupancy(venues, live), lang),
    [venues, live, lang],
  );
  return (
    <section className="panel chart-panel venue-panel">
      <h2>{TEXT.venues[lang]}</h2>
      {venues.length === 0 ? (
        <p className="empty">{TEXT.noVenues[lang]}</p>
      ) : (
        <EChart option={option} testId="chart-venues" />
      )}
    </section>
  );
}
