/** The evaluation endpoints' request schemas. */
import { z } from 'zod';

const planId = z.coerce.number().int().positive().max(2_147_483_647).describe('plan id');

/** `/api/plans/:id/progress`. */
export const progressParams = z.object({ id: planId });

/** `GET /api/plans/:id/progress?year=&region=`. */
export const progressQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1949)
    .max(2100)
    .optional()
    .describe('the year evaluated (figures up to it count); default: the latest year with any figure'),
  region: z
    .string()
    .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code')
    .optional()
    .describe('a region within the plan’s (default: the plan’s own)'),
});

/** `/api/plans/:id/indicators/:rowNo/rankings`. */
export const rankingParams = z.object({ id: planId, rowNo: z.coerce.number().int().positive().max(100_000) });

/** `GET …/rankings?year=`. */
export const rankingQuery = z.object({ year: z.coerce.number().int().min(1949).max(2100) });
