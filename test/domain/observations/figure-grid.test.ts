/**
 * The grid computes every region's figures in one pass; aggregate() computes one region's by recursion, and is what
 * the evaluation service has always used. On any tree and any gaps in what was reported, they must give the same
 * figure, provenance and coverage for every region, subject and year.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../src/domain/catalogue/catalogue.ts';
import { dataElements } from '../../../src/domain/catalogue/elements.ts';
import { aggregate, regionNodes } from '../../../src/domain/observations/aggregate.ts';
import { figureGrid } from '../../../src/domain/observations/figure-grid.ts';
import type { GridFigure, GridPoint } from '../../../src/domain/observations/figure-grid.ts';
import { subjectRegistry } from '../../../src/domain/observations/subjects.ts';
import type { Subject } from '../../../src/domain/observations/subjects.ts';

const registry = subjectRegistry(defaultCatalogue, dataElements);
const subject = (id: string): Subject => {
  const found = registry.byId(id);
  if (found === undefined) throw new Error(id);
  return found;
};
// A count, a ratio of two head counts, a ratio whose numerator is stored in 万人 (the entry stands for the element),
// and a rate no sum gives.
const SUBJECTS = [
  subject('general-high-school-enrolment'),
  subject('preschool-gross-enrolment-rate'),
  subject('higher-education-gross-enrolment-rate'),
  subject('preschool-quality-rate'),
];
const READ = [
  ...SUBJECTS,
  subject('kindergarten-children'),
  subject('population-aged-3-5'),
  subject('higher-education-total-enrolment'),
  subject('population-aged-18-22'),
];
const YEARS = [2020, 2021];

/** A province of up to 4 cities of up to 4 counties, some cities without counties. */
const tree = fc.array(fc.nat({ max: 4 }), { minLength: 1, maxLength: 4 }).map((cities) => {
  const regions = [{ code: '140000', parent_code: null as string | null }];
  cities.forEach((counties, city) => {
    const cityCode = `14${String(city + 1).padStart(2, '0')}00`;
    regions.push({ code: cityCode, parent_code: '140000' });
    for (let county = 1; county <= counties; county += 1) {
      regions.push({ code: `${cityCode.slice(0, 4)}${String(county).padStart(2, '0')}`, parent_code: cityCode });
    }
  });
  return regions;
});

/** The service's reading of one cell: the region's own figure, else the aggregate with its coverage. */
function expected(
  regions: readonly { code: string; parent_code: string | null }[],
  figures: readonly GridFigure[],
  code: string,
  of: Subject,
  year: number,
): GridPoint | undefined {
  const values = new Map(figures.filter((f) => f.year === year).map((f) => [`${f.region}:${f.subject}`, f.value]));
  const own = values.get(`${code}:${of.id}`);
  if (own !== undefined) return { year, value: own, qualifier: 'exact', provenance: 'reported', coverage: null };
  const node = regionNodes(regions).get(code);
  if (node === undefined) return undefined;
  const result = aggregate(node, of, registry, (region, id) => values.get(`${region}:${id}`));
  if (result.computed === null) return undefined;
  return {
    year,
    value: result.computed,
    qualifier: 'exact',
    provenance: 'computed',
    coverage:
      result.completeness === null
        ? null
        : { reporting: result.completeness.reporting, expected: result.completeness.expected },
  };
}

describe('figureGrid', () => {
  it('gives every region, subject and year the figure aggregate() gives', () => {
    const scenario = tree.chain((regions) =>
      fc
        .array(
          fc.record({
            region: fc.constantFrom(...regions.map((region) => region.code)),
            subject: fc.constantFrom(...READ.map((one) => one.id)),
            year: fc.constantFrom(...YEARS),
            value: fc.integer({ min: 0, max: 200_000 }).map((value) => value / 10),
          }),
          { maxLength: 120 },
        )
        .map((figures) => {
          // One figure per region, subject and year, as the database keeps them.
          const unique = new Map(
            figures.map((figure) => [`${figure.region}:${figure.subject}:${String(figure.year)}`, figure]),
          );
          return { regions, figures: [...unique.values()] };
        }),
    );
    fc.assert(
      fc.property(scenario, ({ regions, figures }) => {
        const grid = figureGrid({ regions, subjects: SUBJECTS, registry, fromYear: 2020, toYear: 2021, figures });
        for (const region of regions) {
          for (const one of SUBJECTS) {
            for (const year of YEARS) {
              const ours = grid.point(region.code, one.id, year);
              const theirs = expected(regions, figures, region.code, one, year);
              expect(ours, `${region.code} ${one.id} ${String(year)}`).toEqual(theirs);
            }
          }
        }
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('leaves a year outside its span, an unknown region and an unknown subject without a figure', () => {
    const grid = figureGrid({
      regions: [{ code: '140000', parent_code: null }],
      subjects: SUBJECTS,
      registry,
      fromYear: 2020,
      toYear: 2020,
      figures: [{ region: '140000', subject: 'preschool-quality-rate', year: 2020, value: 80 }],
    });
    expect(grid.point('140000', 'preschool-quality-rate', 2020)).toMatchObject({ value: 80, provenance: 'reported' });
    expect(grid.point('140000', 'preschool-quality-rate', 2021)).toBeUndefined();
    expect(grid.point('410000', 'preschool-quality-rate', 2020)).toBeUndefined();
    expect(grid.point('140000', 'no-such-indicator', 2020)).toBeUndefined();
  });
});
