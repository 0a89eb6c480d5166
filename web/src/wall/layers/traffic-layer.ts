// Arterial segments colored by their live congestion index; segments with no report stay grey.
import { PathLayer } from '@deck.gl/layers';
import type { RoadGeometry } from '../../realtime/geo.js';
import { congestionColor } from './colors.js';

export interface TrafficDatum {
  id: string;
  path: [number, number][];
  congestionIndex: number | undefined;
}

/** Joins the static road geometry with the live indices; called only when either changes. */
export function trafficData(
  roads: readonly RoadGeometry[],
  congestion: ReadonlyMap<string, number>,
): TrafficDatum[] {
  return roads.map((road) => ({
    id: road.id,
    path: road.polyline,
    congestionIndex: congestion.get(road.id),
  }));
}

export function buildTrafficLayer(data: readonly TrafficDatum[], visible: boolean): PathLayer<TrafficDatum> {
  return new PathLayer<TrafficDatum>({
    id: 'traffic',
    data,
    visible,
    getPath: (d) => d.path,
    getColor: (d) => congestionColor(d.congestionIndex),
    getWidth: (d) => (d.congestionIndex === undefined ? 2 : 4),
    widthUnits: 'pixels',
    widthMinPixels: 2,
    capRounded: true,
    jointRounded: true,
    pickable: false,
  });
}
