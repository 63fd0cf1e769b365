/**
 * Evaluation: each indicator's progress status with its explanation, for a plan, region and year, and the regions
 * below ranked on an indicator. Reads only: published figures for everybody, approved ones too for readers in scope.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { EvaluationService } from '../services/evaluation.service.ts';
import { progressParams, progressQuery, rankingParams, rankingQuery } from './evaluation.schema.ts';
import { viewerOf } from './session.ts';

const tags = ['evaluation'];

/** The evaluation endpoints. */
export function evaluationRoutes(evaluation: EvaluationService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/plans/:id/progress',
      {
        schema: {
          tags,
          summary: '规划指标进展 / progress of every indicator',
          description:
            'Each indicator’s status (已实现, 快于预期, 基本符合预期, 进度滞后, 严重滞后, 出现倒退, 数据不足), red-line warnings for binding indicators, and the numbers, formula and projection that explain it.',
          params: progressParams,
          querystring: progressQuery,
        },
      },
      (request) =>
        evaluation.planProgress(request.params.id, request.query.year, request.query.region, viewerOf(request)),
    );

    app.get(
      '/plans/:id/indicators/:rowNo/rankings',
      {
        schema: {
          tags,
          summary: '下级地区排名 / the regions below ranked on an indicator',
          description: 'Competition ranking (1, 2, 2, 4), with each region’s rank the year before (位次前移).',
          params: rankingParams,
          querystring: rankingQuery,
        },
      },
      (request) => evaluation.rankings(request.params.id, request.params.rowNo, request.query.year, viewerOf(request)),
    );
    app.get(
      '/plans/:id/region-lists',
      {
        schema: {
          tags,
          summary: '红黑榜 / leading and lagging regions',
          description: 'The regions below the plan’s, on its indicators, by the rule returned with the lists.',
          params: progressParams,
          querystring: rankingQuery,
        },
      },
      (request) => evaluation.regionLists(request.params.id, request.query.year, viewerOf(request)),
    );
    done();
  };
}
