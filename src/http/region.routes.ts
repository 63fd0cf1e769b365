/** The region tree (GB/T 2260), public reference data. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { RegionService } from '../services/region.service.ts';
import { regionParams, regionQuery } from './region.schema.ts';

/** GET /api/regions?parent=CODE and GET /api/regions/:code. */
export function regionRoutes(regions: RegionService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/regions',
      { schema: { tags: ['regions'], summary: '行政区划 / regions (GB/T 2260)', querystring: regionQuery } },
      async (request) => ({ regions: await regions.listChildren(request.query.parent ?? null) }),
    );
    app.get(
      '/regions/:code',
      {
        schema: { tags: ['regions'], summary: '行政区划及其上级 / a region and those above it', params: regionParams },
      },
      async (request) => ({ region: await regions.get(request.params.code) }),
    );
    done();
  };
}
