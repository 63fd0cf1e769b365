/** The sample plans, parsed once per test file, and small helpers to find their rows. */
import { readFileSync } from 'node:fs';
import { parsePlanText } from '../../../src/ingest/parse.ts';
import type { ParsedPlan, PlanIndicator } from '../../../src/ingest/types.ts';
import type { AlignmentRow } from '../../../src/domain/alignment/types.ts';

function readSeed(file: string): ParsedPlan {
  return parsePlanText(readFileSync(new URL(`../../../samples/plans/${file}`, import.meta.url), 'utf8'), 'txt');
}

export const xinzhou = readSeed('000_cb1b58f4760fbe36.txt');
export const yangquan = readSeed('001_491b52ef50c39cde.txt');
export const sanmenxia = readSeed('002_31094d66b8551873.txt');
export const shuozhou = readSeed('003_cc5f11e08b4c342e.txt');
export const shanxi = readSeed('004_bb7b55e5c43c95eb.txt');

/** The plan's row printed under this name (the first, when a short name repeats across groups). */
export function indicatorNamed(plan: ParsedPlan, name: string): PlanIndicator {
  const found = plan.indicators.find((indicator) => indicator.name === name);
  if (found === undefined) throw new Error(`no row ${name} in ${plan.region?.name ?? 'the plan'}`);
  return found;
}

/** The alignment row for the child row printed under this name. */
export function rowNamed(rows: readonly AlignmentRow[], name: string): AlignmentRow {
  const found = rows.find((row) => row.name === name);
  if (found === undefined) throw new Error(`no alignment row ${name}`);
  return found;
}
