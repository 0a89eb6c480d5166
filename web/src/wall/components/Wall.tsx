'use client';
// The wall: header across the top, KPIs left, map center, alert list right. Client-only (maplibre and
// deck.gl need a browser), loaded by WallClient.
import '../wall.css';
import type { WallScope } from '../../realtime/events.js';
import { MapView } from '../map/MapView.js';
import { WallStoreProvider } from '../store/provider.js';
import { useRealtime } from '../use-realtime.js';
import { useWallGeo } from '../use-wall-geo.js';
import { AlertList } from './AlertList.js';
import { Header } from './Header.js';
import { KpiPanel } from './KpiPanel.js';
import { Legend } from './Legend.js';
import { Stage } from './Stage.js';

function WallBody({ scope }: { scope: WallScope }) {
  useRealtime();
  const { geo, error } = useWallGeo(scope);
  const focus = scope.kind === 'district' ? scope.adcode : undefined;
  const subtitle = focus === undefined ? undefined : geo?.names.get(focus);
  return (
    <Stage>
      <Header {...(subtitle ? { subtitle } : {})} />
      <main className="wall-main">
        <aside className="wall-left">
          <KpiPanel />
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
          <AlertList districtNames={geo?.names ?? new Map()} />
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
