// The scope a REST request is answered in (DESIGN §7: enforced on the server, in the query). Until
// authentication lands every caller is a city viewer — as the Socket.IO handshake's default viewer is — so
// the scope a page asks for (`?scope=`, e.g. a district wall's own adcode) is honoured as a narrowing only;
// it can never widen what the caller may see. The authentication change replaces this one function with the
// session's permitted scope narrowed by that request (auth's resolveScope); the query modules take the
// resulting WallScope as an argument and never look at the request themselves.
import { agencyId } from '@citybrain/schemas/events';
import type { WallScope } from '../../realtime/events.js';
import type { DistrictCollection } from '../../realtime/geo.js';
import { BadRequestError } from './params.js';

export function requestScope(requested: string | undefined, districts: ReadonlySet<string>): WallScope {
  if (requested === undefined || requested === '' || requested === 'city') return { kind: 'city' };
  if (requested.startsWith('agency:')) {
    const agency = agencyId.safeParse(requested.slice('agency:'.length));
    if (!agency.success) throw new BadRequestError(`scope: unknown agency "${requested}"`);
    return { kind: 'agency', agency: agency.data };
  }
  if (!districts.has(requested)) throw new BadRequestError(`scope: unknown district "${requested}"`);
  return { kind: 'district', adcode: requested };
}

const adcodes = new WeakMap<DistrictCollection, ReadonlySet<string>>();

/** The configured districts' adcodes (computed once per collection). */
export function districtsOf(collection: DistrictCollection): ReadonlySet<string> {
  let set = adcodes.get(collection);
  if (set === undefined) {
    set = new Set(collection.features.map((feature) => feature.properties.adcode));
    adcodes.set(collection, set);
  }
  return set;
}
