'use client';
// MapLibre base map with a deck.gl overlay (overlaid, not interleaved: interleaving crashes with
// maplibre-gl 6, DESIGN §10). Sets `data-ready` once the base map has drawn and the overlay has rendered
// heat, the signal end-to-end tests wait for instead of sleeping; `data-drawn-heat-cells` says how many
// cells the overlay's latest render drew after a data change (a replayed picture is on screen when it
// matches `data-heat-cells`); `data-sensors` how many sensor dots the layers hold.
import { MapboxOverlay } from '@deck.gl/mapbox';
import * as maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import type { DistrictCollection, LonLatBounds, RoadGeometry } from '../../realtime/geo.js';
import type { DistrictLabel } from '../layers/label-layer.js';
import { buildBaseStyle, OSM_ATTRIBUTION } from './base-style.js';
import { useWallLayers } from './use-wall-layers.js';

const WORKER_URL = '/vendor/maplibre-gl-worker.mjs';
const PULSE_MS = 1_600;
// Software-rendered walls manage a few frames per second; a slow pulse reads the same and costs less.
const PULSE_FRAME_MS = 120;
/** The legend's height above the map's bottom edge (Legend, wall.css), plus a margin. */
const LEGEND_CLEARANCE_PX = 196;

interface MapViewProps {
  districts: DistrictCollection;
  roads: readonly RoadGeometry[];
  labels: readonly DistrictLabel[];
  bounds: LonLatBounds;
  focus?: string;
}

export function MapView({ districts, roads, labels, bounds, focus }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const overlay = useRef<MapboxOverlay | null>(null);
  const [mapDrawn, setMapDrawn] = useState(false);
  const [heatDrawn, setHeatDrawn] = useState(false);
  const [drawnCells, setDrawnCells] = useState(0);
  const { layersAt, heatCellCount, sensorCount } = useWallLayers(roads, labels);
  const layersRef = useRef(layersAt);
  // Heat cells handed to deck.gl and not yet drawn: set with new data, consumed by the next render.
  const pendingCells = useRef<number | null>(null);

  useEffect(() => {
    const element = container.current;
    if (element === null) return;
    maplibregl.setWorkerUrl(WORKER_URL);
    const map = new maplibregl.Map({
      container: element,
      style: buildBaseStyle(districts, focus),
      bounds,
      // The legend covers the map's lower-left corner: fit the city above it, not under it.
      fitBoundsOptions: { padding: { top: 24, right: 24, left: 24, bottom: LEGEND_CLEARANCE_PX } },
      attributionControl: { compact: false, customAttribution: OSM_ATTRIBUTION },
      dragRotate: false,
      pitchWithRotate: false,
      fadeDuration: 0,
    });
    const deck = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onAfterRender: () => {
        const cells = pendingCells.current;
        if (cells === null) return;
        pendingCells.current = null;
        setDrawnCells(cells);
        if (cells > 0) setHeatDrawn(true);
      },
    });
    map.addControl(deck);
    overlay.current = deck;
    map.once('idle', () => setMapDrawn(true));
    return () => {
      overlay.current = null;
      map.remove();
    };
  }, [districts, bounds, focus]);

  // New data: hand deck.gl the new layers; the heat counts as drawn after the next overlay render.
  useEffect(() => {
    layersRef.current = layersAt;
    pendingCells.current = heatCellCount;
    overlay.current?.setProps({ layers: layersAt((Date.now() % PULSE_MS) / PULSE_MS) });
  }, [layersAt, heatCellCount]);

  useEffect(() => {
    const timer = setInterval(() => {
      overlay.current?.setProps({ layers: layersRef.current((Date.now() % PULSE_MS) / PULSE_MS) });
    }, PULSE_FRAME_MS);
    return () => clearInterval(timer);
  }, []);

  return (
    <div
      ref={container}
      className="map"
      data-testid="wall-map"
      data-ready={mapDrawn && heatDrawn ? 'true' : 'false'}
      data-heat-cells={heatCellCount}
      data-drawn-heat-cells={drawnCells}
      data-sensors={sensorCount}
    />
  );
}
