import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../src/domain/catalogue/catalogue.ts';
import { FUZZY_THRESHOLD, matchIndicator } from '../../../src/domain/catalogue/match.ts';
import type { CatalogueEntry, IndicatorRow, Match } from '../../../src/domain/catalogue/types.ts';

function match(name: string, category: string | null = null, unit: string | null = '%'): Match {
  return matchIndicator({ name, category, unit }, defaultCatalogue);
}

function ids(candidates: readonly { entry: CatalogueEntry }[]): string[] {
  return candidates.map((candidate) => candidate.entry.id);
}

describe('exact and synonym matches', () => {
  it('ignore quotes, spaces and full-width brackets', () => {
    for (const name of [
      '双师型教师占专业课教师比例',
      '"双师型" 教师占专业课教师比例',
      '“双师型”教师占专业课教师比例',
    ]) {
      expect(match(name)).toMatchObject({
        method: 'exact',
        confidence: 1,
        entry: { id: 'dual-qualified-teacher-share' },
      });
    }
    expect(match('职业教育专科(含高专)在校生', null, '万人')).toMatchObject({
      method: 'exact',
      entry: { id: 'vocational-college-enrolment' },
    });
  });

  it('take a short name only under its group', () => {
    expect(match('入园率', '学前教育')).toMatchObject({
      method: 'synonym',
      entry: { id: 'preschool-gross-enrolment-rate' },
    });
    expect(match('入园率', null).method).toBe('none');
    expect(match('入园率', '教育普及').method).toBe('none');
  });
});

describe('fuzzy matches', () => {
  it.each([
    ['学前三年毛入园率', null, '%', 'preschool-gross-enrolment-rate'],
    ['普惠性幼儿园覆盖率（含民办普惠园）', null, '%', 'inclusive-kindergarten-coverage'],
    ['高中阶段毛入学率', null, '%', 'upper-secondary-gross-enrolment-rate'],
    ['九年义务教育阶段巩固率', null, '%', 'compulsory-education-retention-rate'],
    ['毛入园率', '学前教育', '%', 'preschool-gross-enrolment-rate'],
    ['双师型教师比例', '职业教育', '%', 'dual-qualified-teacher-share'],
    ['普通高中在校学生数', null, '万人', 'general-high-school-enrolment'],
  ])('%s (group %s, %s) → %s', (name, category, unit, id) => {
    const result = match(name, category, unit);
    expect(result).toMatchObject({ method: 'fuzzy', entry: { id }, unitFactor: 1 });
    if (result.method === 'fuzzy') {
      expect(result.confidence).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
      expect(result.confidence).toBeLessThan(1);
    }
  });

  it('discount a dropped scope note or a substituted wording to 0.9', () => {
    expect(match('学前三年毛入园率')).toMatchObject({ confidence: 0.9 });
    expect(match('普惠性幼儿园覆盖率（含民办普惠园）')).toMatchObject({ confidence: 0.9 });
    expect(match('高中阶段毛入学率')).toMatchObject({ confidence: 0.75 });
  });

  it('leave an unrelated name unmatched, with candidates for a reviewer', () => {
    const result = match('城市绿化覆盖率');
    expect(result).toMatchObject({ entry: null, method: 'none', reason: 'no-similar-name' });
    if (result.method !== 'none') return;
    expect(result.candidates.length).toBeGreaterThan(0);
    expect(result.candidates.length).toBeLessThanOrEqual(3);
    expect(result.candidates[0]?.entry.id).toBe('inclusive-kindergarten-coverage');
    for (const candidate of result.candidates) expect(candidate.confidence).toBeLessThan(FUZZY_THRESHOLD);
  });

  it('do not merge another age group: 学前一年毛入园率 is a different indicator, only a candidate', () => {
    const result = match('学前一年毛入园率');
    expect(result.method).toBe('none');
    if (result.method === 'none') expect(ids(result.candidates)[0]).toBe('preschool-gross-enrolment-rate');
  });

  it('do not match on the group alone', () => {
    expect(match('辍学率', '高中阶段教育').method).toBe('none');
    expect(match('辍学率', '九年义务教育').method).toBe('none');
  });
});

describe('any name', () => {
  it('gets a match or candidates, and a fuzzy match is never certain', () => {
    const names = defaultCatalogue.flatMap((entry) => [entry.name, ...entry.synonyms.map((synonym) => synonym.name)]);
    const piece = fc.constantFrom(...names, '（含民办）', '的', '学前三年', '占比', ' ', '“');
    const row = fc.record({
      name: fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join('')),
      category: fc.option(fc.constantFrom('学前教育', '九年义务教育', '高等教育', '教育普及')),
      unit: fc.option(fc.constantFrom('%', '万人', '人', '个', '年')),
    });
    fc.assert(
      fc.property(row, (sample) => {
        const result = matchIndicator(sample, defaultCatalogue);
        if (result.method === 'fuzzy') {
          expect(result.confidence).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
          expect(result.confidence).toBeLessThan(1);
        }
        if (result.method === 'none') expect(result.candidates.length).toBeLessThanOrEqual(3);
        if (result.method === 'exact' || result.method === 'synonym') expect(result.confidence).toBe(1);
      }),
    );
  });
});

describe('units', () => {
  it('give the factor to the entry’s unit, 1 when the row prints none', () => {
    expect(match('普通高中在校生', null, '人')).toMatchObject({ method: 'exact', unitFactor: 0.0001 });
    expect(match('普通高中在校生', null, null)).toMatchObject({ method: 'exact', unitFactor: 1 });
    expect(match('上门送教量', '特殊教育', '次数')).toMatchObject({ method: 'exact', unitFactor: 1 });
  });

  it('refuse a name match whose unit cannot be converted, and say so', () => {
    const row: IndicatorRow = { name: '学前教育毛入园率', category: null, unit: '人' };
    const result = matchIndicator(row, defaultCatalogue);
    expect(result).toMatchObject({ entry: null, method: 'none', reason: 'unit-mismatch' });
    if (result.method === 'none') expect(result.candidates[0]).toMatchObject({ confidence: 1 });
  });
});

describe('a catalogue passed in', () => {
  it('is the only one searched', () => {
    expect(matchIndicator({ name: '学前教育毛入园率', category: null, unit: '%' }, [])).toEqual({
      entry: null,
      method: 'none',
      candidates: [],
      reason: 'no-similar-name',
    });
  });
});
