/**
 * The reports the plans require, for a plan and year: HTML shown in the browser, Word and PDF downloaded. Public for
 * published plans, like their progress; a reader in scope gets approved figures too, and the answer is never cached
 * by a shared cache.
 */
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import type { ReportFile, ReportService } from '../services/report.service.ts';
import { reportParams, reportQuery } from './report.schema.ts';
import { viewerOf } from './session.ts';

const tags = ['reports'];

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

/** The report endpoint. */
export function reportRoutes(reports: ReportService): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/plans/:id/reports/:kind',
      {
        schema: {
          tags,
          summary: '规划监测评估报告 / the plan’s monitoring and evaluation report',
          description:
            '年度监测报告 (annual, year required), 中期评估报告 (midterm: the period’s third year by default) or 总结评估报告 (final: its last year), as HTML, Word (.docx) or PDF. The figures are those of /progress, /rankings and /region-lists for the same viewer. PDF needs Chromium on the server: without it, 503 PDF_UNAVAILABLE (Word and HTML still work).',
          params: reportParams,
          querystring: reportQuery,
        },
      },
      async (request, reply) => {
        const { format, year } = request.query;
        const file = await reports.planReport(
          request.params.id,
          { kind: request.params.kind, format, ...(year === undefined ? {} : { year }) },
          viewerOf(request),
        );
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', contentDisposition(format === 'html' ? 'inline' : 'attachment', file))
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
      },
    );
    done();
  };
}
