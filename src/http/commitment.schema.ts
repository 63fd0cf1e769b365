/** The commitment and evidence endpoints' request schemas: validation and the OpenAPI description in one place. */
import { z } from 'zod';

const planId = z.coerce.number().int().positive().max(2_147_483_647).describe('plan id');
const isoDate = z.iso.date().describe('a date, 2025-12-31');
const note = z.string().max(2000).describe('why: kept in the history');

/** `/api/plans/:id/commitments/:position`. */
export const commitmentParams = z.object({
  id: planId,
  position: z.coerce.number().int().positive().max(100_000).describe('the commitment’s position in the plan'),
});

/** `PATCH /api/plans/:id/commitments/:position`. */
export const commitmentPatch = z
  .object({
    achieved: z
      .number()
      .min(0)
      .max(1e12)
      .optional()
      .describe('quantity achieved to date, in the commitment’s unit (the responsible unit reports it)'),
    responsibleUnit: z
      .string()
      .max(200)
      .nullable()
      .optional()
      .describe('责任单位 (needs plan.review); null or "" for none'),
    deadline: isoDate.nullable().optional().describe('the deadline (needs plan.review); null for the default'),
    note: note.nullable().optional(),
    lock: z.number().int().min(0).describe('the lock as read (0 for a commitment never tracked); 409 when stale'),
  })
  .strict();
