// People in a crowd cell at a moment: the venue's (or shopping district's) share for the hour, scaled by
// the scenario; a surging venue follows the scenario's occupancy instead of the clock, and its node cells
// draw people from the rest of the venue so the cells still add up to the venue's total.
import type { CrowdCellSpec, VenueCrowd } from './crowd-layout.js';
import { crowdShare } from './curves.js';
import type { ScenarioState } from './scenarios.js';

/** Outside a surge even a busy holiday keeps venues below this share of capacity. */
const MAX_ORDINARY_OCCUPANCY = 0.85;
/** Shopping districts can exceed their usual evening peak on a holiday, but not without bound. */
const MAX_COMMERCIAL_SHARE = 1.3;

/** Expected people in the cell (before measurement noise). */
export function expectedCrowd(
  cell: CrowdCellSpec,
  venue: VenueCrowd | undefined,
  state: ScenarioState,
  hour: number,
): number {
  const surge = state.surge;
  if (surge !== undefined && venue !== undefined && surge.venueId === cell.venueId) {
    const pull = (1 + (cell.isNode ? surge.nodePull : 0)) / (1 + surge.nodePull * venue.nodeShare);
    return cell.peopleAtFull * surge.occupancy * pull;
  }
  const cap = cell.venueId === undefined ? MAX_COMMERCIAL_SHARE : MAX_ORDINARY_OCCUPANCY;
  return cell.peopleAtFull * Math.min(cap, crowdShare(cell.profile, hour) * state.crowdFactor);
}
