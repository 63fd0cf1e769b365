/**
 * The plans' reports (年度监测报告, 中期评估报告, 总结评估报告) generated as jobs the browser follows, their direct
 * links (the HTML preview), and the "十五五" draft target table. Shapes as src/services/jobs.ts and
 * src/http/{report,job,next-plan}.routes.ts answer them.
 */
import type { ApiErrorDetail, ErrorLocation } from './http.ts';
import { get, link, write } from './http.ts';
import type { Bilingual } from '../i18n/index.tsx';

export type ReportKind = 'annual' | 'midterm' | 'final';
export type ReportFormat = 'html' | 'docx' | 'pdf';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** A job as GET /api/jobs/:id shows it: its stage, the steps done of the total, and where its result is. */
export interface Job {
  id: string;
  kind: string;
  status: JobStatus;
  progress: { stage: Bilingual; done: number; total: number };
  /** Set once done. */
  resultUrl: string | null;
  /** The error a person can act on, once failed (e.g. PDF_UNAVAILABLE without Chromium on the server). */
  error: { code: string; message: Bilingual; at: ErrorLocation; details: ApiErrorDetail[] } | null;
  createdAt: string;
  finishedAt: string | null;
}

/** Starts a report as a job (202); a full queue answers 429 JOBS_BUSY. Year: required for annual. */
export const startReportJob = write<Job, { id: number }, { kind: ReportKind; year?: number; format: ReportFormat }>(
  'POST',
  '/plans/:id/report-jobs',
);
export const getJob = get<Job, { id: string }>('/jobs/:id');
/** A finished job's file, as an attachment. */
export const jobResultLink = link<{ id: string }>('/jobs/:id/result');
/** The report itself, built while the browser waits: HTML opens inline (the preview). */
export const reportLink = link<{ id: number }, { kind: ReportKind; year?: number; format: ReportFormat }>(
  '/plans/:id/report',
);
/** The "十五五" draft target table: new baselines, trend projections, the province's new targets where published. */
export const nextPlanLink = link<{ id: number }, { format: 'xlsx' | 'docx' }>('/plans/:id/next-plan');
