/** 规划实施清单 and the responsible units' 红黑榜: as JSON, or as the workbook a planning office files. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checklistXlsx } from '../reports/checklist-xlsx.ts';
import { planChecklist } from '../services/checklist.service.ts';
import type { CommitmentService } from '../services/commitment.service.ts';
import type { PlanService } from '../services/plan.service.ts';
import type { TaskQueries } from '../services/task.queries.ts';
import { viewerOf } from './session.ts';

const tags = ['tracking'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const params = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647).describe('plan id') });
const query = z.object({ format: z.enum(['json', 'xlsx']).optional().describe('json (default) or xlsx') });

/** `GET /api/plans/:id/checklist`. */
export function checklistRoutes(
  plans: PlanService,
  commitments: CommitmentService,
  tasks: TaskQueries,
): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/plans/:id/checklist',
      {
        schema: {
          tags,
          summary: '规划实施清单与责任单位红黑榜 / the implementation checklist and the units’ lists',
          description:
            'Every commitment and confirmed task with its unit, deadline and status; `format=xlsx` for the workbook.',
          params,
          querystring: query,
        },
      },
      async (request, reply) => {
        const viewer = viewerOf(request);
        const checklist = await planChecklist(commitments, tasks, request.params.id, viewer);
        if (request.query.format !== 'xlsx') return checklist;
        const plan = await plans.getPlan(request.params.id, viewer);
        const bytes = await checklistXlsx({
          title: `${plan.title ?? `规划 #${String(plan.id)}`} 实施清单`,
          today: checklist.today,
          rows: checklist.rows,
          units: checklist.units,
          generatedAt: new Date(),
        });
        const name = `${plan.region.code}-${plan.region.name ?? ''}-实施清单-${checklist.today}.xlsx`;
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(Buffer.from(bytes));
      },
    );
    done();
  };
}
