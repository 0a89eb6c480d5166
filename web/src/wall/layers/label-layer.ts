// District names drawn by deck.gl from the page's CSS font: maplibre would need Latin glyph PBFs from a
// glyph server for its own labels, and the map must work offline (DESIGN §6).
import { TextLayer } from '@deck.gl/layers';
import type { Lang } from '../store/ui-slice.js';

export interface DistrictLabel {
  adcode: string;
  name: { zh: string; en: string };
  position: [number, number];
}

export const LABEL_FONT = '"Noto Sans SC", "Noto Sans CJK SC", sans-serif';

export function buildLabelLayer(labels: readonly DistrictLabel[], lang: Lang): TextLayer<DistrictLabel> {
  return new TextLayer<DistrictLabel>({
    id: 'district-labels',
    data: labels,
    getPosition: (d) => d.position,
    getText: (d) => d.name[lang],
    // Builds the glyph atlas from the characters actually used, so Chinese names need no preset set.
    characterSet: 'auto',
    fontFamily: LABEL_FONT,
    fontWeight: 700,
    getSize: 22,
    sizeUnits: 'pixels',
    getColor: [220, 232, 255, 235],
    outlineWidth: 4,
    outlineColor: [8, 14, 28, 255],
    fontSettings: { sdf: true },
    updateTriggers: { getText: lang },
    pickable: false,
  });
}
