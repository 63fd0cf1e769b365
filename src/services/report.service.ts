/**
 * The reports the plans require — 年度监测报告, 中期评估报告, 总结评估报告 — for a plan and year, as HTML, Word or PDF.
 * A report is built from the evaluation service's own answers (planProgress, rankings, regionLists), read as the
 * viewer may read them, so every figure in it is the figure the API shows the same person: one code path. No
 * transaction is held while a document is rendered: the reads finish first.
 */
import type { ChromiumOptions } from '../reports/plan-report/chromium.ts';
import { planReportModel } from '../reports/plan-report/model.ts';
import { REPORT_CONTENT_TYPES } from '../reports/plan-report/render.ts';
import { renderInWorker } from '../reports/plan-report/render-thread.ts';
import type {
  PlanReportInput,
  PlanReportModel,
  ReportFormat,
  ReportKind,
  ReportPlanHeader,
} from '../reports/plan-report/types.ts';
import { ServiceError } from './errors.ts';
import type { EvaluationService, Rankings } from './evaluation.service.ts';
import type { Checklist } from './checklist.service.ts';
import type { JobProgress } from './jobs.ts';

const FORMAT_NAMES = { html: '网页', docx: 'Word 文档', pdf: 'PDF' } as const;
import type { Viewer } from './plan.access.ts';
import type { PlanService } from './plan.service.ts';

export type { ReportFormat, ReportKind } from '../reports/plan-report/types.ts';

/** Which report, for which year (default: the kind's year), in which format. */
export interface ReportRequest {
  kind: ReportKind;
  /** Required for an annual report; a mid-term one defaults to the period's third year, a final one to its last. */
  year?: number;
  format: ReportFormat;
}

/** A report file, ready to send. */
export interface ReportFile {
  /** "140900-忻州市-十四五-2024年度监测报告.docx". */
  fileName: string;
  /** The same in ASCII, for clients that cannot read an RFC 5987 name: "140900-annual-2024.docx". */
  asciiFileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** What the report service may be given besides its services. */
export interface ReportServiceOptions {
  /** Where Chromium is (default: EDUPLAN_CHROMIUM or Debian's path) and how long it may take. */
  chromium?: ChromiumOptions;
  /** The clock that dates the report. */
  now?: () => Date;
  /**
   * The plan's commitments and tasks as tracked, for 重点工程和任务进展 (the checklist the API gives); without it the
   * section says nothing has been entered.
   */
  checklist?: (planId: number, viewer: Viewer) => Promise<Checklist>;
}

/** The report service on the plan and evaluation services. */
export function createReportService(
  plans: PlanService,
  evaluation: EvaluationService,
  options: ReportServiceOptions = {},
): ReportService {
  return new ReportService(plans, evaluation, options);
}

export class ReportService {
  constructor(
    private readonly plans: PlanService,
    private readonly evaluation: EvaluationService,
    private readonly options: ReportServiceOptions = {},
  ) {}

  /**
   * A plan's report as a file.
   * @example await reports.planReport(5, { kind: 'annual', year: 2024, format: 'docx' }, null)
   */
  async planReport(
    planId: number,
    request: ReportRequest,
    viewer: Viewer,
    onProgress: (progress: JobProgress) => void = () => undefined,
  ): Promise<ReportFile> {
    const input = await this.planReportInput(planId, request, viewer, onProgress);
    const total = input.progress.items.length + 3;
    onProgress({
      stage: { zh: `生成${FORMAT_NAMES[request.format]}`, en: `writing ${request.format}` },
      done: total - 1,
      total,
    });
    // Off this thread: drawing a province's charts and packing its Word file would stall every other request.
    const { bytes, fileStem, year } = await renderInWorker(input, request.format, this.options.chromium);
    return {
      fileName: `${fileStem}.${request.format}`,
      asciiFileName: `${input.plan.region.code}-${request.kind}-${String(year)}.${request.format}`,
      contentType: REPORT_CONTENT_TYPES[request.format],
      bytes,
    };
  }

  /** The report's model: its facts and sections, before any format (what the tests and the formats share). */
  async planReportModel(
    planId: number,
    request: Pick<ReportRequest, 'kind' | 'year'>,
    viewer: Viewer,
    onProgress: (progress: JobProgress) => void = () => undefined,
  ): Promise<PlanReportModel> {
    return planReportModel(await this.planReportInput(planId, request, viewer, onProgress));
  }

  /** What a report is built from: the evaluation service's answers for the viewer, read before any rendering. */
  async planReportInput(
    planId: number,
    request: Pick<ReportRequest, 'kind' | 'year'>,
    viewer: Viewer,
    onProgress: (progress: JobProgress) => void = () => undefined,
  ): Promise<PlanReportInput> {
    const plan = await this.plans.getPlan(planId, viewer);
    const year = reportYear(request.kind, request.year, plan.period);
    const progress = await this.evaluation.planProgress(planId, year, undefined, viewer);
    const rankings: Rankings[] = [];
    // One row at a time: PGlite has one connection, and the rankings are the API's own answers, row by row.
    const total = progress.items.length + 3;
    for (const [index, item] of progress.items.entries()) {
      onProgress({ stage: { zh: '计算各地区排名', en: 'ranking the regions' }, done: index + 1, total });
      // PGlite answers on this thread through promises alone: without a turn of the event loop between rows, a
      // province's rankings would hold every other request for their whole run.
      await new Promise((resolve) => setImmediate(resolve));
      if (item.indicator !== null) rankings.push(await this.evaluation.rankings(planId, item.row, year, viewer));
    }
    const lists = await this.evaluation.regionLists(planId, year, viewer);
    const header: ReportPlanHeader = {
      id: plan.id,
      title: plan.title,
      region: plan.region,
      period: plan.period,
      issuer: plan.issuer,
      docNumber: plan.docNumber,
    };
    const generatedAt = this.options.now?.() ?? new Date();
    const checklist = await this.options.checklist?.(planId, viewer);
    const projects = (checklist?.rows ?? []).map((row) => ({
      name: row.group === null ? row.content : `${row.group}：${row.content}`,
      status: row.label.zh,
      progress: row.progress,
      unit: row.leadUnit,
    }));
    return { kind: request.kind, plan: header, progress, rankings, lists, projects, generatedAt };
  }
}

/**
 * The year a report covers: given for an annual report; for a mid-term one the period's third year (2023 for
 * 2021-2025, 时间过半), for a final one its last. A year outside the period is refused.
 */
export function reportYear(kind: ReportKind, year: number | undefined, period: { start: number; end: number }): number {
  const chosen = year ?? (kind === 'midterm' ? period.start + 2 : kind === 'final' ? period.end : undefined);
  if (chosen === undefined) {
    throw new ServiceError(
      'REPORT_YEAR_REQUIRED',
      'invalid',
      { zh: '年度监测报告须指定年份（year）', en: 'An annual monitoring report needs a year' },
      { field: 'year' },
    );
  }
  if (chosen < period.start || chosen > period.end) {
    throw new ServiceError(
      'REPORT_YEAR_OUTSIDE_PLAN',
      'invalid',
      {
        zh: `${String(chosen)}年不在规划期（${String(period.start)}—${String(period.end)}年）内，请选择规划期内的年份`,
        en: `${String(chosen)} is outside the plan's period (${String(period.start)}-${String(period.end)}); choose a year within it`,
      },
      { field: 'year' },
    );
  }
  return chosen;
}
