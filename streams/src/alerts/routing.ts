// Which agencies act on an alert (DESIGN §4), from the rules file's routing table with these defaults.
import type { AgencyId, AlertCategory } from '@citybrain/schemas/events';
import type { Subject } from '../subjects/subject.js';

export const DEFAULT_ROUTING: Readonly<Record<AlertCategory, readonly AgencyId[]>> = {
  crowd: ['police', 'urban_management', 'venue_operator'],
  traffic: ['traffic_police'],
  flood: ['water', 'emergency'],
  environment: ['environment'],
  public_safety: ['police', 'emergency'],
};

export function agenciesFor(
  category: AlertCategory,
  subject: Pick<Subject, 'venueId'>,
  routing: Partial<Record<AlertCategory, readonly AgencyId[]>>,
): AgencyId[] {
  const agencies = routing[category] ?? DEFAULT_ROUTING[category];
  // A crowd in a street has no venue operator to call.
  return agencies.filter((agency) => agency !== 'venue_operator' || subject.venueId !== undefined);
}
