/**
 * The report endpoint through HTTP on each engine: HTML inline, Word and PDF as downloads with their Chinese file
 * names, an annual report without a year refused, an unknown plan not found. The route is mounted on its own Fastify
 * instance the way buildApp mounts every route (zod compilers, the session, the one error shape).
 */
import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/database.ts';
import { handleError, handleNotFound } from '../../src/http/errors.ts';
import type { ErrorBody } from '../../src/http/errors.ts';
import { jobRoutes } from '../../src/http/job.routes.ts';
import { contentDisposition, reportRoutes } from '../../src/http/report.routes.ts';
import { registerSession } from '../../src/http/session.ts';
import { findChromium } from '../../src/reports/plan-report/chromium.ts';
import { seedSamplePlans, seedSampleStatistics } from '../../src/server.ts';
import { createAccountService } from '../../src/services/account.service.ts';
import { createEvaluationService } from '../../src/services/evaluation.service.ts';
import { JobRunner } from '../../src/services/jobs.ts';
import type { JobView } from '../../src/services/jobs.ts';
import { createPlanService } from '../../src/services/plan.service.ts';
import { createReportService } from '../../src/services/report.service.ts';
import { testDialects } from '../db/dialects.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe.each(testDialects())('reports through the API on $kind', (dialect) => {
  let database: OpenDatabase;
  let app: FastifyInstance;
  let xinzhou: number;

  beforeAll(async () => {
    database = await dialect.open();
    const plans = createPlanService(database.db);
    await seedSamplePlans(plans);
    await seedSampleStatistics(database.db);
    const reports = createReportService(plans, createEvaluationService(database.db));
    const jobs = new JobRunner();
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler(handleError);
    app.setNotFoundHandler(handleNotFound);
    await app.register(cookie);
    registerSession(app, createAccountService(database.db));
    await app.register(reportRoutes(reports, jobs), { prefix: '/api' });
    await app.register(jobRoutes(jobs), { prefix: '/api' });
    await app.ready();
    const found = (await plans.listPlans({}, null)).find((plan) => plan.region.code === '140900');
    if (found === undefined) throw new Error('忻州 plan not seeded');
    xinzhou = found.id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('serves the annual report as HTML, shown in the browser', async () => {
    const response = await get(`/api/plans/${String(xinzhou)}/reports/annual?year=2024`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `inline; filename="140900-annual-2024.html"; filename*=UTF-8''${encodeURIComponent('140900-忻州市-十四五-2024年度监测报告.html')}`,
    );
    expect(response.headers['cache-control']).toBe('private, no-store');
    expect(response.body).toContain('忻州市“十四五”教育事业发展规划');
    expect(response.body).toContain('2024年度监测报告');
  });

  it('serves the mid-term report as a Word download named in Chinese, 2023 by default', async () => {
    const response = await get(`/api/plans/${String(xinzhou)}/reports/midterm?format=docx`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(DOCX);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="140900-midterm-2023.docx"; filename*=UTF-8''${encodeURIComponent('140900-忻州市-十四五-2023年中期评估报告.docx')}`,
    );
    expect(response.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('serves the final report as PDF, or says which package is missing', async () => {
    const response = await get(`/api/plans/${String(xinzhou)}/reports/final?format=pdf`);
    if (findChromium() === null) {
      expect(response.statusCode).toBe(503);
      expect(response.json<ErrorBody>().error).toMatchObject({ code: 'PDF_UNAVAILABLE' });
      expect(response.json<ErrorBody>().error.message.zh).toContain('apt-get install chromium');
      return;
    }
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="140900-final-2025\.pdf"/);
    expect(response.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses an annual report without a year, a year outside the plan and an unknown kind, naming the field', async () => {
    const noYear = await get(`/api/plans/${String(xinzhou)}/reports/annual?format=docx`);
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json<ErrorBody>().error).toMatchObject({ code: 'REPORT_YEAR_REQUIRED', at: { field: 'year' } });
    const outside = await get(`/api/plans/${String(xinzhou)}/reports/annual?year=2019`);
    expect(outside.statusCode).toBe(400);
    expect(outside.json<ErrorBody>().error.code).toBe('REPORT_YEAR_OUTSIDE_PLAN');
    const kind = await get(`/api/plans/${String(xinzhou)}/reports/weekly?year=2024`);
    expect(kind.statusCode).toBe(400);
    expect(kind.json<ErrorBody>().error).toMatchObject({ code: 'REQUEST_INVALID' });
    const format = await get(`/api/plans/${String(xinzhou)}/reports/annual?year=2024&format=xlsx`);
    expect(format.statusCode).toBe(400);
  });

  it('answers 404 for a plan that does not exist', async () => {
    const response = await get('/api/plans/999999/reports/final?format=docx');
    expect(response.statusCode).toBe(404);
    expect(response.json<ErrorBody>().error.code).toBe('PLAN_NOT_FOUND');
  });

  it('runs a report as a job the caller follows, then hands over the file', async () => {
    const started = await app.inject({
      method: 'POST',
      url: `/api/plans/${String(xinzhou)}/report-jobs`,
      payload: { kind: 'final', format: 'docx' },
    });
    expect(started.statusCode).toBe(202);
    const job = started.json<JobView>();
    let view = job;
    const seen = new Set<string>();
    for (let tries = 0; tries < 600 && view.status !== 'done' && view.status !== 'failed'; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      view = (await app.inject({ method: 'GET', url: `/api/jobs/${job.id}` })).json<JobView>();
      seen.add(view.progress.stage.zh);
    }
    expect(view).toMatchObject({ status: 'done', resultUrl: `/api/jobs/${job.id}/result` });
    expect(view.progress.total).toBeGreaterThan(2);
    expect(view.progress.done).toBe(view.progress.total);
    const result = await app.inject({ method: 'GET', url: view.resultUrl ?? '' });
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toContain('wordprocessingml');
    expect(result.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const unknown = await app.inject({ method: 'GET', url: '/api/jobs/00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('the download name', () => {
  it('encodes the Chinese name by RFC 5987, quotes included, and keeps an ASCII name for old clients', () => {
    expect(
      contentDisposition('attachment', { fileName: "忻州市(草稿)'一'.docx", asciiFileName: '140900 final"2025.docx' }),
    ).toBe(
      `attachment; filename="140900_final_2025.docx"; filename*=UTF-8''%E5%BF%BB%E5%B7%9E%E5%B8%82%28%E8%8D%89%E7%A8%BF%29%27%E4%B8%80%27.docx`,
    );
  });
});
