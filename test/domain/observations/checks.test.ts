/** The checks a figure passes before it is stored, each naming its column and what to do. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../src/domain/catalogue/catalogue.ts';
import { dataElements } from '../../../src/domain/catalogue/elements.ts';
import {
  checkJump,
  checkRange,
  checkShares,
  checkYear,
  JUMP_THRESHOLD,
  toSubjectUnit,
} from '../../../src/domain/observations/checks.ts';
import { subjectRegistry } from '../../../src/domain/observations/subjects.ts';
import type { Subject } from '../../../src/domain/observations/subjects.ts';

const registry = subjectRegistry(defaultCatalogue, dataElements);
const subject = (id: string): Subject => {
  const found = registry.byId(id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe('the range check', () => {
  it('refuses a share above 100 but lets a gross rate pass it', () => {
    expect(checkRange(100.4, subject('primary-net-enrolment-rate'))[0]?.code).toBe('VALUE_OUT_OF_RANGE');
    expect(checkRange(104.2, subject('preschool-gross-enrolment-rate'))).toEqual([]);
    expect(checkRange(-1, subject('preschool-gross-enrolment-rate'))[0]?.column).toBe('value');
  });

  it('wants whole head counts', () => {
    expect(checkRange(9120.5, subject('kindergarten-children'))[0]?.code).toBe('VALUE_NOT_WHOLE');
    // 万人 counts have decimals.
    expect(checkRange(1.72, subject('secondary-vocational-enrolment'))).toEqual([]);
  });
});

describe('units', () => {
  it('converts 人 to 万人 and refuses a unit of another kind', () => {
    expect(toSubjectUnit(6695, '人', subject('secondary-vocational-enrolment'))).toEqual({ value: 0.6695 });
    const refused = toSubjectUnit(96, '人', subject('preschool-gross-enrolment-rate'));
    expect('problem' in refused && refused.problem.code).toBe('UNIT_MISMATCH');
  });
});

describe('the year check', () => {
  it('takes the baseline year to the last year of the plans, and nothing when no plan applies', () => {
    expect(checkYear(2020, { from: 2020, to: 2025 })).toEqual([]);
    expect(checkYear(2026, { from: 2020, to: 2025 })[0]?.code).toBe('YEAR_OUTSIDE_PERIOD');
    expect(checkYear(2024, null)[0]?.code).toBe('NO_PLAN_APPLIES');
  });
});

describe('the jump check', () => {
  const rate = subject('preschool-gross-enrolment-rate');
  const count = subject('kindergarten-children');

  it('warns beyond 10 percentage points for a share and 25% otherwise, asking for a comment', () => {
    expect(checkJump(96, { year: 2023, value: 85.9 }, rate)[0]).toMatchObject({
      severity: 'warning',
      column: 'comment',
    });
    expect(checkJump(95, { year: 2023, value: 85 }, rate)).toEqual([]);
    expect(checkJump(1_260, { year: 2023, value: 1_000 }, count)).toHaveLength(1);
    expect(checkJump(1_250, { year: 2023, value: 1_000 }, count)).toEqual([]);
    expect(checkJump(96, null, rate)).toEqual([]);
  });

  it('is symmetric: a fall warns exactly when the same rise does', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        (previous, factor) => {
          const rise = checkJump(previous * (1 + factor), { year: 2023, value: previous }, count).length;
          const fall = checkJump(previous * (1 - factor), { year: 2023, value: previous }, count).length;
          expect(rise).toBe(fall);
          expect(rise).toBe(factor > JUMP_THRESHOLD.relative ? 1 : 0);
        },
      ),
    );
  });
});

describe('numerator and denominator', () => {
  it('refuses more enrolled primary-age children than primary-age children', () => {
    const problems = checkShares(
      [
        { subjectId: 'primary-age-enrolled', value: 4_100 },
        { subjectId: 'primary-age-population', value: 4_000 },
      ],
      registry,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      numeratorId: 'primary-age-enrolled',
      problem: { code: 'NUMERATOR_ABOVE_DENOMINATOR' },
    });
  });

  it('lets a gross rate numerator pass its age group', () => {
    const problems = checkShares(
      [
        { subjectId: 'kindergarten-children', value: 4_100 },
        { subjectId: 'population-aged-3-5', value: 4_000 },
      ],
      registry,
    );
    expect(problems).toEqual([]);
  });
});
