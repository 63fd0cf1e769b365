/** The health check: the server answers and says which database engine serves it. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The engines EduPlan runs on (the same names as the database layer's). */
export type DatabaseKind = 'pglite' | 'postgresql';

const healthBody = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']) });

/** GET /api/health. */
export function healthRoutes(kind: DatabaseKind): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/health',
      { schema: { tags: ['health'], summary: '健康检查 / health', response: { 200: healthBody } } },
      () => ({ status: 'ok' as const, database: kind }),
    );
    done();
  };
}
