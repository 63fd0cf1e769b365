/**
 * Who is asking: the session cookie read once per request through AccountService.authenticate, the refusal of
 * cross-site writes, and the request context services are given.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountService } from '../services/account.service.ts';
import type { UserView } from '../services/account.types.ts';
import type { ActingUser, RequestContext } from '../services/audit.ts';
import { ServiceError } from '../services/errors.ts';
import { unauthenticated } from './errors.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'eduplan_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null for the public. */
    user: UserView | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host (with port) a URL names, or null when it is not a URL. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Refuses a state-changing request whose Origin (or, without one, Referer) names another host than the Host header:
 * a page elsewhere cannot make a signed-in browser write. Requests with neither (curl, scripts) carry no cookie by
 * accident, so they pass; SameSite=Lax on the cookie is the second line.
 */
export function checkSameOrigin(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  // Browsers say where a request comes from in Sec-Fetch-Site, which a page cannot forge; 'same-site' is a
  // neighbouring subdomain (another system on the same government domain), which may not write either.
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') throw crossSite();
  const source = request.headers.origin ?? request.headers.referer;
  if (source === undefined) return;
  if (hostOf(source) !== request.headers.host) throw crossSite();
}

function crossSite(): ServiceError {
  return new ServiceError('CROSS_SITE_REQUEST', 'forbidden', {
    zh: '拒绝来自其他网站的修改请求',
    en: 'A change requested from another site is refused',
  });
}

/** Registers the per-request hooks: same-origin check for writes, then the session. */
export function registerSession(app: FastifyInstance, accounts: AccountService): void {
  app.decorateRequest('user', null);
  app.addHook('onRequest', async (request) => {
    checkSameOrigin(request);
    const token = request.cookies[SESSION_COOKIE];
    request.user = token === undefined ? null : await accounts.authenticate(token);
  });
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS, for the whole site, until the session ends. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expires: Date): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
  });
}

/** The signed-in user as services see an actor; 401 when nobody is signed in. */
export function requireUser(request: FastifyRequest): ActingUser {
  const user = request.user;
  if (user === null) throw unauthenticated();
  return { id: user.id, role: user.role, regionCode: user.regionCode };
}

/** The context of a write: the signed-in user (401 without one) and the client's address. */
export function writeContext(request: FastifyRequest): RequestContext {
  return { actor: requireUser(request), ip: request.ip };
}

/** Who reads: the signed-in user, or null for the public. */
export function viewerOf(request: FastifyRequest): ActingUser | null {
  return request.user === null ? null : requireUser(request);
}
