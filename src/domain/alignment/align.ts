/**
 * A plan's targets beside its parent plan's (a city's beside its province's). Both plans' rows are placed in the
 * catalogue; a child row is paired with the parent row of the same entry and the same sub-item (其中：小学 is paired
 * with 小学, never with the whole rate), and judged by judge.ts. When the parent prints an entry twice, its first row
 * counts; parentLine says which one was used.
 */
import { defaultCatalogue } from '../catalogue/catalogue.ts';
import { matchIndicator } from '../catalogue/match.ts';
import type { CatalogueEntry, MatchFound } from '../catalogue/types.ts';
import type { PlanIndicator } from '../../ingest/types.ts';
import { judgePairing } from './judge.ts';
import { alignedRow, sideOf, unmatchedRow } from './rows.ts';
import type { AlignablePlan, AlignmentRow } from './types.ts';

interface ParentRow {
  readonly indicator: PlanIndicator;
  readonly match: MatchFound;
}

/**
 * Each of the child plan's indicator rows beside the parent plan's row for the same catalogue entry, with a verdict.
 *
 * @example alignPlans(parsePlanText(忻州), parsePlanText(山西), defaultCatalogue)[0]
 *   // { entryId: 'preschool-gross-enrolment-rate', child: { target: 96.5, … }, parent: { target: 96.5, … },
 *   //   verdict: 'aligned', difference: 0, … }
 */
export function alignPlans(
  child: AlignablePlan,
  parent: AlignablePlan,
  catalogue: readonly CatalogueEntry[] = defaultCatalogue,
): AlignmentRow[] {
  const parentRows = indexRows(parent.indicators, catalogue);
  const childLabel = child.region?.name ?? '本级';
  const parentLabel = parent.region?.name ?? '上级';
  const sameRegion = isSameRegion(child.region, parent.region);
  return child.indicators.map((row) => {
    const match = matchIndicator(row, catalogue);
    if (match.method === 'none') return unmatchedRow(row, match);
    const childSide = sideOf(childLabel, row, match);
    const paired = parentRows.get(pairKey(match.entry.id, row.subItem));
    const parentSide =
      paired === undefined
        ? null
        : { side: sideOf(parentLabel, paired.indicator, paired.match), line: paired.indicator.line };
    const judgement = judgePairing({
      entry: match.entry,
      child: childSide,
      parent: parentSide?.side ?? null,
      parentLabel,
      sameRegion,
    });
    return alignedRow(row, match, childSide, parentSide, judgement);
  });
}

function indexRows(indicators: readonly PlanIndicator[], catalogue: readonly CatalogueEntry[]): Map<string, ParentRow> {
  const rows = new Map<string, ParentRow>();
  for (const indicator of indicators) {
    const match = matchIndicator(indicator, catalogue);
    if (match.method === 'none') continue;
    const key = pairKey(match.entry.id, indicator.subItem);
    if (!rows.has(key)) rows.set(key, { indicator, match });
  }
  return rows;
}

function pairKey(entryId: string, subItem: string | undefined): string {
  return `${entryId}\u0000${subItem ?? ''}`;
}

/** By GB/T 2260 code when both plans know it, else by the name in the title; unknown regions are never the same. */
function isSameRegion(a: AlignablePlan['region'], b: AlignablePlan['region']): boolean {
  if (a === null || b === null) return false;
  if (a.code !== null && b.code !== null) return a.code === b.code;
  return a.name === b.name;
}
