/** Evidence files, served back as stored: the content type detected at upload, as an attachment, never sniffed. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { EvidenceService } from '../services/evidence.service.ts';
import { evidenceParams } from './evidence.schema.ts';
import { viewerOf } from './session.ts';

/** GET /api/evidence/:id. */
export function evidenceRoutes(evidence: EvidenceService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/evidence/:id',
      {
        schema: {
          tags: ['commitments', 'tasks'],
          summary: '下载佐证材料 / download an evidence file',
          params: evidenceParams,
        },
      },
      async (request, reply) => {
        const file = await evidence.file(request.params.id, viewerOf(request));
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .send(file.bytes);
      },
    );
    done();
  };
}
