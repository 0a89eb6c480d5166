'use client';
// Map legend and layer toggles, over the map's lower-left corner.
import { ALERT_LEVELS } from '@citybrain/schemas/events';
import { CONGESTION_STOPS, HEAT_LEGEND, LEVEL_COLORS, cssColor } from '../layers/colors.js';
import { LEVEL_NAMES, TEXT } from '../i18n.js';
import { useWall } from '../store/provider.js';
import type { LayerId } from '../store/ui-slice.js';

const TOGGLES: readonly { id: LayerId; text: { zh: string; en: string } }[] = [
  { id: 'heat', text: TEXT.heat },
  { id: 'traffic', text: TEXT.traffic },
  { id: 'alerts', text: TEXT.alertMarkers },
];

export function Legend() {
  const lang = useWall((s) => s.lang);
  const layers = useWall((s) => s.layers);
  const toggleLayer = useWall((s) => s.toggleLayer);
  return (
    <div className="legend">
      <div className="legend-row">
        {TOGGLES.map((toggle) => (
          <button
            key={toggle.id}
            type="button"
            className={`layer-toggle ${layers[toggle.id] ? 'on' : 'off'}`}
            onClick={() => toggleLayer(toggle.id)}
          >
            {toggle.text[lang]}
          </button>
        ))}
      </div>
      <div className="legend-row">
        <span className="legend-name">{TEXT.heat[lang]}</span>
        <span>{TEXT.fewer[lang]}</span>
        <span
          className="legend-ramp"
          style={{
            background: `linear-gradient(90deg, ${HEAT_LEGEND.map((c) => cssColor([c[0], c[1], c[2], 255])).join(', ')})`,
          }}
        />
        <span>{TEXT.more[lang]}</span>
      </div>
      <div className="legend-row">
        <span className="legend-name">{TEXT.traffic[lang]}</span>
        {CONGESTION_STOPS.map((stop) => (
          <span key={stop.from} className="legend-item">
            <span className="legend-line" style={{ background: cssColor(stop.color) }} />
            {stop[lang]}
          </span>
        ))}
      </div>
      <div className="legend-row">
        <span className="legend-name">{TEXT.alertMarkers[lang]}</span>
        {[...ALERT_LEVELS].reverse().map((level) => (
          <span key={level} className="legend-item">
            <span className="legend-dot" style={{ background: cssColor(LEVEL_COLORS[level]) }} />
            {LEVEL_NAMES[level][lang]}
          </span>
        ))}
      </div>
    </div>
  );
}
