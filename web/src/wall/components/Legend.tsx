'use client';
// Map legend and layer toggles, over the map's lower-left corner (MapView keeps the city clear of it).
import { ALERT_LEVELS } from '@citybrain/schemas/events';
import { CONGESTION_STOPS, HEAT_LEGEND, LEVEL_COLORS, cssColor } from '../layers/colors.js';
import { SENSOR_LEGEND } from '../layers/sensor-bands.js';
import { LEVEL_SHORT, TEXT } from '../i18n.js';
import { useWall } from '../store/provider.js';
import type { LayerId } from '../store/ui-slice.js';

export function Legend() {
  const lang = useWall((s) => s.lang);
  const layers = useWall((s) => s.layers);
  const toggleLayer = useWall((s) => s.toggleLayer);
  const toggle = (id: LayerId, text: { zh: string; en: string }) => (
    <button
      type="button"
      className={`layer-toggle ${layers[id] ? 'on' : 'off'}`}
      aria-pressed={layers[id]}
      onClick={() => toggleLayer(id)}
    >
      {text[lang]}
    </button>
  );
  // Each layer's toggle heads its own key, so the legend is four rows and keeps the map's south clear.
  return (
    <div className="legend">
      <div className="legend-row">
        {toggle('heat', TEXT.heat)}
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
        {toggle('traffic', TEXT.traffic)}
        {CONGESTION_STOPS.map((stop) => (
          <span key={stop.from} className="legend-item">
            <span className="legend-line" style={{ background: cssColor(stop.color) }} />
            {stop[lang]}
          </span>
        ))}
      </div>
      <div className="legend-row" data-testid="legend-sensors">
        {toggle('sensors', TEXT.sensors)}
        {/* Per family, the bands best first: the standards' names are on the air panel and in the README. */}
        {SENSOR_LEGEND.map((group) => (
          <span key={group.en} className="legend-item">
            {group[lang]}
            <span className="legend-swatches">
              {group.bands.map((band) => (
                <span
                  key={band.en}
                  className="legend-swatch"
                  title={band[lang]}
                  style={{ background: cssColor(band.color) }}
                />
              ))}
            </span>
          </span>
        ))}
      </div>
      <div className="legend-row">
        {toggle('alerts', TEXT.alertMarkers)}
        {[...ALERT_LEVELS].reverse().map((level) => (
          <span key={level} className="legend-item">
            <span className="legend-dot" style={{ background: cssColor(LEVEL_COLORS[level]) }} />
            {LEVEL_SHORT[level][lang]}
          </span>
        ))}
      </div>
    </div>
  );
}
