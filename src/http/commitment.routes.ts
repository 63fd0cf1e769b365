/**
 * Commitments of a plan with their tracking: read by anybody for a published plan; responsible unit and deadline
 * set by the plan's reviewers; quantities achieved and evidence reported by the responsible unit. Each handler
 * parses its input, calls one CommitmentService method with the request's actor and returns what it presented.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { CommitmentService } from '../services/commitment.service.ts';
import { commitmentParams, commitmentPatch } from './commitment.schema.ts';
import { EVIDENCE_UPLOAD_DESCRIPTION, readEvidence } from './evidence.upload.ts';
import { planParams } from './plan.schema.ts';
import { viewerOf, writeContext } from './session.ts';

const tags = ['commitments'];

/** The commitment endpoints under /api/plans/:id/commitments. */
export function commitmentRoutes(commitments: CommitmentService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/plans/:id/commitments',
      {
        schema: {
          tags,
          summary: '量化承诺及进展 / commitments with their progress',
          description:
            'Every commitment the reader found, with the quantity achieved, responsible unit, deadline, status (not_started, in_progress, done, overdue, computed for today) and evidence.',
          params: planParams,
        },
      },
      (request) => commitments.list(request.params.id, viewerOf(request)),
    );

    app.patch(
      '/plans/:id/commitments/:position',
      {
        schema: {
          tags,
          summary: '更新承诺进展 / update a commitment’s tracking',
          description:
            '`responsibleUnit` and `deadline` need plan.review on the plan’s region; `achieved` needs task.update (a responsible unit: its own commitments). `lock` as read: 409 COMMITMENT_CHANGED when someone changed it first.',
          params: commitmentParams,
          body: commitmentPatch,
        },
      },
      (request) => commitments.update(request.params.id, request.params.position, request.body, writeContext(request)),
    );

    app.post(
      '/plans/:id/commitments/:position/evidence',
      {
        schema: {
          tags,
          summary: '上传佐证材料 / add evidence',
          description: EVIDENCE_UPLOAD_DESCRIPTION,
          consumes: ['multipart/form-data', 'application/json'],
          params: commitmentParams,
        },
      },
      async (request, reply) => {
        const context = writeContext(request);
        const evidence = await readEvidence(request);
        const { id, position } = request.params;
        return reply.status(201).send(await commitments.addEvidence(id, position, evidence, context));
      },
    );

    app.get(
      '/plans/:id/commitments/:position/history',
      { schema: { tags, summary: '承诺的更新记录 / a commitment’s history', params: commitmentParams } },
      async (request) => ({
        items: await commitments.history(request.params.id, request.params.position, viewerOf(request)),
      }),
    );
    done();
  };
}
