// Percentiles for the benchmarks' printed figures: nearest-rank on the sorted values, NaN when empty.

/** The p-th percentile (0–100) of values already sorted ascending. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The p-th percentile (0–100) of values in any order (sorts a copy). */
export function percentile(values: readonly number[], p: number): number {
  return percentileOfSorted(Float64Array.from(values).sort(), p);
}
