/**
 * Placing a plan's indicator row in the catalogue, in three steps: the canonical name, then a synonym (a short name
 * only under its table group), then fuzzy similarity for a reviewer to confirm. A row whose unit cannot be converted
 * to the entry's is not matched: either the row was misread or it is another indicator.
 */
import { diceSimilarity } from './dice.ts';
import { fuzzyKey, normaliseName } from './normalise.ts';
import type { NameKey } from './normalise.ts';
import { roundSignificant, unitFactor } from './units.ts';
import type { CatalogueEntry, IndicatorRow, Match, MatchCandidate, MatchMethod, Synonym } from './types.ts';

/** Fuzzy matches below this go to a reviewer as candidates. 高中阶段毛入学率 against 高中阶段教育毛入学率 scores 0.75. */
export const FUZZY_THRESHOLD = 0.75;

/**
 * A fuzzy match that needed a scope note dropped, a word dropped or substituted, or the group read as context keeps
 * 90% of its similarity: still above the threshold when the rest is identical, but never shown as certain.
 */
const REWRITE_DISCOUNT = 0.9;

const CANDIDATE_COUNT = 3;

/**
 * The catalogue entry a row stands for, how it was found, and the factor to its unit; or the best candidates.
 *
 * @example matchIndicator({ name: '入园率', category: '学前教育', unit: '%' }, defaultCatalogue)
 *   // { entry: 学前教育毛入园率, method: 'synonym', confidence: 1, unitFactor: 1 }
 */
export function matchIndicator(row: IndicatorRow, catalogue: readonly CatalogueEntry[]): Match {
  const named = findByName(row, catalogue);
  if (named !== null) return withUnit(row, { entry: named.entry, confidence: 1 }, named.method, catalogue);
  const ranked = rankBySimilarity(row, catalogue);
  const best = ranked[0];
  if (best !== undefined && best.confidence >= FUZZY_THRESHOLD) return withUnit(row, best, 'fuzzy', catalogue);
  return { entry: null, method: 'none', candidates: ranked.slice(0, CANDIDATE_COUNT), reason: 'no-similar-name' };
}

function findByName(
  row: IndicatorRow,
  catalogue: readonly CatalogueEntry[],
): { entry: CatalogueEntry; method: MatchMethod } | null {
  const name = normaliseName(row.name);
  const exact = catalogue.find((entry) => normaliseName(entry.name) === name);
  if (exact !== undefined) return { entry: exact, method: 'exact' };
  const category = row.category === null ? null : normaliseName(row.category);
  const sameName = (synonym: Synonym): boolean => normaliseName(synonym.name) === name;
  // A short name under its own group wins over a name that a synonym accepts under any group.
  const bySynonym =
    findSynonym(
      catalogue,
      (synonym) => synonym.category !== undefined && sameGroup(synonym.category, category) && sameName(synonym),
    ) ?? findSynonym(catalogue, (synonym) => synonym.category === undefined && sameName(synonym));
  return bySynonym === undefined ? null : { entry: bySynonym, method: 'synonym' };
}

function sameGroup(synonymCategory: string, rowCategory: string | null): boolean {
  return rowCategory !== null && normaliseName(synonymCategory) === rowCategory;
}

function findSynonym(
  catalogue: readonly CatalogueEntry[],
  accepts: (synonym: Synonym) => boolean,
): CatalogueEntry | undefined {
  return catalogue.find((entry) => entry.synonyms.some(accepts));
}

function withUnit(
  row: IndicatorRow,
  found: MatchCandidate,
  method: MatchMethod,
  catalogue: readonly CatalogueEntry[],
): Match {
  const factor = row.unit === null ? 1 : unitFactor(row.unit, found.entry.unit);
  if (factor !== null) return { entry: found.entry, method, confidence: found.confidence, unitFactor: factor };
  const others = rankBySimilarity(row, catalogue).filter((candidate) => candidate.entry !== found.entry);
  return {
    entry: null,
    method: 'none',
    candidates: [found, ...others].slice(0, CANDIDATE_COUNT),
    reason: 'unit-mismatch',
  };
}

/** Every entry with a similarity above 0, best first (catalogue order among equals). */
function rankBySimilarity(row: IndicatorRow, catalogue: readonly CatalogueEntry[]): MatchCandidate[] {
  const rowKeys = [fuzzyKey(row.name), ...(row.category === null ? [] : [inGroup(row.category, row.name)])];
  return catalogue
    .map((entry) => ({ entry, confidence: bestScore(rowKeys, entryKeys(entry)) }))
    .filter((candidate) => candidate.confidence > 0)
    .sort((a, b) => b.confidence - a.confidence);
}

// A memo, invisible from outside: entries are immutable, so their keys are computed once per entry.
const keyCache = new WeakMap<CatalogueEntry, readonly NameKey[]>();

/** The entry's names as fuzzy keys: canonical, and each synonym with its group prepended when it has one. */
function entryKeys(entry: CatalogueEntry): readonly NameKey[] {
  const cached = keyCache.get(entry);
  if (cached !== undefined) return cached;
  const keys = [
    fuzzyKey(entry.name),
    ...entry.synonyms.map((synonym) =>
      synonym.category === undefined ? fuzzyKey(synonym.name) : inGroup(synonym.category, synonym.name),
    ),
  ];
  keyCache.set(entry, keys);
  return keys;
}

/**
 * A name read with its group as context (学前教育 + 毛入园率). Never literal: the group says which stage, not which
 * rate, so 辍学率 under 高中阶段教育 must not pass for 入学率 there on the strength of the shared group.
 */
function inGroup(category: string, name: string): NameKey {
  return { ...fuzzyKey(category + name), rewritten: true };
}

function bestScore(rowKeys: readonly NameKey[], keys: readonly NameKey[]): number {
  let best = 0;
  for (const rowKey of rowKeys) for (const key of keys) best = Math.max(best, score(rowKey, key));
  return best;
}

/** Dice similarity of the cores, discounted when the names differed by more than spelling. */
function score(a: NameKey, b: NameKey): number {
  const similarity = diceSimilarity(a.core, b.core);
  const literal = a.scope === b.scope && !a.rewritten && !b.rewritten;
  // Rounded so that 0.9 × 5/6 is the 0.75 it means, on the right side of the threshold.
  return roundSignificant(literal ? similarity : similarity * REWRITE_DISCOUNT);
}
