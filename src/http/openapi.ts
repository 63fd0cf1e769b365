/** The OpenAPI description, generated from the route schemas, at /api/docs/json with its UI at /api/docs. */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** Registers the OpenAPI generator and the UI (its assets ship in the package: nothing is loaded from elsewhere). */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'EduPlan 教育规划监测评估平台 API',
        description:
          'Plans, regions and the indicator catalogue. Errors: `{ error: { code, message: { zh, en }, at } }`. ' +
          'Writes need the `eduplan_session` cookie from POST /api/auth/login.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'eduplan_session' } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
