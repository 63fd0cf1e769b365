import { describe, expect, it } from 'vitest';
import { alignPlans } from '../../../src/domain/alignment/align.ts';
import type { AlignablePlan, AlignmentRow, Verdict } from '../../../src/domain/alignment/types.ts';
import { VERDICT_LABELS } from '../../../src/domain/alignment/verdicts.ts';
import { defaultCatalogue } from '../../../src/domain/catalogue/catalogue.ts';
import type { CatalogueEntry, IndicatorDirection } from '../../../src/domain/catalogue/types.ts';
import type { PlanIndicator } from '../../../src/ingest/types.ts';
import { indicatorNamed, rowNamed, shanxi, shuozhou, xinzhou, yangquan } from './seeds.ts';

/** A seed plan with some rows replaced or added: the edge cases below start from real rows. */
function withRows(plan: AlignablePlan, rows: readonly PlanIndicator[]): AlignablePlan {
  return { region: plan.region, indicators: rows };
}

function withTarget(row: PlanIndicator, raw: string, value: number | null): PlanIndicator {
  return { ...row, target: { ...row.target, raw, value, comparator: null } };
}

function withDirection(direction: IndicatorDirection, ids?: readonly string[]): readonly CatalogueEntry[] {
  return defaultCatalogue.map((entry) =>
    ids === undefined || ids.includes(entry.id) ? { ...entry, direction } : entry,
  );
}

const MIRROR: Record<Verdict, Verdict> = {
  'more-ambitious': 'less-ambitious',
  'less-ambitious': 'more-ambitious',
  aligned: 'aligned',
  'no-parent-target': 'no-parent-target',
  'not-comparable': 'not-comparable',
};

const verdicts = (rows: readonly AlignmentRow[]): Verdict[] => rows.map((row) => row.verdict);

describe('rows that cannot be compared', () => {
  const preschool = indicatorNamed(xinzhou, '学前教育毛入园率');

  it('keeps a row the catalogue does not know, as printed, and says why', () => {
    const unknown = { ...preschool, name: '城市绿化覆盖率', line: 999 };
    const [row] = alignPlans(withRows(xinzhou, [unknown]), shanxi, defaultCatalogue);
    expect(row).toMatchObject({
      entryId: null,
      name: '城市绿化覆盖率',
      childLine: 999,
      child: { baseline: 95, target: 96.5, unit: '%' },
      parent: null,
      verdict: 'not-comparable',
      difference: null,
    });
    expect(row?.explanation.zh).toContain('目录中没有相近的指标');
  });

  it('does not compare a rate printed in 人: its unit cannot be converted to %', () => {
    const [row] = alignPlans(withRows(xinzhou, [{ ...preschool, unit: '人' }]), shanxi, defaultCatalogue);
    expect(row).toMatchObject({ entryId: null, verdict: 'not-comparable', child: { unit: '人' } });
    expect(row?.explanation.en).toContain("its unit cannot be converted to the catalogue entry's");
  });

  it('does not compare a qualitative child target', () => {
    const [row] = alignPlans(withRows(xinzhou, [withTarget(preschool, '基本普及', null)]), shanxi, defaultCatalogue);
    expect(row).toMatchObject({ verdict: 'not-comparable', parentLine: 93, child: { target: null }, difference: null });
    expect(row?.explanation.zh).toBe('忻州市的目标值“基本普及”不是数值，无法与上级目标比较。');
  });

  it('says 上级无对应目标 when the parent lists the indicator without a number, and shows its row', () => {
    const parentRow = withTarget(indicatorNamed(shanxi, '学前教育毛入园率'), '—', null);
    const [row] = alignPlans(withRows(xinzhou, [preschool]), withRows(shanxi, [parentRow]), defaultCatalogue);
    expect(row).toMatchObject({
      verdict: 'no-parent-target',
      parentLine: 93,
      parent: { baseline: 90.8, target: null },
    });
    expect(row?.explanation.zh).toContain('山西省列有该指标，但目标值“—”不是数值');
  });
});

describe('pairing', () => {
  const retention = { ...indicatorNamed(xinzhou, '小学净入学率'), name: '九年义务教育巩固率' };
  const primaryPart = { ...retention, name: '九年义务教育巩固率（小学）', subItem: '小学', line: 50 };

  it('pairs a 其中 sub-item only with the same sub-item, never with the whole rate', () => {
    const parentWhole = withRows(shanxi, [{ ...retention, line: 94 }]);
    expect(alignPlans(withRows(xinzhou, [primaryPart]), parentWhole, defaultCatalogue)[0]?.verdict).toBe(
      'no-parent-target',
    );
    const parentPart = withRows(shanxi, [{ ...primaryPart, line: 95 }]);
    expect(alignPlans(withRows(xinzhou, [primaryPart]), parentPart, defaultCatalogue)[0]).toMatchObject({
      entryId: 'compulsory-education-retention-rate',
      parentLine: 95,
      verdict: 'aligned',
    });
  });

  it('names the sides 本级 and 上级 when the plans do not name their regions', () => {
    const anonymous = { region: null, indicators: [indicatorNamed(yangquan, '学前教育毛入园率')] };
    const [row] = alignPlans(anonymous, { region: null, indicators: shanxi.indicators }, defaultCatalogue);
    expect(row?.explanation.zh).toBe('本级目标95%低于上级目标96.5%，相差1.5个百分点；该指标越高越好，故低于上级目标。');
  });
});

describe('counts', () => {
  it('are compared only between figures of one region, known by code or, failing that, by name', () => {
    const byCode = { region: { name: '山西', code: '140000' }, indicators: shanxi.indicators };
    const sameCode = alignPlans(byCode, { ...byCode, region: { name: '山西省', code: '140000' } }, defaultCatalogue);
    expect(rowNamed(sameCode, '普通高中在校生').verdict).toBe('aligned');
    const unknown = alignPlans({ ...byCode, region: null }, { ...byCode, region: null }, defaultCatalogue);
    expect(rowNamed(unknown, '普通高中在校生').verdict).toBe('not-comparable');
  });

  it('of one region use the relative tolerance: 65.3万 against 65万 is within 0.5%', () => {
    const enrolment = indicatorNamed(shanxi, '普通高中在校生');
    const revised = withRows(shanxi, [withTarget(enrolment, '65.3', 65.3)]);
    const [row] = alignPlans(revised, shanxi, defaultCatalogue);
    expect(row).toMatchObject({ verdict: 'aligned', difference: 0.3 });
    expect(row?.explanation.zh).toContain('在相对0.5%的舍入容差内');
  });
});

describe('direction', () => {
  it('mirrors every verdict of 阳泉 against 山西 when every indicator is read as lower-is-better', () => {
    const rising = alignPlans(yangquan, shanxi, defaultCatalogue);
    const falling = alignPlans(yangquan, shanxi, withDirection('decrease'));
    expect(verdicts(falling)).toEqual(verdicts(rising).map((verdict) => MIRROR[verdict]));
    expect(rowNamed(falling, '学前教育毛入园率').explanation.zh).toContain('该指标越低越好，故高于上级目标');
  });

  it('mirrors every verdict when child and parent swap (山西 against 忻州, 阳泉 and 朔州 rows alike)', () => {
    for (const city of [xinzhou, yangquan, shuozhou]) {
      const down = alignPlans(city, shanxi, defaultCatalogue).filter((row) => row.parent !== null);
      const up = alignPlans(shanxi, city, defaultCatalogue);
      for (const row of down) {
        const reverse = up.find((other) => other.entryId === row.entryId);
        expect(reverse?.verdict, row.name).toBe(MIRROR[row.verdict]);
      }
    }
  });

  it('has no better side for a maintained level: different targets are not comparable, equal ones aligned', () => {
    const maintained = withDirection('maintain', ['preschool-gross-enrolment-rate']);
    const differs = rowNamed(alignPlans(yangquan, shanxi, maintained), '学前教育毛入园率');
    expect(differs).toMatchObject({ verdict: 'not-comparable', difference: -1.5 });
    expect(differs.explanation.zh).toContain('保持类指标');
    expect(rowNamed(alignPlans(xinzhou, shanxi, maintained), '学前教育毛入园率').verdict).toBe('aligned');
  });
});

describe('explanations', () => {
  it('are written in Chinese and English for every row, and name the verdict’s label', () => {
    for (const row of alignPlans(xinzhou, shanxi, defaultCatalogue)) {
      expect(row.explanation.zh).toMatch(/[\u4e00-\u9fa5]/);
      expect(row.explanation.en).toMatch(/^[\x20-\x7e\u4e00-\u9fa5（）“”’—≥≤%]+$/);
      if (row.verdict !== 'not-comparable') expect(row.explanation.zh).toContain(VERDICT_LABELS[row.verdict].zh);
    }
  });
});
