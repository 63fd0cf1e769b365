/**
 * A row against the other region's columns its own table prints (三门峡's table carries 河南's baseline and target
 * beside its own). The same verdicts as alignPlans, with the reference region as the parent; the two regions always
 * differ, so counts are never compared.
 */
import { defaultCatalogue } from '../catalogue/catalogue.ts';
import { matchIndicator } from '../catalogue/match.ts';
import type { CatalogueEntry } from '../catalogue/types.ts';
import type { PlanIndicator } from '../../ingest/types.ts';
import { judgePairing } from './judge.ts';
import { alignedRow, sideOf, unmatchedRow } from './rows.ts';
import type { AlignablePlan, AlignmentRow } from './types.ts';

/**
 * The verdict of a row against its own reference-region columns; null when the row has none.
 *
 * @example alignWithReference(三门峡's 学前教育毛入园率 row) // 97 vs 河南 >93 → { verdict: 'more-ambitious', … }
 */
export function alignWithReference(
  indicator: PlanIndicator,
  catalogue: readonly CatalogueEntry[] = defaultCatalogue,
  regionName: string | null = null,
): AlignmentRow | null {
  const reference = indicator.reference;
  if (reference === null) return null;
  const match = matchIndicator(indicator, catalogue);
  if (match.method === 'none') return unmatchedRow(indicator, match);
  // The reference cells sit under the row's own unit header, so the row's unit factor converts them too.
  const child = sideOf(regionName ?? '本级', indicator, match);
  const parent = { side: sideOf(reference.region, reference, match), line: indicator.line };
  const judgement = judgePairing({
    entry: match.entry,
    child,
    parent: parent.side,
    parentLabel: reference.region,
    sameRegion: false,
  });
  return alignedRow(indicator, match, child, parent, judgement);
}

/** Every row of a plan that carries reference-region columns, judged against them (rows without are left out). */
export function alignWithReferences(
  plan: AlignablePlan,
  catalogue: readonly CatalogueEntry[] = defaultCatalogue,
): AlignmentRow[] {
  const regionName = plan.region?.name ?? null;
  return plan.indicators.flatMap((indicator) => alignWithReference(indicator, catalogue, regionName) ?? []);
}
