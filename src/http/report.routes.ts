/**
 * The reports the plans require, for a plan and year: HTML shown in the browser, Word and PDF downloaded. Public for
 * published plans, like their progress; a reader in scope gets approved figures too, and the answer is never cached
 * by a shared cache.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ReportFormat, ReportKind } from '../reports/plan-report/types.ts';
import type { JobRunner } from '../services/jobs.ts';
import type { ReportFile, ReportService } from '../services/report.service.ts';
import { planIdParams, reportJobBody, reportKindQuery, reportParams, reportQuery } from './report.schema.ts';
import { ServiceError } from '../services/errors.ts';
import { viewerOf } from './session.ts';

const tags = ['reports'];

/**
 * Reports are the costliest answers (a province's PDF takes seconds of a browser's time), and published plans' reports
 * need no sign-in: each signed-in reader, or each address for the public, may ask for so many a minute, so one
 * client cannot keep the renderer busy for everyone. The job queue bounds the total besides.
 */
export const REPORT_RATE = { max: 20, timeWindow: '1 minute' } as const;

function reportsRateLimited(retryAfterSeconds: number): ServiceError {
  const seconds = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return new ServiceError('REPORTS_RATE_LIMITED', 'rate-limited', {
    zh: `生成报告的请求过于频繁，请 ${seconds} 秒后再试`,
    en: `Too many report requests: try again in ${seconds} s`,
  });
}

/** The rate limit of the report routes, counted after the session is known (preHandler). */
const reportRateLimit = {
  rateLimit: {
    ...REPORT_RATE,
    hook: 'preHandler',
    keyGenerator: (request: FastifyRequest) =>
      request.user === null ? `address:${request.ip}` : `user:${String(request.user.id)}`,
    errorResponseBuilder: (_request: FastifyRequest, context: { ttl: number }) =>
      reportsRateLimited(context.ttl / 1000),
  },
} as const;

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266 with RFC 5987's encoding of the Chinese name). */
export function contentDisposition(
  type: 'inline' | 'attachment',
  file: Pick<ReportFile, 'fileName' | 'asciiFileName'>,
): string {
  // encodeURIComponent leaves ' ( ) * as they are, which RFC 5987's attr-char does not allow.
  const encoded = encodeURIComponent(file.fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const ascii = file.asciiFileName.replace(/[^\w.-]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

const DESCRIPTION =
  '年度监测报告 (annual, year required), 中期评估报告 (midterm: the period’s third year by default) or 总结评估报告 (final: its last year), as HTML, Word (.docx) or PDF. The figures are those of /progress, /rankings and /region-lists for the same viewer. PDF needs Chromium on the server: without it, 503 PDF_UNAVAILABLE (Word and HTML still work).';

/** The report endpoints: the file at once, or a job to follow for a report that takes a while. */
export function reportRoutes(reports: ReportService, jobs: JobRunner): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    const send = async (
      request: FastifyRequest,
      reply: FastifyReply,
      planId: number,
      { kind, format, year }: { kind: ReportKind; format: ReportFormat; year?: number | undefined },
    ): Promise<FastifyReply> => {
      const file = await reports.planReport(
        planId,
        { kind, format, ...(year === undefined ? {} : { year }) },
        viewerOf(request),
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', contentDisposition(format === 'html' ? 'inline' : 'attachment', file))
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
    };

    app.get(
      '/plans/:id/reports/:kind',
      {
        config: reportRateLimit,
        schema: {
          tags,
          summary: '规划监测评估报告 / the plan’s monitoring and evaluation report',
          description: DESCRIPTION,
          params: reportParams,
          querystring: reportQuery,
        },
      },
      (request, reply) => send(request, reply, request.params.id, { ...request.query, kind: request.params.kind }),
    );

    app.get(
      '/plans/:id/report',
      {
        config: reportRateLimit,
        schema: {
          tags,
          summary: '规划监测评估报告（kind 为查询参数）/ the report, kind as a query parameter',
          description: DESCRIPTION,
          params: planIdParams,
          querystring: reportKindQuery,
        },
      },
      (request, reply) => send(request, reply, request.params.id, request.query),
    );

    app.post(
      '/plans/:id/report-jobs',
      {
        config: reportRateLimit,
        schema: {
          tags,
          summary: '后台生成报告 / generate a report as a job to follow',
          description:
            '202 with the job: follow it at GET /api/jobs/:id (stage, done of total) and download GET /api/jobs/:id/result when done.',
          params: planIdParams,
          body: reportJobBody,
        },
      },
      (request, reply) => {
        const viewer = viewerOf(request);
        const { kind, format, year } = request.body;
        const job = jobs.start('report', viewer, async (report) => {
          const file = await reports.planReport(
            request.params.id,
            { kind, format, ...(year === undefined ? {} : { year }) },
            viewer,
            report,
          );
          return { kind: 'file', ...file };
        });
        return reply.status(202).send(job);
      },
    );
    done();
  };
}
