/** Six decimals of a degree are ~0.1 m: more digits would only be float noise on the wire. */
export function roundCoordinate(degrees: number): number {
  return Math.round(degrees * 1e6) / 1e6;
}
