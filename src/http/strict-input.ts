/**
 * Unknown fields are refused, not ignored. A misspelt filter (`?regoin=140900`) silently dropped would answer with
 * everything in scope, and a misspelt body field (`valeu`) would store a figure without the value the person meant;
 * both must come back as a 400 that names the field. One hook makes every route's body and query strict, so a new
 * route cannot forget it, and the OpenAPI description (generated from the same schema objects) says
 * `additionalProperties: false`.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

const NO_QUERY = z.object({}).strict();

/** Registers the hook; call it before any route is registered. */
export function refuseUnknownFields(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema;
    if (schema === undefined) return;
    if (schema.body instanceof z.ZodObject) schema.body = schema.body.strict();
    if (schema.querystring instanceof z.ZodObject) schema.querystring = schema.querystring.strict();
    // A route that takes no query still refuses one: `?format=xlsx` on a JSON-only route is a mistake to say.
    else if (schema.querystring === undefined && route.url.startsWith('/api/')) schema.querystring = NO_QUERY;
  });
}
