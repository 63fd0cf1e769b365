import { describe, expect, it } from 'vitest';
import { catalogueById, defaultCatalogue } from '../../../src/domain/catalogue/catalogue.ts';
import { statisticsEntries } from '../../../src/domain/catalogue/entries/statistics.ts';
import { matchIndicator } from '../../../src/domain/catalogue/match.ts';
import type { CatalogueEntry, MatchFound } from '../../../src/domain/catalogue/types.ts';
import { normaliseValue } from '../../../src/domain/catalogue/units.ts';
import { expectation as xinzhou } from '../../expectations/000_cb1b58f4760fbe36.ts';
import { expectation as yangquan } from '../../expectations/001_491b52ef50c39cde.ts';
import { expectation as sanmenxia } from '../../expectations/002_31094d66b8551873.ts';
import { expectation as shuozhou } from '../../expectations/003_cc5f11e08b4c342e.ts';
import { expectation as shanxi } from '../../expectations/004_bb7b55e5c43c95eb.ts';
import type { ExpectedIndicator } from '../../expectations/types.ts';

const SEEDS = [xinzhou, yangquan, sanmenxia, shuozhou, shanxi];

interface SeedRow extends ExpectedIndicator {
  plan: string;
}

const ROWS: SeedRow[] = SEEDS.flatMap((seed) => seed.indicators.map((row) => ({ ...row, plan: seed.region.name })));

function matchRow(row: Pick<ExpectedIndicator, 'name' | 'category' | 'unit'>): MatchFound {
  const match = matchIndicator(row, defaultCatalogue);
  if (match.entry === null) throw new Error(`${row.category ?? ''}/${row.name}: no match (${match.reason})`);
  return match;
}

function entryOf(plan: string, category: string | null, name: string): CatalogueEntry {
  const row = ROWS.find((r) => r.plan === plan && r.category === category && r.name === name);
  if (row === undefined) throw new Error(`no row ${category ?? ''}/${name} in ${plan}`);
  return matchRow(row).entry;
}

describe('every indicator row of the five sample plans', () => {
  it.each(ROWS)('$plan: $category / $name ($unit) is in the catalogue by name or synonym', (row) => {
    const match = matchIndicator(row, defaultCatalogue);
    expect(match.method === 'exact' || match.method === 'synonym', JSON.stringify(match)).toBe(true);
    expect(match.entry).not.toBeNull();
    if (match.entry !== null) expect(match.unitFactor).toBeGreaterThan(0);
  });

  it('never puts two rows of one plan on the same entry', () => {
    for (const seed of SEEDS) {
      const ids = seed.indicators.map((row) => matchRow(row).entry.id);
      expect(new Set(ids).size, seed.region.name).toBe(ids.length);
    }
  });

  it('needs every catalogue entry: each one stands for a row of some plan', () => {
    const used = new Set(ROWS.map((row) => matchRow(row).entry.id));
    // The published statistics' own entries stand for published figures instead (elements.test.ts holds them to it).
    const planEntries = defaultCatalogue.filter((entry) => !statisticsEntries.includes(entry));
    expect(planEntries.filter((entry) => !used.has(entry.id)).map((entry) => entry.name)).toEqual([]);
  });

  it('keeps percentages within 0-100 unless the entry is a gross rate', () => {
    for (const row of ROWS) {
      const { entry } = matchRow(row);
      if (entry.unit !== '%' || entry.mayExceed100 === true) continue;
      for (const value of [row.baseline.value, row.target.value]) {
        if (value !== null) expect(value, `${row.plan} ${row.name}`).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('names the plans print differently for one indicator', () => {
  const same: [string, [string, string | null, string][]][] = [
    [
      'general-high-school-enrolment',
      [
        ['忻州市', '基础教育', '普通高中在校生'],
        ['阳泉市', '普通教育', '普通高中在校人数'],
      ],
    ],
    [
      'preschool-gross-enrolment-rate',
      [
        ['山西省', '教育普及', '学前教育毛入园率'],
        ['朔州市', '学前教育', '入园率'],
      ],
    ],
    [
      'inclusive-kindergarten-coverage',
      [
        ['三门峡市', '公平均衡', '普惠性幼儿园覆盖率'],
        ['朔州市', '学前教育', '普惠率'],
      ],
    ],
    [
      'dual-qualified-teacher-share',
      [
        ['山西省', '职业教育', '“双师型”教师占专业课教师比例'],
        ['阳泉市', '职业教育', '双师型教师占专业课教师比例'],
        ['三门峡市', '职业教育', '双师型教师占专业课教师的比例'],
        ['朔州市', '高等教育', '“双师型”教师占比'],
      ],
    ],
    [
      'compulsory-education-retention-rate',
      [
        ['三门峡市', '教育普及', '义务教育巩固率'],
        ['朔州市', '九年义务教育', '巩固率'],
      ],
    ],
    [
      'upper-secondary-gross-enrolment-rate',
      [
        ['忻州市', '基础教育', '高中阶段教育毛入学率'],
        ['朔州市', '高中阶段教育', '入学率'],
      ],
    ],
    [
      'vocational-college-enrolment',
      [
        ['山西省', '职业教育', '职业教育专科（含高专）在校生'],
        ['三门峡市', '职业教育', '高等职业院校（技师学院）在校生'],
        ['朔州市', '高等教育', '在校生规模'],
      ],
    ],
    [
      'undergraduate-enrolment',
      [
        ['山西省', '普通教育', '普通本科在校生'],
        ['三门峡市', '普通本科教育', '本科教育在校生'],
        ['朔州市', '本科教育', '在校生规模'],
      ],
    ],
  ];

  it.each(same)('%s', (id, rows) => {
    for (const [plan, category, name] of rows) expect(entryOf(plan, category, name).id, name).toBe(id);
  });

  it('keeps 朔州’s short names apart by their group', () => {
    const enrolment = ['九年义务教育', '高中阶段教育', '特殊教育'].map(
      (group) => entryOf('朔州市', group, '入学率').id,
    );
    expect(enrolment).toEqual([
      'compulsory-education-enrolment-rate',
      'upper-secondary-gross-enrolment-rate',
      'disabled-children-enrolment-rate',
    ]);
    expect(entryOf('朔州市', '职业教育', '就业率').id).not.toBe(entryOf('朔州市', '高等教育', '就业率').id);
  });
});

describe('values of one indicator from different plans', () => {
  it('become comparable in the entry’s unit (阳泉 prints 人, 忻州 万人)', () => {
    const yangquanRow = yangquan.indicators.find((row) => row.name === '中等职业教育在校生');
    const xinzhouRow = xinzhou.indicators.find((row) => row.name === '中等职业教育在校生');
    if (yangquanRow === undefined || xinzhouRow === undefined) throw new Error('rows missing');
    const entry = matchRow(yangquanRow).entry;
    expect(entry).toBe(catalogueById.get('secondary-vocational-enrolment'));
    expect(matchRow(yangquanRow).unitFactor).toBe(0.0001);
    expect(normaliseValue(6695, yangquanRow.unit, entry)).toBe(0.6695);
    expect(normaliseValue(1.72, xinzhouRow.unit, entry)).toBe(1.72);
    expect(normaliseValue(24003, '人', matchRow({ name: '普通高中在校人数', category: null, unit: '人' }).entry)).toBe(
      2.4003,
    );
  });
});
