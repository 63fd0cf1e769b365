/** The report endpoint's request schemas. */
import { z } from 'zod';

/** `/api/plans/:id/reports/:kind`. */
export const reportParams = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647).describe('plan id'),
  kind: z
    .enum(['annual', 'midterm', 'final'])
    .describe('annual 年度监测报告, midterm 中期评估报告, final 总结评估报告'),
});

/** `GET …/reports/:kind?year=&format=`. */
export const reportQuery = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1949)
    .max(2100)
    .optional()
    .describe('required for annual; midterm defaults to the period’s third year, final to its last'),
  format: z.enum(['html', 'docx', 'pdf']).default('html').describe('html (inline), docx or pdf (attachments)'),
});

const kind = z
  .enum(['annual', 'midterm', 'final'])
  .describe('annual 年度监测报告, midterm 中期评估报告, final 总结评估报告');

/** `/api/plans/:id/report` and `/api/plans/:id/report-jobs`. */
export const planIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).describe('plan id') });

/** `GET /api/plans/:id/report?kind=&year=&format=`. */
export const reportKindQuery = reportQuery.extend({ kind });

/** `POST /api/plans/:id/report-jobs`. */
export const reportJobBody = z
  .object({
    kind,
    year: z.number().int().min(1949).max(2100).optional(),
    format: z.enum(['html', 'docx', 'pdf']).default('docx'),
  })
  .strict();
