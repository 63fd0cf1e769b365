/** Building alignment rows from a plan's indicator rows and their catalogue matches. */
import type { PlanIndicator, TableValue, TargetValue } from '../../ingest/types.ts';
import type { MatchFound, NoMatch } from '../catalogue/types.ts';
import type { ExplainedSide } from './explain.ts';
import { explainUnmatched } from './explain.ts';
import { convertFigures } from './figures.ts';
import type { Judgement } from './judge.ts';
import type { AlignmentRow } from './types.ts';

/** One side's values in the matched entry's unit, named for the sentences. */
export function sideOf(
  label: string,
  values: { readonly baseline: TableValue; readonly target: TargetValue },
  match: MatchFound,
): ExplainedSide {
  return { label, figures: convertFigures(values, match.unitFactor, match.entry.unit), targetRaw: values.target.raw };
}

/** The row for a paired (or parentless) child indicator, with its judgement. */
export function alignedRow(
  row: PlanIndicator,
  match: MatchFound,
  child: ExplainedSide,
  parent: { readonly side: ExplainedSide; readonly line: number } | null,
  judgement: Judgement,
): AlignmentRow {
  return {
    entryId: match.entry.id,
    name: row.name,
    childLine: row.line,
    parentLine: parent?.line ?? null,
    child: child.figures,
    parent: parent?.side.figures ?? null,
    ...judgement,
  };
}

/** A child row no catalogue entry fits: shown as printed, not comparable until a reviewer matches it. */
export function unmatchedRow(row: PlanIndicator, match: NoMatch): AlignmentRow {
  return {
    entryId: null,
    name: row.name,
    childLine: row.line,
    parentLine: null,
    child: convertFigures(row, 1, row.unit),
    parent: null,
    verdict: 'not-comparable',
    explanation: explainUnmatched(row.name, match.reason),
    difference: null,
  };
}
