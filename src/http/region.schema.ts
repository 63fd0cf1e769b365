/** The region endpoint's query, shared by validation and the OpenAPI document. */
import { z } from 'zod';

/** `GET /api/regions?parent=CODE`; without parent, the provinces. */
export const regionQuery = z.object({
  parent: z
    .string()
    .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code')
    .optional()
    .describe('the region whose direct children to list'),
});

/** `GET /api/regions/:code`. */
export const regionParams = z.object({
  code: z
    .string()
    .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code')
    .describe('the region'),
});
