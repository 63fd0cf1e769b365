/**
 * The health check: the server answers and says which database engine serves it. Past a load limit it answers, like
 * every route, 503 SERVER_BUSY naming the measure, its value and its limit (load-shedding.ts).
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody } from './errors.ts';

/** The engines EduPlan runs on (the same names as the database layer's). */
export type DatabaseKind = 'pglite' | 'postgresql';

const healthBody = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) });

/** GET /api/health. */
export function healthRoutes(kind: DatabaseKind): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['health'],
          summary: '健康检查 / health',
          description:
            '503 SERVER_BUSY with Retry-After while the server sheds load: error.at.field names the measure.',
          response: { 200: healthBody, 503: errorBody },
        },
      },
      () => ({ status: 'ok' as const, database: kind }),
    );
    done();
  };
}
