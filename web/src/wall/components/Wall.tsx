'use client';
// The wall: header across the top; KPIs, venues and congestion trend left; the map in the center with the
// history slider and the air-quality and agency-response panels under it; alert list and alert statistics
// right. Client-only (maplibre, deck.gl and ECharts need a browser), loaded by WallClient.
import '../wall.css';
import type { WallScope } from '../../realtime/events.js';
import type { VenueGeometry } from '../../realtime/geo.js';
import { useReplayKeys } from '../history/use-replay-keys.js';
import { useReplay } from '../history/use-replay.js';
import { MapView } from '../map/MapView.js';
import { WallStoreProvider } from '../store/provider.js';
import { useRealtime } from '../use-realtime.js';
import { useWallGeo } from '../use-wall-geo.js';
import { AgencyStatusPanel } from './AgencyStatusPanel.js';
import { AirQualityPanel } from './AirQualityPanel.js';
import { AlertList } from './AlertList.js';
import { AlertStatsPanel } from './AlertStatsPanel.js';
import { CongestionTrendPanel } from './CongestionTrendPanel.js';
import { Header } from './Header.js';
import { HistoryBar } from './HistoryBar.js';
import { KpiPanel } from './KpiPanel.js';
import { Legend } from './Legend.js';
import { ReplayOverlay } from './ReplayOverlay.js';
import { Stage } from './Stage.js';
import { VenuePanel } from './VenuePanel.js';
import { scopeDistrict } from '../../realtime/picture.js';

// Stable empties, so memoized panels do not rebuild their charts on every render before geo arrives.
const NO_VENUES: readonly VenueGeometry[] = [];
const NO_NAMES: ReadonlyMap<string, { zh: string; en: string }> = new Map();

function WallBody({ scope }: { scope: WallScope }) {
  useRealtime();
  useReplay();
  useReplayKeys();
  const { geo, error } = useWallGeo(scope);
  const focus = scopeDistrict(scope);
  const subtitle = focus === undefined ? undefined : geo?.names.get(focus);
  return (
    <Stage>
      <Header {...(subtitle ? { subtitle } : {})} districtNames={geo?.names ?? NO_NAMES} />
      <main className="wall-main">
        <aside className="wall-left">
          <KpiPanel />
          <VenuePanel venues={geo?.venues ?? NO_VENUES} />
          <CongestionTrendPanel />
        </aside>
        <div className="wall-center">
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
            <ReplayOverlay />
          </div>
          <HistoryBar />
          <div className="wall-bottom">
            <AirQualityPanel districtNames={geo?.names ?? NO_NAMES} />
            <AgencyStatusPanel />
          </div>
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
