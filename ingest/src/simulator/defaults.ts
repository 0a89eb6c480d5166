// Defaults and limits shared by the in-process API (index.ts) and the CLI (config.ts).

/** Real time: the wall shows "live" data. */
export const DEFAULT_SPEED = 1;
/** Lively on a wall, light on ingest and ClickHouse (DESIGN §11: ingest sustains ~100k rows/s). */
export const DEFAULT_RATE = 1_000;
/** An hour per second is already faster than anyone can watch. */
export const MAX_SPEED = 3_600;
export const MAX_RATE = 200_000;
/** Run ids end up inside incident ids (at most 64 characters) as `${runId}-inc-${n}`. */
export const RUN_ID_PATTERN = /^[A-Za-z0-9_.-]{1,40}$/;
