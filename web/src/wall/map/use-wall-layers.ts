'use client';
// Builds the deck.gl layers from store data. Data arrays are derived only when their source maps change,
// so a new layer object per render (deck.gl's model) never means new attributes: deck diffs by `data`.
import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { buildAlertLayers } from '../layers/alert-layers.js';
import { buildHeatLayer } from '../layers/heat-layer.js';
import { buildLabelLayer, type DistrictLabel } from '../layers/label-layer.js';
import { buildSensorLayer, sensorPoints, type SensorPoint } from '../layers/sensor-layer.js';
import { buildTrafficLayer, trafficData } from '../layers/traffic-layer.js';
import type { RoadGeometry } from '../../realtime/geo.js';
import { useWall } from '../store/provider.js';
import { replayingAt, shownAlerts, shownLive } from '../store/shown.js';
import { congestionBySegment, heatCells, sortAlerts } from '../store/selectors.js';

export interface WallLayerInputs {
  /** Layers for a given pulse phase: the animation calls this without touching React state. */
  layersAt: (phase: number) => Layer[];
  heatCellCount: number;
  /** Sensors handed to the sensor layer (0 while it is off or replaying). */
  sensorCount: number;
}

const NO_SENSORS: readonly SensorPoint[] = [];

export function useWallLayers(
  roads: readonly RoadGeometry[],
  labels: readonly DistrictLabel[],
): WallLayerInputs {
  const live = useWall(shownLive);
  const alerts = useWall(shownAlerts);
  const lang = useWall((s) => s.lang);
  const visible = useWall((s) => s.layers);
  const replaying = useWall((s) => replayingAt(s) !== null);
  const cells = useMemo(() => heatCells(live), [live]);
  // Hidden during a replay: the history routes answer no per-sensor readings (a replayed picture has no
  // `sensors`), and the live sensors drawn over a past picture would pass for readings of that time.
  const sensors = useMemo(() => (replaying ? NO_SENSORS : sensorPoints(live)), [live, replaying]);
  const traffic = useMemo(() => trafficData(roads, congestionBySegment(live)), [roads, live]);
  // Least severe first so the red markers draw on top.
  const markers = useMemo(() => sortAlerts(alerts.values()).reverse(), [alerts]);
  return useMemo(() => {
    const heat = buildHeatLayer(cells, visible.heat);
    const trafficLayer = buildTrafficLayer(traffic, visible.traffic);
    const labelLayer = buildLabelLayer(labels, lang);
    const sensorLayer = buildSensorLayer(sensors, visible.sensors);
    return {
      heatCellCount: cells.length,
      sensorCount: visible.sensors ? sensors.length : 0,
      layersAt: (phase) => [
        heat,
        trafficLayer,
        sensorLayer,
        labelLayer,
        ...buildAlertLayers(markers, visible.alerts, phase),
      ],
    };
  }, [cells, traffic, sensors, labels, lang, markers, visible]);
}
