// Holt's linear (double exponential) smoothing with an optional damped trend (Gardner & McKenzie). A crowd
// filling a park or water rising at a gauge is a level plus a trend over the last few minutes; the damped
// trend keeps a short burst from being extrapolated for the whole horizon.

export interface HoltParams {
  /** Level smoothing 0..1: higher follows the latest value more closely. */
  alpha: number;
  /** Trend smoothing 0..1. */
  beta: number;
  /** Trend damping φ in (0, 1]; 1 is the plain linear trend. */
  damping: number;
}

export interface HoltFit {
  level: number;
  /** Change per step at the last observation. */
  trend: number;
  damping: number;
}

/** Fits evenly spaced values (oldest first); undefined with fewer than two points. */
export function fitHolt(
  values: readonly number[],
  { alpha, beta, damping }: HoltParams,
): HoltFit | undefined {
  if (values.length < 2) return undefined;
  let level = values[0] as number;
  let trend = (values[1] as number) - level;
  for (let i = 1; i < values.length; i++) {
    const value = values[i] as number;
    const previousLevel = level;
    level = alpha * value + (1 - alpha) * (previousLevel + damping * trend);
    trend = beta * (level - previousLevel) + (1 - beta) * damping * trend;
  }
  return { level, trend, damping };
}

/** The forecast `steps` ahead: level + (φ + φ² + … + φ^steps) · trend. */
export function forecastAt(fit: HoltFit, steps: number): number {
  const { damping: phi } = fit;
  const factor = phi === 1 ? steps : (phi * (1 - phi ** steps)) / (1 - phi);
  return fit.level + factor * fit.trend;
}

/**
 * The first whole step within `maxSteps` at which the rising forecast reaches `threshold`, with the value
 * there; undefined when it does not (a falling or flat trend never does).
 */
export function firstCrossing(
  fit: HoltFit,
  threshold: number,
  maxSteps: number,
): { steps: number; value: number } | undefined {
  if (fit.trend <= 0) return undefined;
  for (let steps = 1; steps <= maxSteps; steps++) {
    const value = forecastAt(fit, steps);
    if (value >= threshold) return { steps, value };
  }
  return undefined;
}
