/**
 * User management (用户管理) for the administrators of a region and the installation's administrator: the accounts in
 * their region and below, new accounts with a generated password answered once, changes, deactivation, password
 * resets and sign-out everywhere. Each handler parses its input and calls one AccountService method.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { AccountService } from '../services/account.service.ts';
import { requireUser, writeContext } from './session.ts';
import { userCreateBody, userListQuery, userParams, userPatchBody } from './user.schema.ts';

const tags = ['users'];

// An answer that carries a password must not stay in any cache on the way.
const noStore = (reply: FastifyReply): FastifyReply => reply.header('cache-control', 'no-store');

/** The endpoints under /api/users. */
export function userRoutes(accounts: AccountService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/users',
      {
        schema: {
          tags,
          summary: '用户列表 / accounts',
          description:
            'The accounts of the manager’s region and below (the system administrator: all), with region names; never a password hash or a session. Needs user.manage.',
          querystring: userListQuery,
        },
      },
      async (request) => ({ items: await accounts.listUsers(request.query, requireUser(request)) }),
    );

    app.get(
      '/users/grants',
      {
        schema: {
          tags,
          summary: '可授予的角色 / what a manager may grant',
          description: 'The roles the signed-in manager may give, each with its region level, and their region.',
        },
      },
      (request) => accounts.userGrants(requireUser(request)),
    );

    app.post(
      '/users',
      {
        schema: {
          tags,
          summary: '新建用户 / create an account',
          description:
            'Answers 201 with `generatedPassword`, shown this once and stored only as a hash. 403 when the role is above what the manager may grant or the region is outside theirs; 409 USERNAME_TAKEN; 400 with the field when the region’s level does not fit the role.',
          body: userCreateBody,
        },
      },
      async (request, reply) => {
        const { user, generatedPassword } = await accounts.createUser(request.body, writeContext(request));
        return noStore(reply).status(201).send({ user, generatedPassword });
      },
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: '修改用户 / change an account',
          description:
            'displayName, unitName, active; deactivating ends the account’s sessions. Nobody deactivates themselves.',
          params: userParams,
          body: userPatchBody,
        },
      },
      async (request) => ({ user: await accounts.updateUser(request.params.id, request.body, writeContext(request)) }),
    );

    app.post(
      '/users/:id/reset-password',
      {
        schema: {
          tags,
          summary: '重置密码 / reset the password',
          description: 'A new generated password, answered this once; the account’s sessions end.',
          params: userParams,
        },
      },
      async (request, reply) =>
        noStore(reply).send(await accounts.resetPassword(request.params.id, writeContext(request))),
    );

    app.post(
      '/users/:id/sign-out-everywhere',
      {
        schema: {
          tags,
          summary: '全部下线 / end every session',
          description: 'For the account itself or its managers; answers how many sessions ended.',
          params: userParams,
        },
      },
      async (request) => ({ revoked: await accounts.signOutEverywhere(request.params.id, writeContext(request)) }),
    );
    done();
  };
}
