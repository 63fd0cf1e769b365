/** The indicator catalogue, public reference data. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { CatalogueService } from '../services/catalogue.service.ts';

/** GET /api/indicators. */
export function indicatorRoutes(catalogue: CatalogueService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/indicators',
      { schema: { tags: ['indicators'], summary: '指标目录 / indicator catalogue' } },
      async () => ({
        indicators: await catalogue.listIndicators(),
      }),
    );
    done();
  };
}
