// Authentication in front of every page and REST call (DESIGN §7): the custom server asks this module
// first, and only requests it lets through reach Next.js. Default deny: a path is public only if listed
// below. It also serves the sign-in endpoints (login, logout, display links, the session probe).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serialize } from 'cookie';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import type { WebMetrics } from '../metrics.js';
import { SESSION_COOKIE, tokenFromHeaders, type Authenticator } from './authenticator.js';
import { AuthError, ScopeError, type Principal } from './principal.js';
import { resolveScope } from './scope.js';
import { sessionInfo } from './session-info.js';

/** Paths anyone may fetch: the sign-in page and endpoints, static bundles and fonts, public OSM map data. */
const PUBLIC_EXACT = new Set([
  '/login',
  '/api/auth/login',
  '/api/auth/logout',
  '/auth/display',
  '/api/health',
]);
const PUBLIC_PREFIXES = ['/_next/', '/geo/', '/vendor/', '/favicon'];

export function isPublicPath(path: string): boolean {
  return PUBLIC_EXACT.has(path) || PUBLIC_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** Only same-site paths may be the target of a post-login redirect (no open redirect). */
export function safeNext(next: string | null | undefined, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** The page a role lands on after signing in. */
export function homeOf(principal: Principal): string {
  if (principal.role !== 'wall') return '/duty';
  switch (principal.permitted.kind) {
    case 'city':
      return '/wall';
    case 'district':
      return `/wall/${principal.permitted.adcode}`;
    case 'agency':
      // An agency's read-only token is for its systems: the feed is its page.
      return '/api/feeds/alerts.cap';
  }
}

export interface HttpAuthDeps {
  authenticator: Authenticator;
  districts: ReadonlySet<string>;
  logger: Logger;
  metrics: WebMetrics;
  /** Mark the cookie Secure (behind TLS in cluster mode). */
  cookieSecure: boolean;
  now: () => number;
}

export interface HttpAuth {
  /** Answers the request itself (true) or lets it through to the pages (false). */
  handle(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
}

const MAX_LOGIN_BODY = 4 * 1024;

export function createHttpAuth(deps: HttpAuthDeps): HttpAuth {
  const { authenticator, districts, logger, metrics } = deps;
  // Brute force: 10 attempts per account and client address per 5 minutes.
  const loginLimiter = new RateLimiterMemory({ points: 10, duration: 300 });

  const setSession = (response: ServerResponse, token: string, expiresAt: number): void => {
    response.setHeader(
      'set-cookie',
      serialize(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: deps.cookieSecure,
        maxAge: Math.max(0, Math.floor((expiresAt - deps.now()) / 1000)),
      }),
    );
  };

  const refuse = (response: ServerResponse, status: number, reason: string, message: string): true => {
    metrics.authRefused.inc({ reason });
    response.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(
      JSON.stringify({ error: status === 401 ? 'unauthenticated' : 'forbidden', reason, message }),
    );
    return true;
  };

  const redirect = (response: ServerResponse, location: string): true => {
    response.writeHead(303, { location, 'cache-control': 'no-store' });
    response.end();
    return true;
  };

  async function login(request: IncomingMessage, response: ServerResponse): Promise<true> {
    if (request.method !== 'POST') return refuse(response, 405, 'method', 'POST user and password');
    let fields: Record<string, string>;
    try {
      fields = await readLoginBody(request);
    } catch (error) {
      return refuse(response, 400, 'malformed', (error as Error).message);
    }
    const user = fields.user ?? '';
    const password = fields.password ?? '';
    const form = !(request.headers['content-type'] ?? '').includes('json');
    const limiterKey = `${user}|${request.socket.remoteAddress ?? ''}`;
    try {
      await loginLimiter.consume(limiterKey);
    } catch {
      logger.warn({ user, reason: 'rate_limited' }, 'login refused');
      return refuse(response, 429, 'rate_limited', 'too many sign-in attempts: wait a few minutes');
    }
    try {
      const { token, principal } = await authenticator.login(user, password);
      await loginLimiter.delete(limiterKey);
      setSession(response, token, principal.expiresAt);
      const next = safeNext(fields.next, homeOf(principal));
      logger.info({ user: principal.userId, role: principal.role }, 'signed in');
      if (form) return redirect(response, next);
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      });
      response.end(JSON.stringify({ ok: true, next, session: sessionInfo(principal, principal.permitted) }));
      return true;
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      // The user name is an account id, not personal data; the password is never logged.
      logger.warn({ user, reason: error.reason }, 'login refused');
      if (form)
        return redirect(
          response,
          `/login?error=${error.reason}&next=${encodeURIComponent(fields.next ?? '')}`,
        );
      return refuse(response, 401, error.reason, error.message);
    }
  }

  async function displayLink(url: URL, response: ServerResponse): Promise<true> {
    try {
      const principal = await authenticator.authenticate(url.searchParams.get('token') ?? undefined);
      if (principal.kind !== 'display') return refuse(response, 400, 'malformed', 'not a display token');
      setSession(response, url.searchParams.get('token') ?? '', principal.expiresAt);
      logger.info({ display: principal.userId }, 'display signed in');
      return redirect(response, safeNext(url.searchParams.get('next'), homeOf(principal)));
    } catch (error) {
      if (error instanceof AuthError) return refuse(response, 401, error.reason, error.message);
      throw error;
    }
  }

  return {
    async handle(request, response) {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (path === '/api/auth/login') return login(request, response);
      if (path === '/api/auth/logout') {
        response.setHeader(
          'set-cookie',
          serialize(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: '/', maxAge: 0 }),
        );
        return redirect(response, '/login');
      }
      if (path === '/auth/display') return displayLink(url, response);
      if (isPublicPath(path)) return false;

      let principal: Principal;
      try {
        principal = await authenticator.authenticate(tokenFromHeaders(request.headers));
      } catch (error) {
        if (!(error instanceof AuthError)) throw error;
        const page = !path.startsWith('/api/') && path !== '/metrics';
        if (page) {
          metrics.authRefused.inc({ reason: error.reason });
          return redirect(
            response,
            `/login?next=${encodeURIComponent(path + url.search)}&reason=${error.reason}`,
          );
        }
        return refuse(response, 401, error.reason, error.message);
      }

      if (path === '/api/auth/session') {
        response.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
        });
        response.end(JSON.stringify(sessionInfo(principal, principal.permitted)));
        return true;
      }
      if (path === '/metrics' && principal.role !== 'admin')
        return refuse(response, 403, 'forbidden', 'metrics are for administrators');
      if (path.startsWith('/duty') && principal.role === 'wall')
        return refuse(response, 403, 'forbidden', 'a wall display cannot open the duty console');
      // The city wall is for city-wide principals; a district goes to its own wall.
      if ((path === '/wall' || path === '/wall/') && principal.permitted.kind !== 'city') {
        if (principal.permitted.kind === 'district')
          return redirect(response, `/wall/${principal.permitted.adcode}`);
        return refuse(response, 403, 'scope', 'the city wall is for city-wide accounts');
      }
      const wallScope = /^\/wall\/([^/]+)\/?$/.exec(path)?.[1];
      if (wallScope !== undefined) {
        try {
          resolveScope(principal, decodeURIComponent(wallScope), districts);
        } catch (error) {
          if (error instanceof ScopeError) return refuse(response, 403, 'scope', error.message);
          throw error;
        }
      }
      return false;
    },
  };
}

async function readLoginBody(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_LOGIN_BODY) throw new Error('sign-in request too large');
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if ((request.headers['content-type'] ?? '').includes('json')) {
    const json: unknown = JSON.parse(text);
    if (typeof json !== 'object' || json === null) throw new Error('expected a JSON object');
    return Object.fromEntries(
      Object.entries(json).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    );
  }
  return Object.fromEntries(new URLSearchParams(text));
}
