import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/database.ts';
import { planContentRepository } from '../../src/db/plan-content.repository.ts';
import { planRepository } from '../../src/db/plan.repository.ts';
import { regionRepository } from '../../src/db/region.repository.ts';
import type { Database } from '../../src/db/schema.ts';
import { alignPlans, alignWithReferences } from '../../src/domain/alignment/index.ts';
import { parsePlanText } from '../../src/ingest/parse.ts';
import { catalogueRepository } from '../../src/db/catalogue.repository.ts';
import { auditRepository } from '../../src/db/audit.repository.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import type { ServiceError } from '../../src/services/errors.ts';
import { isServiceError } from '../../src/services/errors.ts';
import { PlanService, createPlanService } from '../../src/services/plan.service.ts';
import { testDialects } from '../db/dialects.ts';
import {
  SAMPLES,
  SANMENXIA,
  SHANXI,
  SHUOZHOU,
  XINZHOU,
  YANGQUAN,
  editedSample,
  sampleBytes,
  sampleText,
} from './plan.samples.ts';

const TABLES = ['plans', 'plan_sections', 'plan_indicators', 'plan_projects', 'plan_commitments'] as const;

/** Rows in each plan table, to show that something added nothing. */
async function rowCounts(db: Kysely<Database>): Promise<Record<string, string>> {
  const counts: Record<string, string> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = rows[0]?.n ?? '';
  }
  return counts;
}

/** The code of the ServiceError a promise rejects with. */
async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isServiceError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe.each(testDialects())('PlanService on $kind', (dialect) => {
  let database: OpenDatabase;
  let service: PlanService;
  const ids = new Map<string, number>();
  const idOf = (code: string): number => ids.get(code) ?? Number.NaN;

  beforeAll(async () => {
    database = await dialect.open();
    service = createPlanService(database.db);
    // In file order, so 忻州 (000) arrives before 山西 (004), its parent.
    for (const { file, code } of SAMPLES) {
      const { plan } = await service.importDocument({ bytes: sampleBytes(file), fileName: file }, SYSTEM_CONTEXT);
      ids.set(code, plan.id);
    }
  });
  afterAll(() => database.close());

  it('stores each sample as a draft under its region, every indicator matched by name or synonym', async () => {
    const plans = await service.listPlans({}, 'system');
    expect(plans.map((plan) => [plan.region.code, plan.region.name, plan.status, plan.version]).sort()).toEqual(
      SAMPLES.map(({ code, name }) => [code, name, 'draft', 1]).sort(),
    );
    for (const { code } of SAMPLES) {
      const plan = await service.getPlan(idOf(code), 'system');
      expect(plan.period).toEqual({ start: 2021, end: 2025 });
      expect(plan.indicators.length).toBeGreaterThan(0);
      for (const indicator of plan.indicators) {
        expect(['exact', 'synonym'], `${code} ${indicator.name}`).toContain(indicator.match.method);
        expect(indicator.match.catalogueId).not.toBeNull();
      }
    }
  });

  it('keeps every row the reader found, each with the source line it came from', async () => {
    const read = parsePlanText(sampleText(SANMENXIA), 'txt');
    const plan = await service.getPlan(idOf('411200'), 'system');
    expect(plan.sections).toEqual(read.sections);
    expect(plan.indicators.map((i) => [i.name, i.line, i.target.raw, i.reference])).toEqual(
      read.indicators.map((i) => [i.name, i.line, i.target.raw, i.reference]),
    );
    expect(plan.projects.map((p) => [p.number, p.title, p.line, p.commitments.length])).toEqual(
      read.projects.map((p) => [p.number, p.title, p.line, p.commitments.length]),
    );
    expect(plan.commitments.map((c) => [c.text, c.section, c.line])).toEqual(
      read.commitments.map((c) => [c.text, c.section, c.line]),
    );
    const { text } = await service.getSource(idOf('140900'), 'system');
    const xinzhou = await service.getPlan(idOf('140900'), 'system');
    const first = xinzhou.indicators[0];
    expect(first).toMatchObject({ name: '学前教育毛入园率', line: 44, unit: '%', target: { value: 96.5 } });
    expect(text.split('\n')[43]).toContain('学前教育毛入园率');
  });

  it('links 忻州 to 山西’s plan although 山西 was imported after it; 河南 has no plan, so 三门峡 has no parent', async () => {
    const plans = new Map((await service.listPlans({}, 'system')).map((plan) => [plan.region.code, plan]));
    for (const code of ['140900', '140300', '140600']) expect(plans.get(code)?.parentPlanId).toBe(idOf('140000'));
    expect(plans.get('140000')?.parentPlanId).toBeNull();
    expect(plans.get('411200')?.parentPlanId).toBeNull();
  });

  it('returns the same plan for the same bytes, and adds no rows', async () => {
    const before = await rowCounts(database.db);
    const again = await service.importDocument(
      { bytes: sampleBytes(YANGQUAN), fileName: 'renamed.txt' },
      SYSTEM_CONTEXT,
    );
    expect(again).toMatchObject({ created: false, plan: { id: idOf('140300'), version: 1 } });
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('stores one plan when the same new file arrives twice at once', async () => {
    const bytes = new TextEncoder().encode(`${sampleText(SANMENXIA)}\n\n`);
    const results = await Promise.all(
      [1, 2].map(() => service.importDocument({ bytes, fileName: 'smx.txt' }, SYSTEM_CONTEXT)),
    );
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(new Set(results.map((result) => result.plan.id)).size).toBe(1);
    expect(results[0]?.plan.version).toBe(2);
  });

  it('aligns 忻州 against 山西 with the verdicts the alignment module gives', async () => {
    const alignment = await service.alignment(idOf('140900'), 'system');
    const expected = alignPlans(parsePlanText(sampleText(XINZHOU), 'txt'), parsePlanText(sampleText(SHANXI), 'txt'));
    expect(alignment.parent?.id).toBe(idOf('140000'));
    expect(alignment.againstParent).toEqual(expected.map((row, index) => ({ ...row, rowNo: index + 1 })));
    expect(alignment.againstParent?.[0]).toMatchObject({ rowNo: 1, verdict: 'aligned', childLine: 44, parentLine: 93 });
  });

  it('aligns 三门峡 against the 河南 columns its own table prints', async () => {
    const alignment = await service.alignment(idOf('411200'), 'system');
    const expected = alignWithReferences(parsePlanText(sampleText(SANMENXIA), 'txt'));
    expect(alignment.againstParent).toBeNull();
    expect(alignment.againstReference.map((row) => row.verdict)).toEqual(expected.map((row) => row.verdict));
    expect(alignment.againstReference).toHaveLength(15);
  });

  it('makes a revised text version 2; publishing it supersedes version 1, which stays readable', async () => {
    const v1 = idOf('140900');
    await service.publish(v1, SYSTEM_CONTEXT);
    const revised = editedSample(XINZHOU, '\t96.50\n', '\t97.00\n');
    const { created, plan: v2 } = await service.importDocument(
      { bytes: revised, fileName: 'xinzhou-v2.txt' },
      SYSTEM_CONTEXT,
    );
    expect(created).toBe(true);
    expect(v2).toMatchObject({ version: 2, status: 'draft', parentPlanId: idOf('140000') });
    expect((await service.getPlan(v2.id, 'system')).indicators[0]?.target.value).toBe(97);

    const published = await service.publish(v2.id, SYSTEM_CONTEXT);
    expect(published).toMatchObject({ status: 'published', version: 2 });
    expect(published.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const old = await service.getPlan(v1, 'system');
    expect(old).toMatchObject({ status: 'superseded', supersededBy: v2.id, version: 1 });
    expect(old.indicators[0]?.target.value).toBe(96.5);
    const listed = await service.listPlans({ regionCode: '140900' }, 'system');
    expect(listed.map((plan) => [plan.version, plan.status])).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);
    expect(await errorCode(service.publish(v1, SYSTEM_CONTEXT))).toBe('PLAN_NOT_DRAFT');
  });

  it('refuses to review a published plan', async () => {
    const shanxi = idOf('140000');
    await service.publish(shanxi, SYSTEM_CONTEXT);
    expect(await errorCode(service.reviewIndicator(shanxi, 1, {}, SYSTEM_CONTEXT))).toBe('PLAN_NOT_DRAFT');
    expect(await errorCode(service.setPeriod(shanxi, { start: 2026, end: 2030 }, SYSTEM_CONTEXT))).toBe(
      'PLAN_NOT_DRAFT',
    );
    expect((await service.listPlans({ status: 'published' }, 'system')).map((plan) => plan.region.code).sort()).toEqual(
      ['140000', '140900'],
    );
  });

  it('re-points the cities to 山西’s published plan when a newer version of it is published', async () => {
    const revised = editedSample(SHANXI, '山西省“十四五”教育事业发展规划', '山西省“十四五”教育事业发展规划（修订）');
    const { plan: v2 } = await service.importDocument({ bytes: revised, fileName: 'shanxi-v2.txt' }, SYSTEM_CONTEXT);
    // A draft does not take the cities over from the published version.
    expect((await service.getPlan(idOf('140300'), 'system')).parentPlanId).toBe(idOf('140000'));
    await service.publish(v2.id, SYSTEM_CONTEXT);
    expect((await service.getPlan(idOf('140300'), 'system')).parentPlanId).toBe(v2.id);
    expect((await service.alignment(idOf('140300'), 'system')).parent?.version).toBe(2);
  });

  it('corrects a draft row: its values, its catalogue entry, and refuses an entry whose unit does not convert', async () => {
    const shuozhou = idOf('140600');
    const row = (await service.getPlan(shuozhou, 'system')).indicators[0];
    if (row === undefined) throw new Error('朔州 has no indicators');
    const corrected = await service.reviewIndicator(
      shuozhou,
      row.rowNo,
      { target: { value: 98, comparator: '>=' } },
      SYSTEM_CONTEXT,
    );
    expect(corrected).toMatchObject({ reviewed: true, target: { value: 98, comparator: '>=', raw: '≥98' } });
    // The entry stays; only the figures in its unit follow the corrected target.
    expect({ ...corrected.match, canonical: null }).toEqual({ ...row.match, canonical: null });
    expect(corrected.match.canonical?.target).toBe(98);
    const rematched = await service.reviewIndicator(
      shuozhou,
      row.rowNo,
      { catalogueId: 'primary-net-enrolment-rate' },
      SYSTEM_CONTEXT,
    );
    expect(rematched.match).toMatchObject({
      catalogueId: 'primary-net-enrolment-rate',
      method: 'manual',
      unitFactor: 1,
    });
    expect(
      await errorCode(service.reviewIndicator(shuozhou, row.rowNo, { catalogueId: 'no-such-entry' }, SYSTEM_CONTEXT)),
    ).toBe('PLAN_CATALOGUE_UNKNOWN');
    const count = service.reviewIndicator(shuozhou, row.rowNo, { unit: '人' }, SYSTEM_CONTEXT);
    expect(await errorCode(count)).toBe('PLAN_UNIT_MISMATCH');
    expect(await errorCode(service.reviewIndicator(shuozhou, 999, {}, SYSTEM_CONTEXT))).toBe(
      'PLAN_INDICATOR_NOT_FOUND',
    );
    expect(await errorCode(service.reviewIndicator(shuozhou, row.rowNo, { name: ' ' }, SYSTEM_CONTEXT))).toBe(
      'PLAN_CORRECTION_INVALID',
    );
  });

  it('publishes a plan with a fuzzy match only once a reviewer has confirmed it', async () => {
    const renamed = editedSample(YANGQUAN, '高中阶段教育毛入学率', '高中阶段毛入学率');
    const { plan } = await service.importDocument({ bytes: renamed, fileName: 'yangquan-renamed.txt' }, SYSTEM_CONTEXT);
    const fuzzy = (await service.getPlan(plan.id, 'system')).indicators.find((row) => row.match.method === 'fuzzy');
    expect(fuzzy).toMatchObject({ name: '高中阶段毛入学率', line: 65, match: { confidence: 0.75 } });
    const error = await service.publish(plan.id, SYSTEM_CONTEXT).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'PLAN_REVIEW_INCOMPLETE', at: { row: fuzzy?.rowNo, line: 65 } });
    await service.reviewIndicator(plan.id, fuzzy?.rowNo ?? 0, {}, SYSTEM_CONTEXT);
    expect(await service.publish(plan.id, SYSTEM_CONTEXT)).toMatchObject({ status: 'published', version: 2 });
  });

  it('names the region it does not know, and the file that is not a plan', async () => {
    const before = await rowCounts(database.db);
    const hebei = editedSample(XINZHOU, '忻州市“十四五”教育事业发展规划', '石家庄市“十四五”教育事业发展规划');
    const refusal = (bytes: Uint8Array, fileName: string) =>
      service.importDocument({ bytes, fileName }, SYSTEM_CONTEXT).catch((error: unknown) => error);
    const unknown = await refusal(hebei, 'sjz.txt');
    expect(unknown).toMatchObject({ code: 'PLAN_REGION_UNKNOWN', kind: 'invalid', at: { field: 'region' } });
    expect(String(unknown)).toContain('石家庄市');
    const notAPlan = await refusal(new Uint8Array([0, 1, 2, 255]), 'x.bin');
    expect(notAPlan).toMatchObject({ code: 'PLAN_NOT_A_PLAN', at: { field: 'file' } });
    expect(String(notAPlan)).toContain('x.bin');
    // Each language reads whole: no Chinese sentence inside the English message.
    expect((notAPlan as ServiceError).messages.en).not.toMatch(/[\u4e00-\u9fa5]/);
    expect((notAPlan as ServiceError).messages.zh).toContain('不是可读的规划文件');
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('moves a draft to the region and period a reviewer gives, with its parent plan following', async () => {
    const hebei = editedSample(XINZHOU, '忻州市“十四五”教育事业发展规划', '石家庄市“十四五”教育事业发展规划');
    const { plan } = await service.importDocument(
      { bytes: hebei, fileName: 'sjz.txt', regionCode: '140100' },
      SYSTEM_CONTEXT,
    );
    expect(plan).toMatchObject({ region: { code: '140100', name: '太原市' }, version: 1 });
    expect(plan.parentPlanId).not.toBeNull();
    const moved = await service.setPeriod(plan.id, { start: 2026, end: 2030 }, SYSTEM_CONTEXT);
    expect(moved).toMatchObject({ period: { start: 2026, end: 2030 }, version: 1, parentPlanId: null });
    expect(await errorCode(service.setPeriod(plan.id, { start: 2030, end: 2026 }, SYSTEM_CONTEXT))).toBe(
      'PLAN_PERIOD_INVALID',
    );
    expect(await errorCode(service.setRegion(plan.id, '999999', SYSTEM_CONTEXT))).toBe('PLAN_REGION_UNKNOWN');
    const jinzhong = await service.setRegion(plan.id, '140700', SYSTEM_CONTEXT);
    expect(jinzhong).toMatchObject({ region: { code: '140700', name: '晋中市' }, version: 1 });
  });

  it('leaves nothing behind when a write fails halfway through an import', async () => {
    const failing = new PlanService({
      db: database.db,
      regions: regionRepository,
      plans: planRepository,
      audit: auditRepository,
      catalogue: catalogueRepository,
      now: () => new Date(),
      // The last write of an import fails: sections, indicators and projects are written by then.
      contents: (db) => ({
        ...planContentRepository(db),
        insertCommitments: () => Promise.reject(new Error('disk full')),
      }),
    });
    const before = await rowCounts(database.db);
    const revised = new TextEncoder().encode(`${sampleText(SHUOZHOU)}\n`);
    await expect(failing.importDocument({ bytes: revised, fileName: 'shuozhou.txt' }, SYSTEM_CONTEXT)).rejects.toThrow(
      'disk full',
    );
    expect(await rowCounts(database.db)).toEqual(before);
    // The same file through the working service is a new version: nothing of the failed attempt was kept.
    expect(
      (await service.importDocument({ bytes: revised, fileName: 'shuozhou.txt' }, SYSTEM_CONTEXT)).plan.version,
    ).toBe(2);
  });
});
