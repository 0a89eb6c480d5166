// Every REST handler answers for a proven caller in its scope (DESIGN §7): the principal comes from the
// session cookie or Bearer token (the custom server's gate has already refused anonymous calls; this is the
// second lock), and the scope from the principal — a `scope` query parameter may only narrow it.
import type { WallScope } from '../../realtime/events.js';
import { AuthError, ScopeError, type Principal } from '../auth/principal.js';
import { resolveScope } from '../auth/scope.js';
import { webRuntime } from '../runtime.js';
import { BadRequestError } from './params.js';

export interface Caller {
  principal: Principal;
  scope: WallScope;
}

/**
 * Resolves the caller and runs `body`; a refused caller is a 401 or 403 naming the reason, a bad parameter a
 * 400. For handlers that answer in their own format (the CAP feed's XML).
 */
export async function respondFor(
  request: Request,
  body: (caller: Caller) => Promise<Response> | Response,
): Promise<Response> {
  const runtime = webRuntime();
  try {
    const principal = await runtime.principalOf(request);
    const requested = new URL(request.url).searchParams.get('scope') ?? undefined;
    const scope = resolveScope(principal, requested, runtime.districtCodes);
    return await body({ principal, scope });
  } catch (error) {
    if (error instanceof AuthError)
      return Response.json(
        { error: 'unauthenticated', reason: error.reason, message: error.message },
        { status: 401 },
      );
    if (error instanceof ScopeError)
      return Response.json({ error: 'forbidden', reason: 'scope', message: error.message }, { status: 403 });
    if (error instanceof BadRequestError) return Response.json({ error: error.message }, { status: 400 });
    throw error;
  }
}

/** respondFor with the body's result as JSON. */
export function answerFor(request: Request, body: (caller: Caller) => Promise<unknown>): Promise<Response> {
  return respondFor(request, async (caller) =>
    Response.json(await body(caller), { headers: { 'cache-control': 'no-store' } }),
  );
}

/**
 * The district a query is limited to: the scope's own for a district caller (asking for another one is a
 * ScopeError, not an empty answer, so a crafted request learns it was refused); the requested one, if any,
 * for city and agency callers.
 */
export function districtFilter(scope: WallScope, requested: string | undefined): string | undefined {
  if (scope.kind !== 'district') return requested;
  if (requested !== undefined && requested !== scope.adcode)
    throw new ScopeError(`district ${scope.adcode} may not query district ${requested}`);
  return scope.adcode;
}
