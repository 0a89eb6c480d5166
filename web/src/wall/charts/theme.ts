// The charts' look, shared: the wall's dark palette and type sizes read from ~5 m (≥ 18 px at 1080p, 20 px for names).
export const CHART_TEXT = '#e3ecff';
export const CHART_MUTED = '#9fb4d6';
export const CHART_GRID = '#1d3a66';
export const CHART_FONT = '"Noto Sans SC", "Microsoft YaHei", sans-serif';
export const CHART_FONT_SIZE = 20;

/** Every option starts here: transparent on the panel, no animation loops stealing the software renderer. */
export const CHART_BASE = {
  backgroundColor: 'transparent',
  animationDuration: 300,
  animationDurationUpdate: 300,
  textStyle: { color: CHART_TEXT, fontFamily: CHART_FONT, fontSize: CHART_FONT_SIZE },
} as const;

export function axisLine() {
  return { lineStyle: { color: CHART_GRID } };
}

export function splitLine() {
  return { lineStyle: { color: CHART_GRID, type: 'dashed' as const } };
}
