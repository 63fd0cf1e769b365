/** The monitoring-data endpoints' request schemas: validation and the OpenAPI description in one place. */
import { z } from 'zod';

const regionCode = z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code');
const year = z.coerce.number().int().min(1949).max(2100);
const observationId = z.coerce.number().int().positive().max(2_147_483_647);
const text = (max: number) => z.string().max(max).nullable().optional();

/** `GET /api/observations`. */
export const observationListQuery = z.object({
  region: regionCode.optional().describe('only figures of this region'),
  indicator: z.string().min(1).max(200).optional().describe('an indicator or data element id, or its name'),
  year: year.optional(),
  status: z.enum(['draft', 'submitted', 'approved', 'published']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

/** One figure of `POST /api/observations`. */
const reportedFigure = z
  .object({
    region: z.string().min(1).max(50).describe('a six-digit code or a region name'),
    indicator: z.string().min(1).max(200).describe('an indicator or data element id, or its name'),
    year: z.number().int(),
    value: z.number().describe('in the indicator’s unit, or in `unit`'),
    unit: text(20),
    qualifier: z.enum(['exact', 'at_least']).nullable().optional(),
    source: text(2000),
    quote: text(2000),
    note: text(2000),
    comment: text(2000).describe('变动说明: why the figure moved more than the jump threshold'),
    reason: text(2000).describe('更正原因: required to change an approved or published figure'),
  })
  .strict();

/** `POST /api/observations`: a batch, stored whole or not at all. */
export const reportBody = z
  .object({
    items: z.array(reportedFigure).min(1).max(10_000),
    submit: z.boolean().optional().describe('submit for review at once (default: keep as drafts)'),
  })
  .strict();

/** The form fields beside the file in `POST /api/observations/import`. */
export const importFields = z.object({
  submit: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});

/** `/api/observations/:id`. */
export const observationParams = z.object({ id: observationId });

/** `/api/observations/:id/:step`. */
export const stepParams = z.object({ id: observationId, step: z.enum(['submit', 'approve', 'return', 'publish']) });

/** A single workflow step: the lock read, and the reason (required to return). */
export const stepBody = z
  .object({ lock: z.number().int().positive(), reason: z.string().max(2000).optional() })
  .strict();

/** `POST /api/observations/workflow`: one step on many figures, all or none. */
export const workflowBody = z
  .object({
    action: z.enum(['submit', 'approve', 'return', 'publish']),
    items: z
      .array(z.object({ id: observationId, lock: z.number().int().positive() }).strict())
      .min(1)
      .max(10_000),
    reason: z.string().max(2000).optional(),
  })
  .strict();

/** `GET /api/aggregates`. */
export const aggregateQuery = z.object({
  region: regionCode,
  year,
  indicator: z.string().min(1).max(200).optional(),
});

/** `GET /api/datasets` and `GET /api/templates`. */
export const regionYearQuery = z.object({ region: regionCode, year });
