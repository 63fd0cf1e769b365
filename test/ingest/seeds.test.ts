import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/ingest/parse.ts';
import type { Commitment, ParsedPlan } from '../../src/ingest/types.ts';
import { expectation as xinzhou } from '../expectations/000_cb1b58f4760fbe36.ts';
import { expectation as yangquan } from '../expectations/001_491b52ef50c39cde.ts';
import { expectation as sanmenxia } from '../expectations/002_31094d66b8551873.ts';
import { expectation as shuozhou } from '../expectations/003_cc5f11e08b4c342e.ts';
import { expectation as shanxi } from '../expectations/004_bb7b55e5c43c95eb.ts';
import type { ExpectedCommitment, SeedExpectation } from '../expectations/types.ts';

const SEEDS: SeedExpectation[] = [xinzhou, yangquan, sanmenxia, shuozhou, shanxi];

function parseSeed(seed: SeedExpectation): ParsedPlan {
  return parsePlanText(readFileSync(new URL(`../../${seed.file}`, import.meta.url), 'utf8'), 'txt');
}

function matches(actual: Commitment, expected: ExpectedCommitment): boolean {
  return (
    actual.quantity === expected.quantity &&
    actual.quantityMax === expected.quantityMax &&
    actual.unit === expected.unit &&
    actual.object.includes(expected.object) &&
    actual.line === expected.line
  );
}

describe.each(SEEDS)('the reader on $file ($region.name)', (seed) => {
  const plan = parseSeed(seed);

  it('reads the title, region, issuing notice, period and parent plans', () => {
    expect({
      title: plan.title,
      region: plan.region && { name: plan.region.name, level: plan.region.level },
      issuer: plan.issuer,
      docNumber: plan.docNumber,
      issuedDate: plan.issuedDate,
      period: plan.period,
      parentPlans: plan.parentPlans,
    }).toEqual({
      title: seed.title,
      region: seed.region,
      issuer: seed.issuer,
      docNumber: seed.docNumber,
      issuedDate: seed.issuedDate,
      period: seed.period,
      parentPlans: seed.parentPlans,
    });
  });

  it('finds every chapter heading of the body, and none from the table of contents', () => {
    const chapters = plan.sections
      .filter((s) => s.level === 1)
      .map(({ number, title, line }) => ({ number, title, line }));
    expect(chapters).toEqual(seed.chapters);
  });

  it('reads every indicator row: name, unit, baseline, target, comparator, attribute, line', () => {
    const rows = plan.indicators.map(({ category, name, unit, baseline, target, attribute, line, reference }) => ({
      category,
      name,
      unit,
      baseline,
      target,
      attribute,
      line,
      ...(reference ? { reference } : {}),
    }));
    expect(rows).toEqual(seed.indicators);
  });

  it('finds every 专栏 box with its title, line and named sub-projects', () => {
    const boxes = plan.projects.map((p) => ({
      number: p.number,
      title: p.title,
      line: p.line,
      subprojects: p.subprojects.map((s) => s.title),
    }));
    expect(boxes).toEqual(
      seed.projects.map(({ number, title, line, subprojects }) => ({ number, title, line, subprojects })),
    );
  });

  it('finds every quantified commitment of every box, with its unit, range, approximation and comparator', () => {
    for (const project of seed.projects) {
      const actual = plan.projects.find((p) => p.number === project.number)?.commitments ?? [];
      for (const expected of project.commitments) {
        const found = actual.find((c) => matches(c, expected));
        expect(
          found,
          `专栏${project.number}: ${expected.quantity}${expected.unit} ${expected.object} (line ${expected.line})`,
        ).toBeDefined();
        expect(
          { approximate: found?.approximate, comparator: found?.comparator, subproject: found?.subproject },
          `专栏${project.number}: ${expected.quantity}${expected.unit} ${expected.object}`,
        ).toEqual({
          approximate: expected.approximate,
          comparator: expected.comparator,
          subproject: expected.subproject,
        });
      }
    }
  });

  it('reports no commitment a reader did not find (no years, names, ratios or per-unit norms)', () => {
    const extras = seed.projects.flatMap((project) => {
      const actual = plan.projects.find((p) => p.number === project.number)?.commitments ?? [];
      return actual
        .filter((c) => !project.commitments.some((e) => matches(c, e)))
        .map((c) => `专栏${project.number} line ${c.line}: ${c.quantity}${c.unit} ${c.object}`);
    });
    expect(extras).toEqual([]);
  });
});
