/**
 * A region's figure computed from the regions below it: counts are summed; a ratio is the sum of the children's
 * numerators over the sum of their denominators (never an average of percentages); the completeness (how many
 * children reported) goes with every aggregate. A figure the region reported itself is kept beside the computed
 * one, and a difference beyond rounding is flagged, never reconciled silently.
 */
import { roundSignificant } from '../catalogue/units.ts';
import { inElementUnit } from './checks.ts';
import type { Subject, SubjectRegistry } from './subjects.ts';

/** A region and the regions directly below it, recursively (the tree in force for the year). */
export interface RegionNode {
  readonly code: string;
  readonly children: readonly RegionNode[];
}

/**
 * The tree of regions listed parents first (as a subtree query returns them), as nodes by code. Children keep the
 * list's order.
 */
export function regionNodes(regions: readonly { code: string; parent_code: string | null }[]): Map<string, RegionNode> {
  const children = new Map<string, RegionNode[]>();
  const nodes = new Map<string, RegionNode>();
  for (const region of [...regions].reverse()) {
    const node: RegionNode = { code: region.code, children: children.get(region.code) ?? [] };
    nodes.set(region.code, node);
    if (region.parent_code !== null)
      children.set(region.parent_code, [node, ...(children.get(region.parent_code) ?? [])]);
  }
  return nodes;
}

/** A stored value of a region, in the subject's canonical unit; undefined when it has not been reported. */
export type ValueLookup = (regionCode: string, subjectId: string) => number | undefined;

/**
 * When a reported figure and the computed one differ: by more than 0.1 percentage points for a share (one decimal
 * place of rounding on each side), by more than 0.5% of the computed value otherwise.
 */
export const DIFFERENCE_TOLERANCE = { percentagePoints: 0.1, relative: 0.005 } as const;

export interface Completeness {
  /** Children whose figures entered the computation. */
  readonly reporting: number;
  readonly expected: number;
  /** The children that did not report (codes, in tree order). */
  readonly missing: readonly string[];
}

export type AggregateMethod = 'sum' | 'ratio-of-sums' | 'own-elements' | 'none';

export interface Aggregate {
  readonly regionCode: string;
  /** What the region reported itself, null when it did not. */
  readonly reported: number | null;
  /** What follows from its children's figures (or, for a ratio, from its own two elements); null when nothing does. */
  readonly computed: number | null;
  readonly method: AggregateMethod;
  /** For a ratio: the sums it divides, in the elements' units. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** Null for a region without children. */
  readonly completeness: Completeness | null;
  /** reported - computed when both exist. */
  readonly difference: number | null;
  /** The difference exceeds DIFFERENCE_TOLERANCE. */
  readonly differs: boolean;
  /** Why nothing could be computed, when nothing could. */
  readonly reason: { readonly zh: string; readonly en: string } | null;
}

interface Pair {
  readonly numerator: number;
  readonly denominator: number;
}

/** The aggregate of a subject at the root of a tree. */
export function aggregate(
  root: RegionNode,
  subject: Subject,
  registry: SubjectRegistry,
  lookup: ValueLookup,
): Aggregate {
  const reported = lookup(root.code, subject.id) ?? null;
  const { aggregation } = subject;
  if (aggregation.method === 'none') {
    return result(
      root.code,
      subject,
      reported,
      null,
      'none',
      null,
      null,
      completenessOf(root, () => false),
      aggregation.reason,
    );
  }
  if (aggregation.method === 'sum') {
    const best = (node: RegionNode): number | undefined => lookup(node.code, subject.id) ?? sumOf(node, best).value;
    const { value, completeness } = sumOf(root, best);
    return result(
      root.code,
      subject,
      reported,
      value ?? null,
      'sum',
      null,
      null,
      completeness,
      value === undefined ? NO_CHILD_DATA : null,
    );
  }
  const { numerator, denominator, factor } = aggregation;
  const own = (node: RegionNode): Pair | undefined => {
    const top = inElementUnit(lookup(node.code, numerator.id), numerator.id, numerator.unit, registry);
    const bottom = inElementUnit(lookup(node.code, denominator.id), denominator.id, denominator.unit, registry);
    return top === undefined || bottom === undefined ? undefined : { numerator: top, denominator: bottom };
  };
  const best = (node: RegionNode): Pair | undefined => own(node) ?? pairOf(node, best).pair;
  // A county's ratio follows from its own two elements; a region's from the sums of its children's.
  const leaf = root.children.length === 0;
  const { pair, completeness } = leaf ? { pair: own(root), completeness: null } : pairOf(root, best);
  const value = pair === undefined || pair.denominator === 0 ? null : (pair.numerator / pair.denominator) * factor;
  return result(
    root.code,
    subject,
    reported,
    value,
    leaf ? 'own-elements' : 'ratio-of-sums',
    pair?.numerator ?? null,
    pair?.denominator ?? null,
    completeness,
    value !== null ? null : leaf ? NO_ELEMENTS : NO_CHILD_DATA,
  );
}

const NO_CHILD_DATA = {
  zh: '下级地区尚无可汇总的数据',
  en: 'No region below has reported figures to aggregate',
};

const NO_ELEMENTS = {
  zh: '本地区未填报计算所需的分子和分母',
  en: 'The region has not reported the numerator and denominator this is computed from',
};

function completenessOf(node: RegionNode, reported: (child: RegionNode) => boolean): Completeness | null {
  if (node.children.length === 0) return null;
  const missing = node.children.filter((child) => !reported(child)).map((child) => child.code);
  return { reporting: node.children.length - missing.length, expected: node.children.length, missing };
}

function sumOf(
  node: RegionNode,
  best: (node: RegionNode) => number | undefined,
): { value: number | undefined; completeness: Completeness | null } {
  let total: number | undefined;
  const seen = new Set<string>();
  for (const child of node.children) {
    const value = best(child);
    if (value === undefined) continue;
    seen.add(child.code);
    total = (total ?? 0) + value;
  }
  return {
    value: total === undefined ? undefined : roundSignificant(total),
    completeness: completenessOf(node, (child) => seen.has(child.code)),
  };
}

function pairOf(
  node: RegionNode,
  best: (node: RegionNode) => Pair | undefined,
): { pair: Pair | undefined; completeness: Completeness | null } {
  let pair: Pair | undefined;
  const seen = new Set<string>();
  for (const child of node.children) {
    const childPair = best(child);
    if (childPair === undefined) continue;
    seen.add(child.code);
    pair = {
      numerator: (pair?.numerator ?? 0) + childPair.numerator,
      denominator: (pair?.denominator ?? 0) + childPair.denominator,
    };
  }
  return { pair, completeness: completenessOf(node, (child) => seen.has(child.code)) };
}

function result(
  regionCode: string,
  subject: Subject,
  reported: number | null,
  computed: number | null,
  method: AggregateMethod,
  numerator: number | null,
  denominator: number | null,
  completeness: Completeness | null,
  reason: Aggregate['reason'],
): Aggregate {
  const value = computed === null ? null : roundSignificant(computed);
  const difference = reported === null || value === null ? null : roundSignificant(reported - value);
  const tolerance =
    subject.unit === '%' ? DIFFERENCE_TOLERANCE.percentagePoints : Math.abs(value ?? 0) * DIFFERENCE_TOLERANCE.relative;
  return {
    regionCode,
    reported,
    computed: value,
    method,
    numerator: numerator === null ? null : roundSignificant(numerator),
    denominator: denominator === null ? null : roundSignificant(denominator),
    completeness,
    difference,
    differs: difference !== null && Math.abs(difference) > tolerance + 1e-9,
    reason,
  };
}
