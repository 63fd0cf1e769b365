/** Sign-in, sign-out and the signed-in user, with the session in an HttpOnly cookie. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AccountService } from '../services/account.service.ts';
import { ServiceError } from '../services/errors.ts';
import { loginBody, passwordChangeBody } from './auth.schema.ts';
import { unauthenticated } from './errors.ts';
import { clearSessionCookie, requireUser, SESSION_COOKIE, setSessionCookie } from './session.ts';

const tags = ['auth'];

/** Sign-ins allowed per client address and minute, before the per-username lockout even counts. */
export const LOGIN_RATE_PER_MINUTE = 10;

const tooManySignIns = () =>
  new ServiceError('RATE_LIMITED', 'rate-limited', {
    zh: '登录请求过于频繁，请一分钟后再试',
    en: 'Too many sign-in requests: try again in a minute',
  });

/** The endpoints under /api/auth, and /api/me. */
export function authRoutes(accounts: AccountService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.post(
      '/auth/login',
      {
        schema: { tags, summary: '登录 / sign in', body: loginBody },
        config: {
          rateLimit: {
            max: LOGIN_RATE_PER_MINUTE,
            timeWindow: '1 minute',
            errorResponseBuilder: tooManySignIns,
          },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const previous = request.cookies[SESSION_COOKIE];
        const signedIn = await accounts.signIn(username, password, request.ip, previous);
        setSessionCookie(request, reply, signedIn.token, signedIn.expiresAt);
        return { user: signedIn.user, expiresAt: signedIn.expiresAt.toISOString() };
      },
    );

    app.post('/auth/logout', { schema: { tags, summary: '退出 / sign out' } }, async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token !== undefined) await accounts.signOut(token, request.ip);
      clearSessionCookie(request, reply);
      return reply.status(204).send();
    });

    app.post(
      '/me/password',
      {
        schema: {
          tags,
          summary: '修改密码 / change my password',
          description:
            'The current password and a new one (password rules apply); every session of the account ends, this one ' +
            'too, so the person signs in again with the new password.',
          body: passwordChangeBody,
        },
        // Guessing the current password through a borrowed session is as slow as guessing it at sign-in.
        config: {
          rateLimit: { max: LOGIN_RATE_PER_MINUTE, timeWindow: '1 minute', errorResponseBuilder: tooManySignIns },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const { currentPassword, newPassword } = request.body;
        await accounts.changeOwnPassword(user.id, currentPassword, newPassword, { actor: user, ip: request.ip });
        clearSessionCookie(request, reply);
        return reply.status(204).send();
      },
    );

    app.get('/me', { schema: { tags, summary: '当前用户 / the signed-in user' } }, (request) => {
      if (request.user === null) throw unauthenticated();
      return { user: request.user };
    });
    done();
  };
}
