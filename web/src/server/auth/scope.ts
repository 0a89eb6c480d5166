// What a principal may see, enforced on the server (DESIGN §7): a district account sees its district, an
// agency account the alerts routed to its agency; city-level roles may also open any narrower view.
import { agencyId } from '@citybrain/schemas/events';
import type { WallScope } from '../../realtime/events.js';
import { type Principal, ScopeError } from './principal.js';

/** Parses a scope text: 'city', a district adcode, or 'agency:<id>'. */
export function parseScopeText(text: string, districts: ReadonlySet<string>): WallScope {
  if (text === 'city') return { kind: 'city' };
  if (text.startsWith('agency:')) {
    const parsed = agencyId.safeParse(text.slice('agency:'.length));
    if (!parsed.success) throw new ScopeError(`unknown agency scope "${text}"`);
    return { kind: 'agency', agency: parsed.data };
  }
  if (!districts.has(text)) throw new ScopeError(`unknown district scope "${text}"`);
  return { kind: 'district', adcode: text };
}

function sameScope(a: WallScope, b: WallScope): boolean {
  if (a.kind === 'district' && b.kind === 'district') return a.adcode === b.adcode;
  if (a.kind === 'agency' && b.kind === 'agency') return a.agency === b.agency;
  return a.kind === b.kind;
}

/**
 * The scope a connection or request gets: the principal's own when none is asked for; the asked one when
 * it lies within what the principal may see; otherwise a ScopeError.
 */
export function resolveScope(
  principal: Principal,
  requested: string | undefined,
  districts: ReadonlySet<string>,
): WallScope {
  if (requested === undefined || requested === '') return principal.permitted;
  const asked = parseScopeText(requested, districts);
  if (principal.permitted.kind === 'city' || sameScope(principal.permitted, asked)) return asked;
  throw new ScopeError(`${principal.userId} may not view scope "${requested}"`);
}
