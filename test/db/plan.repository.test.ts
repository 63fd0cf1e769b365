import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/database.ts';
import { planContentRepository } from '../../src/db/plan-content.repository.ts';
import type { PlanContentRepository } from '../../src/db/plan-content.repository.ts';
import { planRepository } from '../../src/db/plan.repository.ts';
import type { PlanRepository, PlanSlot } from '../../src/db/plan.repository.ts';
import type { NewPlan } from '../../src/db/plan.schema.ts';
import { defaultCatalogue } from '../../src/domain/catalogue/index.ts';
import { parsePlanText } from '../../src/ingest/parse.ts';
import { planRecords } from '../../src/services/plan.records.ts';
import { SANMENXIA, sampleText } from '../services/plan.samples.ts';
import { testDialects } from './dialects.ts';

const text = sampleText(SANMENXIA);
const parsed = parsePlanText(text, 'txt');
const records = planRecords(parsed, defaultCatalogue);
const PERIOD = { start: 2021, end: 2025 };
const slot = (regionCode: string): PlanSlot => ({ regionCode, period: PERIOD });

/** A plan row for a region, told apart from others by `tag` (its source hash). */
function newPlan(regionCode: string, version: number, tag: string): NewPlan {
  return {
    region_code: regionCode,
    period_start: PERIOD.start,
    period_end: PERIOD.end,
    title: parsed.title,
    version,
    source_sha256: createHash('sha256').update(tag).digest('hex'),
    source_name: `${tag}.txt`,
    source_format: 'txt',
    source_text: text,
    parsed: JSON.stringify(parsed),
    parent_plan_id: null,
  };
}

describe.each(testDialects())('plans on $kind', (dialect) => {
  let database: OpenDatabase;
  let plans: PlanRepository;
  let contents: PlanContentRepository;
  beforeAll(async () => {
    database = await dialect.open();
    plans = planRepository(database.db);
    contents = planContentRepository(database.db);
  });
  afterAll(() => database.close());
  beforeEach(async () => {
    await sql`delete from plans`.execute(database.db);
  });

  it('stores a plan with all it holds, and gives figures back as numbers and JSON as objects', async () => {
    const id = await plans.insert(newPlan('411200', 1, 'smx'));
    await contents.insertSections(id, records.sections);
    await contents.insertIndicators(id, records.indicators);
    await contents.insertProjects(id, records.projects);
    await contents.insertCommitments(id, records.commitments);

    const indicators = await contents.listIndicators(id);
    const preschool = indicators[0];
    expect(preschool).toMatchObject({
      row_no: 1,
      name: parsed.indicators[0]?.name,
      target_value: parsed.indicators[0]?.target.value,
      match_confidence: 1,
      unit_factor: 1,
      reviewed: false,
      reference: parsed.indicators[0]?.reference,
    });
    expect(typeof preschool?.target_value).toBe('number');
    expect(indicators.map((row) => row.reference)).toEqual(parsed.indicators.map((row) => row.reference));
    const commitments = await contents.listCommitments(id);
    expect(commitments).toHaveLength(records.commitments.length);
    expect(commitments.every((row) => typeof row.quantity === 'number')).toBe(true);
    expect((await contents.listProjects(id))[0]?.subprojects).toEqual(parsed.projects[0]?.subprojects);
    expect(await contents.listSections(id)).toHaveLength(parsed.sections.length);

    const detail = await plans.findDetail(id);
    expect(detail).toMatchObject({ region_name: '三门峡市', region_level: 'city', status: 'draft', version: 1 });
    expect(detail?.created_at).toBeInstanceOf(Date);
    expect(detail?.warnings).toEqual(parsed.warnings);
    expect(detail?.mechanisms).toEqual(parsed.mechanisms);
    expect((await plans.findSource(id))?.source_text).toBe(text);
  });

  it('numbers versions per region and period, and prefers the published one as current', async () => {
    expect(await plans.nextVersion(slot('140900'))).toBe(1);
    const v1 = await plans.insert(newPlan('140900', 1, 'a'));
    const v2 = await plans.insert(newPlan('140900', 2, 'b'));
    expect(await plans.nextVersion(slot('140900'))).toBe(3);
    expect(await plans.nextVersion({ regionCode: '140900', period: { start: 2026, end: 2030 } })).toBe(1);
    expect(await plans.findCurrent(slot('140900'))).toEqual({ id: v2 });
    await plans.markPublished(v1);
    expect(await plans.findCurrent(slot('140900'))).toEqual({ id: v1 });
    expect(await plans.findBySource(slot('140900'), newPlan('140900', 2, 'b').source_sha256)).toEqual({ id: v2 });
  });

  it('keeps one published plan per region and period, and one plan per file', async () => {
    const v1 = await plans.insert(newPlan('140900', 1, 'a'));
    const v2 = await plans.insert(newPlan('140900', 2, 'b'));
    await plans.markPublished(v1);
    await expect(plans.markPublished(v2)).rejects.toThrow(/plans_published_key/);
    await expect(plans.insert(newPlan('140900', 3, 'a'))).rejects.toThrow(/plans_source_key/);
    await expect(sql`update plans set status = 'superseded' where id = ${v1}`.execute(database.db)).rejects.toThrow(
      /plans_superseded_check/,
    );
    await plans.markSuperseded(v1, v2);
    await plans.markPublished(v2);
    expect((await plans.findSummary(v1))?.superseded_by).toBe(v2);
    expect(await plans.findPublished(slot('140900'))).toEqual({ id: v2, version: 2 });
  });

  it('links the plans of a province’s cities to its plan, leaving other provinces’ alone', async () => {
    const xinzhou = await plans.insert(newPlan('140900', 1, 'xz'));
    const sanmenxia = await plans.insert(newPlan('411200', 1, 'smx'));
    const shanxi = await plans.insert(newPlan('140000', 1, 'sx'));
    await plans.linkChildren(slot('140000'), shanxi);
    expect((await plans.findSummary(xinzhou))?.parent_plan_id).toBe(shanxi);
    expect((await plans.findSummary(sanmenxia))?.parent_plan_id).toBeNull();
    const shanxi2 = await plans.insert(newPlan('140000', 2, 'sx2'));
    await plans.linkChildren(slot('140000'), shanxi2);
    expect((await plans.findSummary(xinzhou))?.parent_plan_id).toBe(shanxi2);
    await plans.detachChildren(shanxi2);
    expect((await plans.findSummary(xinzhou))?.parent_plan_id).toBeNull();
  });

  it('refuses a commitment that names a project the plan does not have', async () => {
    const id = await plans.insert(newPlan('411200', 1, 'smx'));
    const [first] = records.commitments;
    if (first === undefined) throw new Error('三门峡 has no commitments');
    await expect(contents.insertCommitments(id, [{ ...first, project_position: 99 }])).rejects.toThrow(
      /plan_commitments_project_fkey/,
    );
  });
});
