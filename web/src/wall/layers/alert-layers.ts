// Alert markers: a solid dot per alert and a pulsing ring around it. The pulse changes only `radiusScale`
// and `opacity` (uniforms), so animating it never recomputes attributes or reallocates buffers.
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Alert } from '@citybrain/schemas/events';
import { levelRank } from '@citybrain/schemas/events';
import { LEVEL_COLORS } from './colors.js';

/** Severe alerts draw bigger: a red marker must be found from across the room. */
export function markerRadiusPx(alert: Alert): number {
  return 9 + levelRank(alert.level) * 3;
}

/** Pulse phase in [0, 1) → ring scale 1..3.5 and fading opacity. */
export function pulseAt(phase: number): { radiusScale: number; opacity: number } {
  const p = phase - Math.floor(phase);
  return { radiusScale: 1 + 2.5 * p, opacity: 0.9 * (1 - p) };
}

export function buildAlertLayers(
  alerts: readonly Alert[],
  visible: boolean,
  phase: number,
): [ScatterplotLayer<Alert>, ScatterplotLayer<Alert>] {
  const pulse = pulseAt(phase);
  const common = {
    data: alerts,
    visible,
    getPosition: (a: Alert): [number, number] => [a.location.lon, a.location.lat],
    getRadius: markerRadiusPx,
    radiusUnits: 'pixels' as const,
    pickable: false,
  };
  return [
    new ScatterplotLayer<Alert>({
      ...common,
      id: 'alert-pulse',
      stroked: true,
      filled: false,
      getLineColor: (a) => LEVEL_COLORS[a.level],
      lineWidthUnits: 'pixels',
      getLineWidth: 3,
      radiusScale: pulse.radiusScale,
      opacity: pulse.opacity,
    }),
    new ScatterplotLayer<Alert>({
      ...common,
      id: 'alert-dot',
      stroked: true,
      filled: true,
      getFillColor: (a) => LEVEL_COLORS[a.level],
      getLineColor: [255, 255, 255, 230],
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
  ];
}
