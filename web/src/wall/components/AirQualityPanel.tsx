'use client';
// Air quality by district: AQI bars in their category colors, the city's AQI in the title.
import { useMemo } from 'react';
import { scopeDistrict } from '../../realtime/picture.js';
import { EChart } from '../charts/EChart.js';
import { airQualityOption, airRows, aqiBand, cityAqi } from '../charts/air-quality.js';
import { TEXT } from '../i18n.js';
import { useWall } from '../store/provider.js';
import { shownLive } from '../store/shown.js';

export function AirQualityPanel({
  districtNames,
}: {
  districtNames: ReadonlyMap<string, { zh: string; en: string }>;
}) {
  const lang = useWall((s) => s.lang);
  const focus = useWall((s) => scopeDistrict(s.scope));
  const live = useWall(shownLive);
  const rows = useMemo(() => airRows(live, focus), [live, focus]);
  const option = useMemo(() => {
    const name = (key: string) =>
      key === 'city' ? TEXT.cityWide[lang] : (districtNames.get(key)?.[lang] ?? key);
    return airQualityOption(rows, name, lang);
  }, [rows, districtNames, lang]);
  const city = cityAqi(live);
  const band = city === null ? undefined : aqiBand(city);
  return (
    <section className="panel chart-panel air-panel">
      <h2>
        {TEXT.airQuality[lang]}
        {band && city !== null && (
          <span className="count" data-testid="city-aqi" style={{ color: band.color }}>
            AQI {Math.round(city)} {band[lang]}
          </span>
        )}
      </h2>
      {rows.length === 0 ? (
        <p className="empty">{TEXT.noAir[lang]}</p>
      ) : (
        <EChart option={option} testId="chart-air" />
      )}
    </section>
  );
}
