'use client';
// The wall: header across the top, KPIs, venues and congestion trend left, map center, alert list and
// alert statistics right. Client-only (maplibre, deck.gl and ECharts need a browser), loaded by WallClient.
import '../wall.css';
import type { WallScope } from '../../realtime/events.js';
import type { VenueGeometry } from '../../realtime/geo.js';
import { MapView } from '../map/MapView.js';
import { WallStoreProvider } from '../store/provider.js';
import { useRealtime } from '../use-realtime.js';
import { useWallGeo } from '../use-wall-geo.js';
import { AlertList } from './AlertList.js';
import { AlertStatsPanel } from './AlertStatsPanel.js';
import { CongestionTrendPanel } from './CongestionTrendPanel.js';
import { Header } from './Header.js';
import { KpiPanel } from './KpiPanel.js';
import { Legend } from './Legend.js';
import { Stage } from './Stage.js';
import { VenuePanel } from './VenuePanel.js';
import { scopeDistrict } from '../../realtime/picture.js';

// Stable empties, so memoized panels do not rebuild their charts on every render before geo arrives.
const NO_VENUES: readonly VenueGeometry[] = [];
const NO_NAMES: ReadonlyMap<string, { zh: string; en: string }> = new Map();

function WallBody({ scope }: { scope: WallScope }) {
  useRealtime();
  const { geo, error } = useWallGeo(scope);
  const focus = scopeDistrict(scope);
  const subtitle = focus === undefined ? undefined : geo?.names.get(focus);
  return (
    <Stage>
      <Header {...(subtitle ? { subtitle } : {})} />
      <main className="wall-main">
        <aside className="wall-left">
          <KpiPanel />
          <VenuePanel venues={geo?.venues ?? NO_VENUES} />
          <CongestionTrendPanel />
        </aside>
        <div className="wall-map">
          {geo && (
            <MapView
              districts={geo.districts}
              roads={geo.roads}
              labels={geo.labels}
              bounds={geo.bounds}
              {...(focus !== undefined ? { focus } : {})}
            />
          )}
          {error && <p className="map-error">{error}</p>}
          <Legend />
        </div>
        <aside className="wall-right">
          <AlertList districtNames={geo?.names ?? NO_NAMES} />
          <AlertStatsPanel districtNames={geo?.names ?? NO_NAMES} />
        </aside>
      </main>
    </Stage>
  );
}

export default function Wall({ scope }: { scope: WallScope }) {
  return (
    <WallStoreProvider scope={scope}>
      <WallBody scope={scope} />
    </WallStoreProvider>
  );
}
