/** The next plan's draft target table: JSON, or the workbook and the Word table planners edit. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nextPlanDocx, nextPlanTitle, nextPlanXlsx } from '../reports/next-plan.ts';
import type { NextPlanService } from '../services/next-plan.service.ts';
import { viewerOf } from './session.ts';

const tags = ['evaluation'];
const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

const params = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).describe('plan id') });
const query = z.object({
  format: z.enum(['json', 'xlsx', 'docx']).optional().describe('json (default), xlsx or docx'),
});

/** `GET /api/plans/:id/next-plan`. */
export function nextPlanRoutes(nextPlan: NextPlanService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/plans/:id/next-plan',
      {
        schema: {
          tags,
          summary: '下一期规划主要指标草案 / the next plan’s draft target table',
          description:
            'Each indicator with the current plan’s last-year figure as the new baseline, the parent region’s new target where published, and the trend projection; `format=xlsx|docx` for the files planners edit.',
          params,
          querystring: query,
        },
      },
      async (request, reply) => {
        const draft = await nextPlan.draft(request.params.id, viewerOf(request));
        const format = request.query.format ?? 'json';
        if (format === 'json') return draft;
        const bytes = format === 'xlsx' ? await nextPlanXlsx(draft, new Date()) : await nextPlanDocx(draft);
        const name = `${draft.region.code}-${nextPlanTitle(draft)}.${format}`;
        return reply
          .header('content-type', TYPES[format])
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(Buffer.from(bytes));
      },
    );
    done();
  };
}
