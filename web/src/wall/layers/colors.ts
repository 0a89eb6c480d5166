// The wall's color language. Alert levels use China's four warning colors (blue IV … red I); congestion
// runs green → red like every traffic map the operators know.
import type { AlertLevel } from '@citybrain/schemas/events';

export type Rgba = [number, number, number, number];

export const LEVEL_COLORS: Readonly<Record<AlertLevel, Rgba>> = {
  blue: [41, 121, 255, 255],
  yellow: [255, 214, 0, 255],
  orange: [255, 145, 0, 255],
  red: [255, 23, 68, 255],
};

export function cssColor([r, g, b, a]: Rgba): string {
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(2)})`;
}

/** Congestion index (free-flow ÷ current speed): 1 flows freely, 2 moves at half speed, 3+ is jammed. */
export const CONGESTION_STOPS: readonly { from: number; color: Rgba; zh: string; en: string }[] = [
  { from: 0, color: [0, 200, 83, 230], zh: '畅通', en: 'Free flow' },
  { from: 1.5, color: [255, 214, 0, 230], zh: '缓行', en: 'Slow' },
  { from: 2, color: [255, 109, 0, 240], zh: '拥堵', en: 'Congested' },
  { from: 3, color: [213, 0, 0, 255], zh: '严重拥堵', en: 'Jammed' },
];

export const NO_DATA_COLOR: Rgba = [120, 144, 156, 110];

export function congestionColor(index: number | undefined): Rgba {
  if (index === undefined) return NO_DATA_COLOR;
  let color = NO_DATA_COLOR;
  for (const stop of CONGESTION_STOPS) if (index >= stop.from) color = stop.color;
  return color;
}

/** Heat ramp from deep blue through cyan and yellow to red; `t` in [0, 1]. */
const HEAT_RAMP: readonly Rgba[] = [
  [33, 102, 172, 90],
  [67, 147, 195, 140],
  [146, 197, 222, 170],
  [253, 219, 120, 200],
  [244, 109, 67, 220],
  [215, 25, 28, 240],
];

export function heatColor(t: number): Rgba {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const position = clamped * (HEAT_RAMP.length - 1);
  const i = Math.min(HEAT_RAMP.length - 2, Math.floor(position));
  const f = position - i;
  const a = HEAT_RAMP[i] as Rgba;
  const b = HEAT_RAMP[i + 1] as Rgba;
  return [0, 1, 2, 3].map((k) =>
    Math.round((a[k] as number) + ((b[k] as number) - (a[k] as number)) * f),
  ) as Rgba;
}

export const HEAT_LEGEND = [0, 0.25, 0.5, 0.75, 1].map((t) => heatColor(t));
