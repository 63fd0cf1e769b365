/**
 * Commitment tracking through the API, on each engine, on 忻州's real plan: the city sets the responsible unit and
 * deadline of "在全市新（改扩）建35所左右公办幼儿园"; that unit reports what it built, with a PDF and a link as
 * evidence, and the status goes from not started to in progress to done (35所左右 is done at 34); a stale lock, another
 * unit, a program renamed .pdf and a plain ftp link are refused with nothing written; a deadline passing on the
 * injected clock makes an unfinished commitment overdue.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSamplePlans } from '../../src/server.ts';
import type { ErrorBody } from '../../src/http/errors.ts';
import type { CommitmentList } from '../../src/services/commitment.service.ts';
import type { PresentedCommitment, PresentedCommitmentUpdate } from '../../src/services/commitment.presenter.ts';
import type { PresentedEvidence } from '../../src/services/evidence.presenter.ts';
import type { PlanSummary } from '../../src/services/plan.presenter.ts';
import { testDialects } from '../db/dialects.ts';
import { tinyPdf, windowsProgram } from './evidence.files.ts';
import { editedSample, XINZHOU as XINZHOU_FILE } from '../services/plan.samples.ts';
import { importFile, multipart, openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

const XINZHOU = '140900';
const UNIT = '忻州市教育局学前教育科';
const OTHER_UNIT = '忻州市教育局职业教育科';
const KINDERGARTENS = '在全市新（改扩）建35所左右公办幼儿园';
const CITY_KINDERGARTENS = '太忻一体化经济区忻州城区的规划区内新建2—3所幼儿园';

describe.each(testDialects())('commitment tracking through the API on $kind', (dialect) => {
  let api: ApiFixture;
  let time = Date.parse('2024-03-01T09:00:00+08:00');
  let planId = 0;
  let city: string;
  let unit: string;
  let otherUnit: string;
  let otherCity: string;

  // The fixture's request, bound once the fixture opens.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the body it expects
  const request = <T>(...args: Parameters<ApiFixture['request']>) => api.request<T>(...args);

  /** A responsible unit's account, signed in through the API. */
  const unitAccount = (username: string, unitName: string): Promise<string> =>
    api.unitAccount(username, unitName, XINZHOU);

  const commitments = async (cookie: string | null = null) =>
    (await request<CommitmentList>('GET', `/api/plans/${planId}/commitments`, cookie)).body;

  const commitment = async (text: string): Promise<PresentedCommitment> => {
    const found = (await commitments()).items.find((item) => item.text === text);
    if (found === undefined) throw new Error(`忻州's plan has no commitment "${text}"`);
    return found;
  };

  const patch = (position: number, cookie: string | null, body: object) =>
    request<PresentedCommitment & ErrorBody>('PATCH', `/api/plans/${planId}/commitments/${position}`, cookie, body);

  const uploadEvidence = async (position: number, cookie: string, name: string, bytes: Uint8Array) => {
    const body = multipart({ name, bytes }, { title: '公办幼儿园建设进度报告', note: '2023年底统计' });
    const response = await api.app.inject({
      method: 'POST',
      url: `/api/plans/${planId}/commitments/${position}/evidence`,
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    return { status: response.statusCode, body: response.json<PresentedEvidence & ErrorBody>() };
  };

  const history = async (position: number) =>
    (
      await request<{ items: PresentedCommitmentUpdate[] }>(
        'GET',
        `/api/plans/${planId}/commitments/${position}/history`,
        null,
      )
    ).body.items;

  beforeAll(async () => {
    api = await openApi(dialect, { now: () => new Date(time) });
    await seedSamplePlans(api.plans);
    const { body } = await request<{ plans: PlanSummary[] }>(
      'GET',
      `/api/plans?region=${XINZHOU}&status=published`,
      null,
    );
    planId = body.plans[0]?.id ?? 0;
    city = await api.signedIn('xinzhou', 'city_admin', XINZHOU);
    otherCity = await api.signedIn('yangquan', 'city_admin', '140300');
    unit = await unitAccount('xz-preschool', UNIT);
    otherUnit = await unitAccount('xz-vocational', OTHER_UNIT);
  }, 120_000);
  afterAll(() => api.close());

  it('lists 忻州’s commitments to the public, untracked and not started, with their 专栏 and source line', async () => {
    const list = await commitments();
    expect(list.today).toBe('2024-03-01');
    expect(list.items.length).toBeGreaterThan(20);
    const item = await commitment(KINDERGARTENS);
    expect(item).toMatchObject({
      quantity: 35,
      unit: '所',
      approximate: true,
      line: 147,
      project: { number: 4, title: '公办幼儿园扩容提质工程' },
      achieved: null,
      responsibleUnit: null,
      // The commitment names no year: the plan's last year, 2025, on 31 December.
      deadline: '2025-12-31',
      deadlineSource: 'plan',
      status: 'not_started',
      label: { zh: '未开始', en: 'not started' },
      lock: 0,
      evidence: [],
    });
    // A commitment that names its year keeps it: 忻州现代康养职业学院 "到2025年…在校生规模达到3000人".
    const dated = list.items.find((entry) => entry.text === '全日制专科在校生规模达到3000人');
    expect(dated).toMatchObject({ deadline: '2025-12-31', deadlineSource: 'commitment' });
  });

  it('lets the city set the responsible unit and deadline, and no one else', async () => {
    const { position } = await commitment(KINDERGARTENS);
    const assignment = { responsibleUnit: UNIT, deadline: '2025-08-31', note: '按市政府分工方案', lock: 0 };
    expect((await patch(position, null, assignment)).status).toBe(401);
    expect((await patch(position, unit, assignment)).body.error.code).toBe('FORBIDDEN');
    expect((await patch(position, otherCity, assignment)).status).toBe(403);
    // Nothing is assigned yet, so no unit may report on it.
    const early = await patch(position, unit, { achieved: 3, lock: 0 });
    expect(early.status).toBe(403);
    expect(early.body.error.code).toBe('UNIT_NOT_RESPONSIBLE');

    const { status, body } = await patch(position, city, assignment);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      responsibleUnit: UNIT,
      deadline: '2025-08-31',
      deadlineSource: 'set',
      status: 'not_started',
      lock: 1,
    });
  });

  it('takes the responsible unit’s figures: not started -> in progress, with a PDF and a link as evidence', async () => {
    const { position } = await commitment(KINDERGARTENS);
    const { status, body } = await patch(position, unit, { achieved: 12, note: '2023年底已建成12所', lock: 1 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ achieved: 12, percent: 34.29, status: 'in_progress', lock: 2 });
    expect(body.explanation.zh).toContain('累计 12所');

    const pdf = tinyPdf();
    // The form says text/plain for the file: the type stored is the one the content shows.
    const stored = await uploadEvidence(position, unit, '2023年公办幼儿园建设进度.pdf', pdf);
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({
      kind: 'file',
      title: '公办幼儿园建设进度报告',
      fileName: '2023年公办幼儿园建设进度.pdf',
      contentType: 'application/pdf',
      size: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      addedBy: UNIT,
    });
    const file = await api.app.inject({ method: 'GET', url: stored.body.url });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('2023年公办幼儿园建设进度.pdf')}`,
    );
    expect(new Uint8Array(file.rawPayload)).toEqual(pdf);

    const link = await request<PresentedEvidence>(
      'POST',
      `/api/plans/${planId}/commitments/${position}/evidence`,
      unit,
      { url: 'https://jyj.sxxz.gov.cn/zwgk/2024/kindergartens.html', title: '市教育局公示：新建公办幼儿园名单' },
    );
    expect(link.status).toBe(201);
    expect(link.body).toMatchObject({ kind: 'link', url: 'https://jyj.sxxz.gov.cn/zwgk/2024/kindergartens.html' });
    const item = await commitment(KINDERGARTENS);
    expect(item.evidence.map((evidence) => evidence.kind)).toEqual(['file', 'link']);
    // Evidence is added, never overwrites: the lock stays where the last change left it.
    expect(item.lock).toBe(2);
  });

  it('refuses a stale lock with 409 and changes nothing', async () => {
    const { position } = await commitment(KINDERGARTENS);
    const before = await history(position);
    const { status, body } = await patch(position, unit, { achieved: 20, lock: 1 });
    expect(status).toBe(409);
    expect(body.error.code).toBe('COMMITMENT_CHANGED');
    expect(body.error.message.zh).toContain('已被他人修改');
    expect(await commitment(KINDERGARTENS)).toMatchObject({ achieved: 12, lock: 2 });
    expect(await history(position)).toHaveLength(before.length);
  });

  it('refuses another unit’s account with 403', async () => {
    const { position } = await commitment(KINDERGARTENS);
    const { status, body } = await patch(position, otherUnit, { achieved: 30, lock: 2 });
    expect(status).toBe(403);
    expect(body.error.code).toBe('UNIT_NOT_RESPONSIBLE');
    expect(body.error.message.zh).toContain(UNIT);
    const upload = await uploadEvidence(position, otherUnit, 'report.pdf', tinyPdf());
    expect(upload.status).toBe(403);
    expect(await commitment(KINDERGARTENS)).toMatchObject({ achieved: 12, lock: 2 });
  });

  it('refuses a program renamed .pdf by its content, and a link that is not http(s)', async () => {
    const { position } = await commitment(KINDERGARTENS);
    const program = await uploadEvidence(position, unit, '进度报告.pdf', windowsProgram());
    expect(program.status).toBe(400);
    expect(program.body.error).toMatchObject({ code: 'EVIDENCE_TYPE_REFUSED', at: { field: 'file' } });
    expect(program.body.error.message.zh).toContain('可执行程序');
    const ftp = await request<ErrorBody>('POST', `/api/plans/${planId}/commitments/${position}/evidence`, unit, {
      url: 'ftp://files.example.cn/report.pdf',
    });
    expect(ftp.body.error.code).toBe('EVIDENCE_URL_INVALID');
    const extra = await request<ErrorBody>('POST', `/api/plans/${planId}/commitments/${position}/evidence`, unit, {
      url: 'https://example.cn',
      file: 'x',
    });
    expect(extra.status).toBe(400);
    const huge = await uploadEvidence(position, unit, '扫描件.pdf', new Uint8Array(10 * 1024 * 1024 + 1));
    expect(huge.body.error.code).toBe('EVIDENCE_TOO_LARGE');
    expect((await commitment(KINDERGARTENS)).evidence).toHaveLength(2);
  });

  it('tracks only the published version: a draft’s commitments are read in scope and never written', async () => {
    const bytes = editedSample(XINZHOU_FILE, '35所左右', '36所左右');
    const imported = await importFile(api.app, city, XINZHOU_FILE, { bytes });
    const draftId = imported.json<{ plan: PlanSummary }>().plan.id;
    expect((await request<ErrorBody>('GET', `/api/plans/${draftId}/commitments`, null)).status).toBe(404);
    const seen = await request<CommitmentList>('GET', `/api/plans/${draftId}/commitments`, city);
    const draft = seen.body.items.find((item) => item.text === '在全市新（改扩）建36所左右公办幼儿园');
    expect(draft).toMatchObject({ status: 'not_started', lock: 0 });
    const refused = await request<ErrorBody>(
      'PATCH',
      `/api/plans/${draftId}/commitments/${draft?.position ?? 0}`,
      city,
      { responsibleUnit: UNIT, lock: 0 },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PLAN_NOT_TRACKABLE');
  });

  it('counts 35所左右 as done at 34 (95%), and asks why when a figure goes down', async () => {
    const { position } = await commitment(KINDERGARTENS);
    const lowered = await patch(position, unit, { achieved: 10, lock: 2 });
    expect(lowered.body.error.code).toBe('NOTE_REQUIRED');
    const { body } = await patch(position, unit, { achieved: 34, note: '2024年新建22所', lock: 2 });
    expect(body).toMatchObject({ achieved: 34, status: 'done', label: { zh: '已完成' }, lock: 3 });
    expect(body.explanation.zh).toContain('95%');
  });

  it('keeps every update with who, when and why, and audits each in the log', async () => {
    const { position } = await commitment(KINDERGARTENS);
    const entries = await history(position);
    expect(entries.map((entry) => entry.action)).toEqual(['track', 'track', 'evidence', 'evidence', 'track']);
    expect(entries[0]).toMatchObject({
      by: 'xinzhou',
      note: '按市政府分工方案',
      changes: { responsibleUnit: { from: null, to: UNIT }, deadline: { from: null, to: '2025-08-31' } },
    });
    expect(entries[1]).toMatchObject({ by: UNIT, achieved: 12, changes: { achieved: { from: null, to: 12 } } });
    expect(entries[2]?.evidence?.title).toBe('公办幼儿园建设进度报告');
    expect(entries[4]).toMatchObject({ note: '2024年新建22所', changes: { achieved: { from: 12, to: 34 } } });
    const audit = await sql<{ action: string }>`
      select action from audit_log where entity = 'commitment' and entity_id = ${`${planId}:${position}`}
      order by id`.execute(api.database.db);
    expect(audit.rows.map((row) => row.action)).toEqual([
      'commitment.update',
      'commitment.update',
      'evidence.add',
      'evidence.add',
      'commitment.update',
    ]);
    // History is append-only in the database itself.
    await expect(sql`delete from commitment_updates`.execute(api.database.db)).rejects.toThrow(/append-only/);
  });

  it('turns an unfinished commitment overdue once the injected clock passes its deadline', async () => {
    const { position } = await commitment(CITY_KINDERGARTENS);
    await patch(position, city, { responsibleUnit: UNIT, deadline: '2024-06-30', lock: 0 });
    const started = await patch(position, unit, { achieved: 1, lock: 1 });
    expect(started.body.status).toBe('in_progress');

    time = Date.parse('2024-06-30T23:00:00+08:00');
    expect((await commitment(CITY_KINDERGARTENS)).status).toBe('in_progress');
    time = Date.parse('2024-07-01T00:30:00+08:00');
    const late = await commitment(CITY_KINDERGARTENS);
    expect(late).toMatchObject({ status: 'overdue', label: { zh: '已逾期', en: 'overdue' } });
    expect(late.explanation.zh).toContain('期限 2024-06-30 已过 1 天');
    // A done commitment stays done after its deadline; 2—3所 is done at its lower end.
    time = Date.parse('2026-01-02T09:00:00+08:00');
    expect((await commitment(KINDERGARTENS)).status).toBe('done');
    expect((await patch(position, unit, { achieved: 2, lock: 2 })).body.status).toBe('done');
  });
});
