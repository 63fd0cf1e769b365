import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogueById, defaultCatalogue } from '../../../src/domain/catalogue/catalogue.ts';
import { dataElementById, dataElements } from '../../../src/domain/catalogue/elements.ts';
import { statisticsEntries } from '../../../src/domain/catalogue/entries/statistics.ts';
import * as formulas from '../../../src/domain/catalogue/formulas.ts';
import { matchIndicator } from '../../../src/domain/catalogue/match.ts';
import { normaliseName } from '../../../src/domain/catalogue/normalise.ts';
import { statisticalElements } from '../../../src/domain/catalogue/statistics.ts';
import type { Formula, IndicatorRow } from '../../../src/domain/catalogue/types.ts';
import { unitFactor } from '../../../src/domain/catalogue/units.ts';
import { readPublishedStatistics } from '../../../src/domain/observations/published-statistics.ts';
import { expectation as xinzhou } from '../../expectations/000_cb1b58f4760fbe36.ts';
import { expectation as yangquan } from '../../expectations/001_491b52ef50c39cde.ts';
import { expectation as sanmenxia } from '../../expectations/002_31094d66b8551873.ts';
import { expectation as shuozhou } from '../../expectations/003_cc5f11e08b4c342e.ts';
import { expectation as shanxi } from '../../expectations/004_bb7b55e5c43c95eb.ts';

const SEEDS = [xinzhou, yangquan, sanmenxia, shuozhou, shanxi];
const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const published = readPublishedStatistics(read('../../../samples/data/real-stats.csv')).figures;

const exportedFormulas = Object.values(formulas).filter(
  (value): value is Formula => typeof value === 'object' && 'numerator' in value,
);

describe('the data elements registry', () => {
  it('holds each element once, under a slug id, with an English name and a unit it can convert', () => {
    const ids = dataElements.map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const element of dataElements) {
      expect(element.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(element.nameEn, element.id).toMatch(/^[\x20-\x7e]+$/);
      expect(unitFactor(element.unit, element.unit), element.id).toBe(1);
      expect(dataElementById.get(element.id)).toBe(element);
    }
  });

  it('has every element of the formulas, the same element wherever an id recurs', () => {
    expect(exportedFormulas).toHaveLength(9);
    const catalogueFormulas = defaultCatalogue.flatMap((entry) => (entry.formula === undefined ? [] : [entry.formula]));
    for (const formula of [...exportedFormulas, ...catalogueFormulas]) {
      for (const element of [formula.numerator, formula.denominator]) {
        if (element !== undefined) expect(dataElementById.get(element.id), element.id).toEqual(element);
      }
    }
  });

  it('is the formulas’ elements and the statistical ones, nothing else', () => {
    const formulaIds = defaultCatalogue.flatMap(({ formula }) =>
      formula === undefined ? [] : [formula.numerator.id, formula.denominator?.id ?? formula.numerator.id],
    );
    const expected = new Set([...formulaIds, ...statisticalElements.map((element) => element.id)]);
    expect(new Set(dataElements.map((element) => element.id))).toEqual(expected);
    for (const element of statisticalElements) expect(dataElementById.get(element.id)).toBe(element);
  });

  it('counts schools in 所, people in 人 or 万人 and money in 亿元', () => {
    for (const element of statisticalElements) {
      const expected = element.nameEn.startsWith('number of')
        ? ['所']
        : /teachers|enrolment|pupils|students|children/u.test(element.nameEn)
          ? ['人', '万人']
          : ['亿元'];
      expect(expected, element.id).toContain(element.unit);
    }
    expect(unitFactor('万所', '所')).toBe(10000);
    expect(unitFactor('万所', '个')).toBeNull();
  });

  it('shares an id with a catalogue entry only where both are one quantity', () => {
    const shared = dataElements.filter((element) => catalogueById.has(element.id)).map((element) => element.id);
    expect(shared).toEqual([
      // 高等教育在学总规模: the gross enrolment rate's numerator (formula element, in 人) is the count the catalogue
      // entry holds (in 万人); the subject registry lets the entry stand for both, so one series holds it.
      'higher-education-total-enrolment',
    ]);
    for (const id of shared) {
      const element = dataElementById.get(id);
      const entry = catalogueById.get(id);
      expect(element?.name).toBe(entry?.name);
      expect(unitFactor(element?.unit ?? '', entry?.unit ?? ''), id).not.toBeNull();
    }
  });

  it('gives no element the name of another entry, so a name denotes one subject', () => {
    for (const element of dataElements) {
      const entry = defaultCatalogue.find((candidate) => normaliseName(candidate.name) === normaliseName(element.name));
      if (entry !== undefined) expect(entry.id, element.name).toBe(element.id);
    }
  });

  it('is what the published figures are counted in', () => {
    const used = new Set(published.filter((f) => f.subject.kind === 'element').map((f) => f.subject.id));
    expect(statisticalElements.filter((element) => !used.has(element.id)).map((element) => element.id)).toEqual([]);
  });
});

describe('the entries only the published statistics carry', () => {
  it('come last in the catalogue', () => {
    expect(defaultCatalogue.slice(-statisticsEntries.length)).toEqual(statisticsEntries);
  });

  it('each stand for a published figure', () => {
    const used = new Set(published.filter((f) => f.subject.kind === 'indicator').map((f) => f.subject.id));
    expect(statisticsEntries.filter((entry) => !used.has(entry.id)).map((entry) => entry.id)).toEqual([]);
  });

  it('keep the census average apart from the plans’ working-age indicator', () => {
    const census = catalogueById.get('population-15-plus-years-of-schooling');
    expect(census?.formula).toBeUndefined();
    expect(census?.name).not.toBe(catalogueById.get('working-age-years-of-schooling')?.name);
  });

  it('compute 公办园在园幼儿占比 from two elements of the registry', () => {
    const formula = catalogueById.get('public-kindergarten-enrolment-share')?.formula;
    expect(formula?.numerator).toBe(dataElementById.get('public-kindergarten-children'));
    expect(formula?.denominator).toBe(dataElementById.get('kindergarten-children'));
    // 晋城 2025: 35410 of 50467 children in public kindergartens, printed as 70.16%.
    const jincheng = (id: string): number =>
      published.find((f) => f.regionName === '晋城市' && f.subject.id === id && f.year === 2025)?.value ?? Number.NaN;
    const computed =
      (jincheng('public-kindergarten-children') / jincheng('kindergarten-children')) * (formula?.factor ?? Number.NaN);
    expect(computed).toBeCloseTo(jincheng('public-kindergarten-enrolment-share'), 2);
  });

  it('take no plan’s row, nor any rate a plan’s text names, from the entry it matched before', () => {
    const before = defaultCatalogue.filter((entry) => !statisticsEntries.includes(entry));
    const rows: IndicatorRow[] = SEEDS.flatMap((seed) => seed.indicators);
    for (const seed of [
      '000_cb1b58f4760fbe36',
      '001_491b52ef50c39cde',
      '002_31094d66b8551873',
      '003_cc5f11e08b4c342e',
      '004_bb7b55e5c43c95eb',
    ]) {
      const text = read(`../../../samples/plans/${seed}.txt`);
      for (const [name] of text.matchAll(/[\p{Script=Han}“”（）]{2,20}(?:率|年限|占比|比例)/gu)) {
        rows.push({ name, category: null, unit: '%' });
      }
    }
    rows.push(...published.map((f) => ({ name: f.sourceWording, category: null, unit: f.reportedUnit })));
    for (const row of rows) {
      const was = matchIndicator(row, before);
      const now = matchIndicator(row, defaultCatalogue);
      if (was.entry === null) continue;
      expect({ entry: now.entry?.id, method: now.method }, row.name).toEqual({
        entry: was.entry.id,
        method: was.method,
      });
    }
  });
});
