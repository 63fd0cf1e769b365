/**
 * Plans: public reads, and import, review and publish for signed-in users. Each handler parses its input with the
 * schemas, calls one PlanService method with the request's actor, and returns what the service presented.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { PlanService } from '../services/plan.service.ts';
import { requestInvalid } from './errors.ts';
import {
  importFields,
  indicatorCorrections,
  indicatorParams,
  planListQuery,
  planParams,
  planPatch,
} from './plan.schema.ts';
import { viewerOf, writeContext } from './session.ts';
import { readUpload } from './upload.ts';

const tags = ['plans'];

/** The plan endpoints under /api/plans. */
export function planRoutes(plans: PlanService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/plans',
      { schema: { tags, summary: '规划列表 / list plans', querystring: planListQuery } },
      async (request) => {
        const { region, ...page } = request.query;
        const query = region === undefined ? page : { ...page, regionCode: region };
        return { plans: await plans.listPlans(query, viewerOf(request)) };
      },
    );

    app.get(
      '/plans/:id',
      { schema: { tags, summary: '规划详情 / a plan with its lines', params: planParams } },
      (request) => plans.getPlan(request.params.id, viewerOf(request)),
    );

    app.get(
      '/plans/:id/source',
      { schema: { tags, summary: '规划原文 / the source text', params: planParams } },
      (request) => plans.getSource(request.params.id, viewerOf(request)),
    );

    app.get(
      '/plans/:id/alignment',
      { schema: { tags, summary: '与上级规划对标 / alignment', params: planParams } },
      (request) => plans.alignment(request.params.id, viewerOf(request)),
    );

    app.post(
      '/plans/import',
      {
        schema: {
          tags,
          summary: '导入规划文件 / import a plan document',
          description:
            'multipart/form-data: `file` (.txt .md .docx .pdf), optional `regionCode` (six digits) and `period` (2021-2025). 201 when stored, 200 when the same file was already stored.',
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const context = writeContext(request);
        const { file, bytes, fields } = await readUpload(request);
        const parsed = importFields.safeParse(fields);
        if (!parsed.success) {
          const [issue] = parsed.error.issues;
          throw requestInvalid(String(issue?.path[0] ?? ''), issue?.message ?? 'invalid field');
        }
        const result = await plans.importDocument({ bytes, fileName: file.filename, ...parsed.data }, context);
        return reply.status(result.created ? 201 : 200).send(result);
      },
    );

    app.patch(
      '/plans/:id/indicators/:rowNo',
      {
        schema: {
          tags,
          summary: '审核指标行 / review an indicator row',
          params: indicatorParams,
          body: indicatorCorrections,
        },
      },
      (request) => plans.reviewIndicator(request.params.id, request.params.rowNo, request.body, writeContext(request)),
    );

    app.patch(
      '/plans/:id',
      { schema: { tags, summary: '更正地区或期限 / set region or period', params: planParams, body: planPatch } },
      async (request) => {
        const context = writeContext(request);
        const { regionCode, period } = request.body;
        let plan = regionCode === undefined ? undefined : await plans.setRegion(request.params.id, regionCode, context);
        if (period !== undefined) plan = await plans.setPeriod(request.params.id, period, context);
        return plan;
      },
    );

    app.post(
      '/plans/:id/publish',
      { schema: { tags, summary: '发布 / publish a draft', params: planParams } },
      (request) => plans.publish(request.params.id, writeContext(request)),
    );
    done();
  };
}
