import { describe, expect, it } from 'vitest';
import { catalogueById, defaultCatalogue } from '../../../src/domain/catalogue/catalogue.ts';
import { normaliseName } from '../../../src/domain/catalogue/normalise.ts';
import { unitFactor } from '../../../src/domain/catalogue/units.ts';

describe('the default catalogue', () => {
  it('gives every entry a unique slug id, an English name, a kind and a direction', () => {
    const ids = defaultCatalogue.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of defaultCatalogue) {
      expect(entry.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(entry.nameEn, entry.id).toMatch(/^[\x20-\x7e’]+$/);
      expect(['ratio', 'count', 'average', 'index']).toContain(entry.kind);
      expect(['increase', 'decrease', 'maintain']).toContain(entry.direction);
      expect(catalogueById.get(entry.id)).toBe(entry);
    }
  });

  it('has no name, and no short name within one group, that could mean two entries', () => {
    const keys = defaultCatalogue.flatMap((entry) => [
      normaliseName(entry.name),
      ...entry.synonyms.map((synonym) => `${synonym.category ?? ''}/${normaliseName(synonym.name)}`),
    ]);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('uses units it can convert, and % for every ratio of two counts', () => {
    for (const entry of defaultCatalogue) {
      expect(unitFactor(entry.unit, entry.unit), entry.id).toBe(1);
      if (entry.formula?.factor === 100) expect(entry.unit, entry.id).toBe('%');
    }
  });

  it('cites a source for every formula and marks only gross rates as able to pass 100', () => {
    for (const entry of defaultCatalogue) {
      if (entry.formula !== undefined) {
        expect(entry.formula.source, entry.id).toMatch(/教育统计指标解释/);
        // The text people read and the elements data is collected for must be the same formula.
        expect(entry.formula.text, entry.id).toContain(entry.formula.numerator.name);
        expect(entry.formula.text, entry.id).toContain(entry.formula.denominator?.name ?? '');
      }
      if (entry.mayExceed100 === true) expect(entry.name, entry.id).toMatch(/毛入(?:园|学)率/);
    }
  });

  it('has the formulas of indicator-definitions.md', () => {
    const withFormula = defaultCatalogue.filter((entry) => entry.formula !== undefined).map((entry) => entry.id);
    expect(withFormula).toEqual([
      'preschool-gross-enrolment-rate',
      'inclusive-kindergarten-coverage',
      'primary-net-enrolment-rate',
      'junior-secondary-net-enrolment-rate',
      'compulsory-education-retention-rate',
      'upper-secondary-gross-enrolment-rate',
      'dual-qualified-teacher-share',
      'higher-education-gross-enrolment-rate',
      'working-age-years-of-schooling',
      'public-kindergarten-enrolment-share',
    ]);
  });
});
