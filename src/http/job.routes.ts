/** Following a job: its stage and how far it got, and its result once done. */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { JobRunner } from '../services/jobs.ts';
import { contentDisposition } from './report.routes.ts';
import { viewerOf } from './session.ts';

const tags = ['jobs'];
const params = z.object({ id: z.uuid().describe('the job id') });

/** `GET /api/jobs/:id` and `GET /api/jobs/:id/result`. */
export function jobRoutes(jobs: JobRunner): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get('/jobs/:id', { schema: { tags, summary: '任务进度 / a job’s progress', params } }, (request) =>
      jobs.get(request.params.id, viewerOf(request)),
    );

    app.get(
      '/jobs/:id/result',
      { schema: { tags, summary: '任务结果 / a finished job’s result', params } },
      async (request, reply) => {
        const result = jobs.result(request.params.id, viewerOf(request));
        if (result.kind === 'json') return result.value;
        return reply
          .header('content-type', result.contentType)
          .header('content-disposition', contentDisposition('attachment', result))
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength));
      },
    );
    done();
  };
}
