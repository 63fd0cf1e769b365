/**
 * Tasks (分工方案): suggestions from a plan's headings, confirmation by the plan's reviewers, progress and evidence
 * from the responsible units, history, and the overdue and due-soon lists. Each handler parses its input, calls one
 * service method with the request's actor and returns what the service presented.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { TaskQueries } from '../services/task.queries.ts';
import type { TaskService } from '../services/task.service.ts';
import { EVIDENCE_UPLOAD_DESCRIPTION, readEvidence } from './evidence.upload.ts';
import { planParams } from './plan.schema.ts';
import { viewerOf, writeContext } from './session.ts';
import { dueQuery, progressBody, taskCreateBody, taskParams, taskPatchBody } from './task.schema.ts';

const tags = ['tasks'];

/** The task endpoints under /api/plans/:id and /api/tasks. */
export function taskRoutes(tasks: TaskService, queries: TaskQueries): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/plans/:id/task-suggestions',
      {
        schema: {
          tags,
          summary: '任务建议 / suggested tasks',
          description:
            'Headings of the plan’s task chapters, each with its source line and the tasks already confirmed from it; nothing is stored until POST /api/plans/:id/tasks. `rule` says how they were picked.',
          params: planParams,
        },
      },
      (request) => queries.suggestions(request.params.id, viewerOf(request)),
    );

    app.post(
      '/plans/:id/tasks',
      {
        schema: {
          tags,
          summary: '确认任务 / confirm a task',
          description: 'Needs plan.review on the plan’s region; the plan must be the published version.',
          params: planParams,
          body: taskCreateBody,
        },
      },
      async (request, reply) =>
        reply.status(201).send(await tasks.create(request.params.id, request.body, writeContext(request))),
    );

    app.get(
      '/plans/:id/tasks',
      { schema: { tags, summary: '规划的任务 / a plan’s tasks', params: planParams } },
      (request) => queries.listForPlan(request.params.id, viewerOf(request)),
    );

    app.get(
      '/tasks',
      {
        schema: {
          tags,
          summary: '逾期与即将到期 / overdue and due soon',
          description:
            'Unfinished tasks of published plans whose deadline or a milestone is past (overdue) or within `within` days (due_soon), earliest first.',
          querystring: dueQuery,
        },
      },
      (request) => queries.due(request.query),
    );

    app.get('/tasks/:id', { schema: { tags, summary: '任务详情 / a task', params: taskParams } }, (request) =>
      queries.get(request.params.id, viewerOf(request)),
    );

    app.patch(
      '/tasks/:id',
      {
        schema: {
          tags,
          summary: '修改任务 / change a task',
          description: 'Needs plan.review on the plan’s region. `lock` as read: 409 TASK_CHANGED when stale.',
          params: taskParams,
          body: taskPatchBody,
        },
      },
      (request) => tasks.update(request.params.id, request.body, writeContext(request)),
    );

    app.post(
      '/tasks/:id/progress',
      {
        schema: {
          tags,
          summary: '报告进展 / report progress',
          description:
            'Needs task.update on the plan’s region; a responsible unit only for tasks naming it. Lowering progress or reopening a milestone needs a note.',
          params: taskParams,
          body: progressBody,
        },
      },
      (request) => tasks.reportProgress(request.params.id, request.body, writeContext(request)),
    );

    app.post(
      '/tasks/:id/evidence',
      {
        schema: {
          tags,
          summary: '上传佐证材料 / add evidence',
          description: EVIDENCE_UPLOAD_DESCRIPTION,
          consumes: ['multipart/form-data', 'application/json'],
          params: taskParams,
        },
      },
      async (request, reply) => {
        const context = writeContext(request);
        const evidence = await readEvidence(request);
        return reply.status(201).send(await tasks.addEvidence(request.params.id, evidence, context));
      },
    );

    app.get(
      '/tasks/:id/history',
      { schema: { tags, summary: '任务的更新记录 / a task’s history', params: taskParams } },
      async (request) => ({ items: await queries.history(request.params.id, viewerOf(request)) }),
    );
    done();
  };
}
