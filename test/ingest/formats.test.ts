import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/ingest/normalise.ts';
import { readPlanDocument } from '../../src/ingest/read.ts';
import type { ParsedPlan } from '../../src/ingest/types.ts';

/** The same plan as .txt and as .docx/.pdf (fixtures made with LibreOffice and pandoc, see test/fixtures/README.md). */
const PAIRS: [seed: string, fixture: string][] = [
  ['000_cb1b58f4760fbe36.txt', '000_cb1b58f4760fbe36.docx'],
  ['000_cb1b58f4760fbe36.txt', '000_cb1b58f4760fbe36.table.docx'],
  ['000_cb1b58f4760fbe36.txt', '000_cb1b58f4760fbe36.pdf'],
  ['003_cc5f11e08b4c342e.txt', '003_cc5f11e08b4c342e.docx'],
  ['004_bb7b55e5c43c95eb.txt', '004_bb7b55e5c43c95eb.pdf'],
];

async function read(dir: string, name: string): Promise<{ plan: ParsedPlan; text: string }> {
  return readPlanDocument(readFileSync(new URL(`../../${dir}/${name}`, import.meta.url)), name);
}

// What the plan says, without where it says it: line numbers differ between a .txt and an extracted .pdf.
function indicators(plan: ParsedPlan): unknown[] {
  return plan.indicators.map((i) => ({
    category: i.category,
    name: i.name,
    unit: i.unit,
    baseline: [i.baseline.year, i.baseline.value],
    target: [i.target.year, i.target.value, i.target.comparator],
    attribute: i.attribute,
  }));
}

function projects(plan: ParsedPlan): unknown[] {
  return plan.projects.map((p) => ({
    number: p.number,
    title: p.title,
    subprojects: p.subprojects.map((s) => s.title),
    commitments: p.commitments.map((c) => [c.quantity, c.quantityMax, c.unit, c.object, c.approximate, c.comparator]),
  }));
}

describe.each(PAIRS)('%s read as %s', (seed, fixture) => {
  it('gives the same title, chapters, indicators and projects as the text', async () => {
    const [text, other] = await Promise.all([read('samples/plans', seed), read('test/fixtures', fixture)]);
    expect(other.plan.title).toBe(text.plan.title);
    expect(other.plan.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual(
      text.plan.sections.filter((s) => s.level === 1).map((s) => s.title),
    );
    expect(indicators(other.plan)).toEqual(indicators(text.plan));
    expect(projects(other.plan)).toEqual(projects(text.plan));
  });

  it('cites lines of the extracted text that hold what it found', async () => {
    const { plan, text } = await read('test/fixtures', fixture);
    const lines = normaliseText(text).lines;
    for (const indicator of plan.indicators) {
      expect(lines[indicator.line - 1]?.text.replace(/\s+/g, '')).toContain(indicator.name.slice(0, 4));
    }
    for (const project of plan.projects) expect(lines[project.line - 1]?.text).toContain('专栏');
  });
});
