// Crowd heat: one H3 res-9 hexagon per reporting cell, colored by its people count relative to the busiest
// cell on screen. A square-root scale keeps a packed venue from washing every other cell to blue.
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import type { HeatCell } from '../store/selectors.js';
import { heatColor } from './colors.js';

export function heatScale(cells: readonly HeatCell[]): number {
  let max = 0;
  for (const cell of cells) if (cell.people > max) max = cell.people;
  return max > 0 ? Math.sqrt(max) : 1;
}

export function buildHeatLayer(cells: readonly HeatCell[], visible: boolean): H3HexagonLayer<HeatCell> {
  const scale = heatScale(cells);
  return new H3HexagonLayer<HeatCell>({
    id: 'crowd-heat',
    data: cells,
    visible,
    getHexagon: (d) => d.cell,
    getFillColor: (d) => heatColor(Math.sqrt(d.people) / scale),
    // Every cell is res 9 and the city spans few degrees: one instanced hexagon shape is accurate enough
    // and far cheaper in software rendering than a polygon per cell.
    highPrecision: false,
    coverage: 0.92,
    extruded: false,
    stroked: false,
    pickable: false,
    updateTriggers: { getFillColor: scale },
  });
}
