/** The user-management endpoints' request schemas: validation and the OpenAPI description in one place. */
import { z } from 'zod';
import { ACCOUNT_ROLES } from '../domain/access.ts';

const regionCode = z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code');
const role = z.enum(ACCOUNT_ROLES);
const displayName = z.string().max(100).describe('the name shown in the header: 定襄县教育局');
const unitName = z.string().max(200).nullable().describe('责任单位: the department’s name; null for other roles');

/** `/api/users/:id`. */
export const userParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

/** `GET /api/users`. */
export const userListQuery = z.object({
  region: regionCode.optional().describe('accounts of this region and below (default: the manager’s region)'),
  role: role.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .describe('true: active accounts only; false: deactivated ones only'),
});

/** `POST /api/users`: the password is generated and answered once. */
export const userCreateBody = z
  .object({
    username: z.string().max(64).describe('3-64 letters, digits, Chinese characters or . _ @ -; unique in any case'),
    displayName,
    role,
    regionCode: regionCode.nullable().describe('its level must fit the role; null only for system_admin'),
    unitName: unitName.optional(),
  })
  .strict();

/** `PATCH /api/users/:id`: only the fields sent change. */
export const userPatchBody = z
  .object({
    displayName: displayName.optional(),
    unitName: unitName.optional(),
    active: z.boolean().optional().describe('false deactivates the account and ends its sessions'),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'nothing to change');
