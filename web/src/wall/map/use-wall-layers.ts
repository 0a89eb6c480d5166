'use client';
// Builds the deck.gl layers from store data. Data arrays are derived only when their source maps change,
// so a new layer object per render (deck.gl's model) never means new attributes: deck diffs by `data`.
import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { buildAlertLayers } from '../layers/alert-layers.js';
import { buildHeatLayer } from '../layers/heat-layer.js';
import { buildLabelLayer, type DistrictLabel } from '../layers/label-layer.js';
import { buildTrafficLayer, trafficData } from '../layers/traffic-layer.js';
import type { RoadGeometry } from '../../realtime/geo.js';
import { useWall } from '../store/provider.js';
import { shownAlerts, shownLive } from '../store/shown.js';
import { congestionBySegment, heatCells, sortAlerts } from '../store/selectors.js';

export interface WallLayerInputs {
  /** Layers for a given pulse phase: the animation calls this without touching React state. */
  layersAt: (phase: number) => Layer[];
  heatCellCount: number;
}

export function useWallLayers(
  roads: readonly RoadGeometry[],
  labels: readonly DistrictLabel[],
): WallLayerInputs {
  const live = useWall(shownLive);
  const alerts = useWall(shownAlerts);
  const lang = useWall((s) => s.lang);
  const visible = useWall((s) => s.layers);
  const cells = useMemo(() => heatCells(live), [live]);
  const traffic = useMemo(() => trafficData(roads, congestionBySegment(live)), [roads, live]);
  // Least severe first so the red markers draw on top.
  const markers = useMemo(() => sortAlerts(alerts.values()).reverse(), [alerts]);
  return useMemo(() => {
    const heat = buildHeatLayer(cells, visible.heat);
    const trafficLayer = buildTrafficLayer(traffic, visible.traffic);
    const labelLayer = buildLabelLayer(labels, lang);
    return {
      heatCellCount: cells.length,
      layersAt: (phase) => [
        heat,
        trafficLayer,
        labelLayer,
        ...buildAlertLayers(markers, visible.alerts, phase),
      ],
    };
  }, [cells, traffic, labels, lang, markers, visible]);
}
