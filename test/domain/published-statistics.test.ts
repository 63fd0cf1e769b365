import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueById } from '../../src/domain/catalogue/catalogue.ts';
import { dataElementById } from '../../src/domain/catalogue/elements.ts';
import {
  PublishedStatisticsError,
  SERIES_BREAK_RULES,
  SOURCE_WORDINGS,
  readPublishedStatistics,
  resolveDuplicates,
  subjectUnit,
} from '../../src/domain/observations/published-statistics.ts';
import type { PublishedFigure } from '../../src/domain/observations/published-statistics.ts';

const REAL = readFileSync(new URL('../../samples/data/real-stats.csv', import.meta.url), 'utf8');
const { figures, unplaced } = readPublishedStatistics(REAL);

const HEADER = 'region,indicator,year,value,unit,qualifier,source,quote,note';

function figure(region: string, wording: string, year: number): PublishedFigure {
  const found = figures.filter((f) => f.regionName === region && f.sourceWording === wording && f.year === year);
  if (found.length !== 1) throw new Error(`${String(found.length)} figures for ${region} ${wording} ${String(year)}`);
  return found[0] as PublishedFigure;
}

const key = (f: PublishedFigure): string => `${f.regionName}|${f.subject.kind}:${f.subject.id}|${String(f.year)}`;

describe('the published statistics shipped in samples/data/real-stats.csv', () => {
  it('places all 310 rows, none unplaced', () => {
    expect(figures.length + unplaced.length).toBe(310);
    expect(unplaced).toEqual([]);
  });

  it('numbers each figure by its line in the file, the header being line 1', () => {
    expect(figures[0]?.line).toBe(2);
    expect(figures.at(-1)?.line).toBe(311);
    expect(figure('全国', '学前教育毛入园率', 2022).line).toBe(110);
  });

  it('keeps a percentage as printed, with its provenance', () => {
    expect(figure('全国', '学前教育毛入园率', 2022)).toEqual({
      line: 110,
      regionName: '全国',
      subject: { kind: 'indicator', id: 'preschool-gross-enrolment-rate' },
      sourceWording: '学前教育毛入园率',
      year: 2022,
      value: 89.7,
      unit: '%',
      reportedValue: 89.7,
      reportedUnit: '%',
      qualifier: 'exact',
      source: 'y122972/education-development-statistics:public/data/bulletins/2022.md',
      quote: '学前教育毛入园率[5]89.7%，比上年提高1.6个百分点',
      note: null,
      seriesBreak: null,
    });
  });

  it('converts 亿人, 人, 万所 and 万人 to the subject’s unit exactly', () => {
    expect(figure('全国', '义务教育阶段在校生', 2020)).toMatchObject({
      subject: { kind: 'element', id: 'compulsory-education-pupils' },
      value: 15600,
      unit: '万人',
      reportedValue: 1.56,
      reportedUnit: '亿人',
    });
    // The next year in 万人 lands in the same unit: one series although the bulletins switched.
    expect(figure('全国', '义务教育阶段在校生', 2024)).toMatchObject({ value: 15970.54, unit: '万人' });
    expect(figure('全国', '各级各类学历教育在校生', 2023)).toMatchObject({ value: 29100, unit: '万人' });
    expect(figure('山西省', '各级各类学历教育在校生', 2021)).toMatchObject({ value: 662.88, reportedValue: 6628800 });
    expect(figure('全国', '幼儿园数', 2020)).toMatchObject({ value: 291700, unit: '所', reportedUnit: '万所' });
    expect(figure('全国', '学前教育在园幼儿', 2020)).toMatchObject({
      subject: { kind: 'element', id: 'kindergarten-children' },
      value: 48182600,
      unit: '人',
    });
  });

  it('keeps every lower bound a lower bound', () => {
    const bounds = figures.filter((f) => f.qualifier === 'at_least').map((f) => f.line);
    expect(bounds).toEqual([226, 227, 230, 231, 239, 243, 244, 245]);
    expect(figure('山西省', '高中阶段教育毛入学率', 2024)).toMatchObject({ value: 96, qualifier: 'at_least' });
  });

  it('keeps each note, and says where a year was inferred from a report date', () => {
    expect(figure('山西省', '学前教育毛入园率', 2024).note).toBe(
      'year taken from the report date (2024-12); may be 2023 statistics',
    );
    expect(figure('忻州市', '学前教育毛入园率', 2020).note).toMatch(/years inferred/u);
    const noted = REAL.split('\n').filter((line) => /,[^,]*year taken from the report date/u.test(line)).length;
    expect(figures.filter((f) => f.note?.includes('year taken from the report date') === true)).toHaveLength(noted);
  });

  it('does not put the census 15+ years of schooling on the plans’ working-age indicator', () => {
    const census = figures.filter((f) => f.sourceWording === '15岁及以上人口平均受教育年限');
    expect(census.map((f) => f.regionName)).toEqual(['全国', '山西省', '河南省', '三门峡市']);
    for (const f of census)
      expect(f.subject).toEqual({ kind: 'indicator', id: 'population-15-plus-years-of-schooling' });
    expect(figures.some((f) => f.subject.id === 'working-age-years-of-schooling')).toBe(false);
    expect(figure('全国', '新增劳动力平均受教育年限', 2020).subject.id).toBe('new-labour-force-years-of-schooling');
  });

  it('places each figure on a subject that exists, in that subject’s unit', () => {
    for (const f of figures) {
      const subject =
        f.subject.kind === 'indicator' ? catalogueById.get(f.subject.id) : dataElementById.get(f.subject.id);
      expect(subject, f.subject.id).toBeDefined();
      expect(f.unit, `line ${String(f.line)}`).toBe(subject?.unit);
      expect(f.source, `line ${String(f.line)}`).not.toBe('');
      expect(f.quote, `line ${String(f.line)}`).not.toBe('');
    }
  });

  it('maps a count the catalogue holds to its entry, never to a second element', () => {
    expect(figure('全国', '普通高中在校生', 2020).subject).toEqual({
      kind: 'indicator',
      id: 'general-high-school-enrolment',
    });
    expect(figure('全国', '高等教育在学总规模', 2020)).toMatchObject({
      subject: { kind: 'indicator', id: 'higher-education-total-enrolment' },
      unit: '万人',
      value: 4183,
    });
    expect(figure('全国', '职业教育专科（高职）在校生', 2021).subject.id).toBe('vocational-college-enrolment');
    expect(figure('河南省', '中等职业教育在校生', 2020).subject.id).toBe('secondary-vocational-enrolment');
  });

  it('keeps apart what the sources name apart', () => {
    expect(figure('全国', '中等职业学校数（不含技工学校）', 2021).subject.id).toBe('secondary-vocational-schools');
    expect(figure('全国', '中等职业教育学校数（含技工学校）', 2020).subject.id).toBe(
      'secondary-vocational-schools-incl-technical',
    );
    expect(figure('全国', '一般公共预算教育支出', 2020).subject.id).toBe('general-budget-education-spending');
    expect(figure('全国', '一般公共预算教育经费', 2021).subject.id).toBe('general-budget-education-funding');
    expect(figure('河南省', '学前教育专任教师', 2023)).toMatchObject({
      subject: { id: 'preschool-teachers' },
      value: 23.29,
    });
    expect(figure('河南省', '幼儿园专任教师', 2023)).toMatchObject({
      subject: { id: 'kindergarten-teachers' },
      value: 21.75,
    });
    expect(figure('全国', '普惠性幼儿园数占幼儿园总数比例', 2022).subject.id).toBe('inclusive-kindergarten-share');
    expect(figure('全国', '普惠性幼儿园覆盖率', 2022).subject.id).toBe('inclusive-kindergarten-coverage');
  });

  it('puts the two wordings of one enrolment total on one element', () => {
    expect(figure('全国', '普通本专科在校生', 2020).subject.id).toBe(
      'regular-undergraduate-and-junior-college-enrolment',
    );
    expect(figure('全国', '普通、职业本专科在校生', 2024).subject.id).toBe(
      'regular-undergraduate-and-junior-college-enrolment',
    );
  });

  it('uses every wording of its table and only subjects that exist', () => {
    const used = new Set(figures.map((f) => `${f.subject.kind}:${f.subject.id}`));
    for (const subject of SOURCE_WORDINGS.values()) {
      expect(() => subjectUnit(subject)).not.toThrow();
      expect(used.has(`${subject.kind}:${subject.id}`), subject.id).toBe(true);
    }
  });
});

describe('series breaks', () => {
  const flagged = figures
    .filter((f) => f.seriesBreak !== null)
    .map((f) => [f.line, f.regionName, f.subject.id, f.year]);

  it('flags the first figure of each new definition, and no other', () => {
    expect(flagged).toEqual([
      [4, '全国', 'dual-qualified-teacher-share', 2021],
      [19, '全国', 'secondary-vocational-schools', 2021],
      [25, '全国', 'secondary-vocational-teachers', 2021],
      [31, '全国', 'secondary-vocational-enrolment', 2021],
      [97, '全国', 'preschool-teachers', 2021],
      [203, '全国', 'higher-education-institutions', 2021],
      [208, '全国', 'higher-education-teachers', 2021],
    ]);
  });

  it('says why in both languages, and leaves the older figure’s note in place', () => {
    const after = figure('全国', '“双师型”教师占专业课教师比例', 2021);
    expect(after.seriesBreak?.zh).toMatch(/专业（技能）课程专任教师/u);
    expect(after.seriesBreak?.en).toMatch(/not comparable/u);
    const before = figure('全国', '“双师型”教师占专业课教师比例', 2020);
    expect(before.seriesBreak).toBeNull();
    expect(before.note).toBe('2020 is a share of all 专任教师; from 2021 of 专业课 teachers (series break)');
  });

  it('follows every break the file’s notes record with a flagged figure', () => {
    for (const noted of figures.filter((f) => f.note?.includes('series break') === true)) {
      const rule = SERIES_BREAK_RULES.find(
        (r) => r.subjectId === noted.subject.id || r.predecessorId === noted.subject.id,
      );
      const next = figures.find(
        (f) => f.regionName === noted.regionName && f.subject.id === rule?.subjectId && f.year > noted.year,
      );
      expect(next?.seriesBreak, `line ${String(noted.line)}`).not.toBeNull();
    }
  });

  it('flags a break a note records even without a reviewed rule', () => {
    const text = [
      HEADER,
      '全国,普通小学数,2020,15.80,万所,exact,s,q,counted differently from 2021 (series break)',
      '全国,普通小学数,2021,15.43,万所,exact,s,q,',
      '全国,普通小学数,2022,14.91,万所,exact,s,q,',
    ].join('\n');
    const read = readPublishedStatistics(text).figures;
    expect(read.map((f) => f.seriesBreak === null)).toEqual([true, false, true]);
    expect(read[1]?.seriesBreak?.zh).toMatch(/counted differently/u);
  });

  it('does not flag a region that has no figure of the old definition', () => {
    const text = [HEADER, '河南省,中等职业教育在校生,2021,110,万人,exact,s,q,'].join('\n');
    expect(readPublishedStatistics(text).figures[0]?.seriesBreak).toBeNull();
  });
});

describe('duplicates', () => {
  it('arise only where the file itself holds a figure twice', () => {
    const groups = new Map<string, PublishedFigure[]>();
    for (const f of figures) groups.set(key(f), [...(groups.get(key(f)) ?? []), f]);
    const twice = [...groups.values()].filter((group) => group.length > 1);
    expect(twice.map((group) => group.map((f) => f.line))).toEqual([
      [249, 250],
      [252, 253],
    ]);
    for (const group of twice) expect(new Set(group.map((f) => f.sourceWording)).size).toBe(1);
  });

  it('keep one figure per region, subject and year, the others in its note', () => {
    const { figures: kept, resolved } = resolveDuplicates(figures);
    expect(resolved).toEqual([
      { kept: 249, dropped: [250] },
      { kept: 252, dropped: [253] },
    ]);
    expect(kept).toHaveLength(308);
    expect(new Set(kept.map(key)).size).toBe(308);
    const taiyuan = kept.find((f) => f.line === 249);
    expect(taiyuan?.value).toBe(97.7);
    expect(taiyuan?.note).toBe(
      'year taken from the report date; probably 2020 school-year statistics；' +
        '另见：http://www.twtpybx.cn/system/2021/08/14/030359991.shtml 97.73%',
    );
  });

  it('prefer an exact figure over a lower bound, else the first', () => {
    const text = [
      HEADER,
      '山西省,高中阶段教育毛入学率,2024,96,%,at_least,first,q,',
      '山西省,高中阶段教育毛入学率,2024,96.3,%,exact,second,q,',
      '山西省,高中阶段教育毛入学率,2024,96.4,%,exact,third,q,',
      '山西省,学前教育毛入园率,2024,96,%,at_least,a,q,',
      '山西省,学前教育毛入园率,2024,95,%,at_least,b,q,',
    ].join('\n');
    const { figures: kept } = resolveDuplicates(readPublishedStatistics(text).figures);
    expect(kept.map((f) => [f.line, f.qualifier, f.note])).toEqual([
      [3, 'exact', '另见：first 至少96%；另见：third 96.4%'],
      [5, 'at_least', '另见：b 至少95%'],
    ]);
  });

  it('leave a file without duplicates as it is', () => {
    const once = figures.filter((f) => f.line < 100);
    expect(resolveDuplicates(once)).toEqual({ figures: once, resolved: [] });
  });
});

describe('a file that is not as expected', () => {
  const read = (...rows: string[]): ReturnType<typeof readPublishedStatistics> =>
    readPublishedStatistics([HEADER, ...rows].join('\n'));

  function failure(run: () => unknown): PublishedStatisticsError {
    try {
      run();
    } catch (error) {
      if (error instanceof PublishedStatisticsError) return error;
      throw error;
    }
    throw new Error('no error thrown');
  }

  it('refuses a value that is not a number, saying where', () => {
    const error = failure(() =>
      read('全国,幼儿园数,2020,29.17,万所,exact,s,q,', '全国,幼儿园数,2021,约29万,万所,exact,s,q,'),
    );
    expect(error).toMatchObject({ line: 3, column: 4, columnName: 'value' });
    expect(error.message).toMatch(/^第3行第4列（value）：数值“约29万”不是数字 \/ line 3, column 4/u);
  });

  it('refuses an unknown qualifier, a year that is not one, a figure without its source', () => {
    expect(failure(() => read('全国,幼儿园数,2020,29.17,万所,above,s,q,'))).toMatchObject({ line: 2, column: 6 });
    expect(failure(() => read('全国,幼儿园数,二〇二〇,29.17,万所,exact,s,q,'))).toMatchObject({ column: 3 });
    expect(failure(() => read('全国,幼儿园数,2020,29.17,万所,exact,,q,'))).toMatchObject({ column: 7 });
  });

  it('refuses a row the CSV parser cannot read, saying where', () => {
    expect(failure(() => read('全国,幼儿园数,2020,29.17,万所,exact,s,q,,extra'))).toMatchObject({ line: 2, column: 0 });
    const unclosed = failure(() => read('全国,幼儿园数,2020,29.17,万所,exact,s,"q,'));
    expect(unclosed).toMatchObject({ line: 2, column: 8, columnName: 'quote' });
    expect(unclosed.message).toMatch(/CSV_QUOTE_NOT_CLOSED/u);
  });

  it('refuses a header without a column it needs', () => {
    const error = failure(() => readPublishedStatistics('region,indicator,year,value,unit,source,quote,note\n'));
    expect(error).toMatchObject({ line: 1, columnName: 'qualifier' });
  });

  it('leaves a wording it does not know, or a unit it cannot convert, unplaced with the reason', () => {
    const { figures: placed, unplaced: left } = read(
      '全国,学前教育入园幼儿,2020,1791.40,万人,exact,s,q,',
      '全国,幼儿园数,2020,29.17,万个,exact,s,q,',
    );
    expect(placed).toEqual([]);
    expect(left.map((u) => [u.line, u.sourceWording])).toEqual([
      [2, '学前教育入园幼儿'],
      [3, '幼儿园数'],
    ]);
    expect(left[0]?.reason.zh).toMatch(/对照表中没有/u);
    expect(left[1]?.reason.en).toMatch(/does not convert/u);
  });

  it('counts lines as a person does, across blank lines and quoted line breaks', () => {
    const { figures: placed } = read(
      '全国,幼儿园数,2020,29.17,万所,exact,s,"two',
      'lines",',
      '',
      '全国,幼儿园数,2021,29.48,万所,exact,s,q,',
    );
    expect(placed.map((f) => [f.line, f.quote])).toEqual([
      [2, 'two\nlines'],
      [5, 'q'],
    ]);
  });
});
