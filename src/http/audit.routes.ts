/** `GET /api/audit`: who did what, when and from where, for readers with audit.read. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditLogService } from '../services/audit-log.service.ts';
import { requireUser } from './session.ts';

const query = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/, 'a six-digit GB/T 2260 code')
    .optional()
    .describe('entries of this region and below'),
  entity: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  before: z.string().regex(/^\d+$/, 'an entry id').optional().describe('entries older than this id (paging)'),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export function auditRoutes(audit: AuditLogService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: '审计日志 / the audit log',
          description: 'Newest first; `next` is the `before` of the next page. Needs audit.read on the region.',
          querystring: query,
        },
      },
      (request) => audit.list(request.query, requireUser(request)),
    );
    done();
  };
}
