/** The plan endpoints' request schemas: they validate requests and describe them in the OpenAPI document. */
import { z } from 'zod';

const planId = z.coerce.number().int().positive().max(2_147_483_647).describe('plan id');
const regionCode = z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code');
const year = z.number().int().min(1949).max(2100);

/** A period as `2021-2025`, the way plans name it. */
const periodText = z
  .string()
  .regex(/^\d{4}-\d{4}$/, 'a period as 2021-2025')
  .transform((text) => {
    const [start, end] = text.split('-').map(Number);
    return { start: start ?? 0, end: end ?? 0 };
  });

/** `/api/plans/:id`. */
export const planParams = z.object({ id: planId });

/** `/api/plans/:id/indicators/:rowNo`. */
export const indicatorParams = z.object({ id: planId, rowNo: z.coerce.number().int().positive().max(100_000) });

/** `GET /api/plans` filters and page. */
export const planListQuery = z.object({
  status: z.enum(['draft', 'published', 'superseded']).optional(),
  region: regionCode.optional().describe('only plans of this region'),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/** The form fields beside the file in `POST /api/plans/import` (multipart/form-data). */
export const importFields = z.object({
  regionCode: regionCode.optional().describe('the region, when the title names none or the wrong one'),
  period: periodText.optional().describe('the period as 2021-2025, when the title names none'),
});

const tableValue = z
  .object({ year: year.nullable(), raw: z.string().max(200), value: z.number().nullable() })
  .partial()
  .strict();

/** `PATCH /api/plans/:id/indicators/:rowNo`: what a reviewer corrects; an empty object confirms the row as read. */
export const indicatorCorrections = z
  .object({
    category: z.string().max(200).nullable(),
    name: z.string().max(200),
    unit: z.string().max(50).nullable(),
    baseline: tableValue,
    target: tableValue
      .extend({ comparator: z.enum(['>=', '>', '<=', '<']).nullable() })
      .partial()
      .strict(),
    attribute: z.enum(['binding', 'expected']).nullable(),
    catalogueId: z.string().max(100).describe('the catalogue entry the row stands for'),
    newEntry: z
      .object({
        name: z.string().max(200),
        nameEn: z.string().max(200),
        unit: z.string().max(50),
        direction: z.enum(['increase', 'decrease', 'maintain']),
        kind: z.enum(['ratio', 'count', 'average', 'index']),
      })
      .strict()
      .describe('a new catalogue entry the row stands for, when none fits (needs catalogue.edit)'),
  })
  .partial()
  .strict();

/** `PATCH /api/plans/:id`: another region or period for a draft. */
export const planPatch = z
  .object({
    regionCode,
    period: z
      .object({ start: year, end: year })
      .strict()
      .refine((period) => period.start <= period.end, 'the period must not end before it starts'),
  })
  .partial()
  .strict()
  .refine((patch) => patch.regionCode !== undefined || patch.period !== undefined, 'give regionCode or period');
