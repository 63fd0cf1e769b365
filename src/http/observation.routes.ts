/**
 * Monitoring data: figures read (published ones by anybody), reported (a batch, or a file), moved through the
 * workflow, and their history; a region's aggregates, its data set and its XLSX template. Each handler parses its
 * input, calls one service method with the request's actor and returns what the service presented.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { dataTemplate } from '../services/data-template.service.ts';
import { importDataFile } from '../services/observation.import.ts';
import type { JobRunner } from '../services/jobs.ts';
import type { ObservationQueries } from '../services/observation.queries.ts';
import type { ObservationService } from '../services/observation.service.ts';
import { requestInvalid } from './errors.ts';
import {
  aggregateQuery,
  importFields,
  observationListQuery,
  observationParams,
  regionYearQuery,
  reportBody,
  stepBody,
  stepParams,
  workflowBody,
} from './observation.schema.ts';
import { viewerOf, writeContext } from './session.ts';
import { readUpload } from './upload.ts';

const tags = ['observations'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An uploaded data file and its `submit` field. */
async function readDataUpload(
  request: FastifyRequest,
): Promise<{ bytes: Uint8Array; fileName: string; submit: boolean }> {
  const { file, bytes, fields } = await readUpload(request);
  const parsed = importFields.safeParse(fields);
  if (!parsed.success) throw requestInvalid('submit', 'submit must be true or false');
  return { bytes, fileName: file.filename, submit: parsed.data.submit };
}

/** The monitoring-data endpoints. */
export function observationRoutes(
  service: ObservationService,
  queries: ObservationQueries,
  jobs: JobRunner,
): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/observations',
      {
        schema: {
          tags,
          summary: '监测数据 / figures',
          description: 'Published figures for everybody; drafts, submitted and approved figures for readers in scope.',
          querystring: observationListQuery,
        },
      },
      async (request) => {
        const { region, ...rest } = request.query;
        return {
          items: await queries.list(
            { ...rest, ...(region === undefined ? {} : { regionCode: region }) },
            viewerOf(request),
          ),
        };
      },
    );

    app.post(
      '/observations',
      {
        schema: {
          tags,
          summary: '填报数据 / report figures',
          description:
            'A batch stored whole or not at all: any problem refuses it with every problem in `error.details`.',
          body: reportBody,
        },
      },
      async (request, reply) => {
        const { items, submit } = request.body;
        const result = await service.report(
          {
            origin: 'api',
            submit: submit ?? false,
            figures: items.map((item, index) => ({
              at: { item: index },
              columns: {
                regionCode: `items.${index}.region`,
                subjectId: `items.${index}.indicator`,
                year: `items.${index}.year`,
                value: `items.${index}.value`,
                unit: `items.${index}.unit`,
                qualifier: `items.${index}.qualifier`,
                comment: `items.${index}.comment`,
                reason: `items.${index}.reason`,
              },
              region: item.region,
              subject: item.indicator,
              year: item.year,
              value: item.value,
              unit: item.unit ?? null,
              qualifier: item.qualifier ?? null,
              source: item.source ?? null,
              quote: item.quote ?? null,
              note: item.note ?? null,
              comment: item.comment ?? null,
              reason: item.reason ?? null,
            })),
          },
          writeContext(request),
        );
        return reply.status(201).send(result);
      },
    );

    app.post(
      '/observations/import',
      {
        schema: {
          tags,
          summary: '导入数据文件 / import a data file',
          description:
            'multipart/form-data: `file` (the XLSX template filled in, or CSV), optional `submit` (true/false). A file with any bad row stores nothing; `error.details` names each file, sheet, row and column.',
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const context = writeContext(request);
        const upload = await readDataUpload(request);
        const result = await importDataFile(service, upload, context);
        return reply.status(201).send(result);
      },
    );

    app.post(
      '/observations/import-jobs',
      {
        schema: {
          tags,
          summary: '后台导入数据文件 / import a data file as a job to follow',
          description:
            'As POST /observations/import, but answers 202 with a job at once: follow it at GET /api/jobs/:id; its result is the import’s answer, or its error with every problem in `error.details`.',
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const context = writeContext(request);
        const upload = await readDataUpload(request);
        const job = jobs.start('import', context.actor, async (report) => ({
          kind: 'json',
          value: await importDataFile(service, upload, context, report),
        }));
        return reply.status(202).send(job);
      },
    );

    app.post(
      '/observations/workflow',
      { schema: { tags, summary: '批量审核 / one workflow step on many figures', body: workflowBody } },
      (request) =>
        service.act(request.body.action, request.body.items, request.body.reason ?? null, writeContext(request)),
    );

    app.get(
      '/observations/:id/history',
      { schema: { tags, summary: '数据的全部版本 / every version of a figure', params: observationParams } },
      (request) => queries.history(request.params.id, viewerOf(request)),
    );

    app.post(
      '/observations/:id/:step',
      {
        schema: {
          tags,
          summary: '提交、审核、退回、发布 / submit, approve, return, publish',
          description: '`lock` is the figure’s lock as read: if someone acted first, 409 OBSERVATION_CHANGED.',
          params: stepParams,
          body: stepBody,
        },
      },
      async (request) => {
        const result = await service.act(
          request.params.step,
          [{ id: request.params.id, lock: request.body.lock }],
          request.body.reason ?? null,
          writeContext(request),
        );
        return result.items[0];
      },
    );

    app.get(
      '/aggregates',
      {
        schema: {
          tags,
          summary: '汇总与完整性 / aggregates with completeness',
          description:
            'A region’s figures beside what its children’s figures add up to (ratios as sums of numerators over sums of denominators), with how many children reported.',
          querystring: aggregateQuery,
        },
      },
      (request) =>
        queries.aggregates(request.query.region, request.query.year, request.query.indicator, viewerOf(request)),
    );

    app.get(
      '/datasets',
      { schema: { tags, summary: '应填报的数据项 / what a region owes for a year', querystring: regionYearQuery } },
      (request) => queries.dataSet(request.query.region, request.query.year, viewerOf(request)),
    );

    app.get(
      '/templates',
      { schema: { tags, summary: '填报模板（XLSX） / the data-entry template', querystring: regionYearQuery } },
      async (request, reply) => {
        const file = await dataTemplate(queries, request.query.region, request.query.year, viewerOf(request));
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .send(Buffer.from(file.bytes));
      },
    );
    done();
  };
}
