/**
 * The sentences that explain a verdict, in Chinese and English. Each names both figures as compared (in the entry's
 * unit, with their comparators), so a reader can check the verdict without opening either plan.
 */
import type { Comparator } from '../../ingest/types.ts';
import type { CatalogueEntry } from '../catalogue/types.ts';
import { roundSignificant } from '../catalogue/units.ts';
import type { Comparison, Direction, Tolerance } from './compare.ts';
import type { AlignmentFigures, Explanation } from './types.ts';
import { VERDICT_LABELS } from './verdicts.ts';

/** One side as the sentences name it: whose figures, and the target cell as printed. */
export interface ExplainedSide {
  /** The region's name (忻州市, 河南), or 本级/上级 when the plan does not say. */
  readonly label: string;
  readonly figures: AlignmentFigures;
  readonly targetRaw: string;
}

const SYMBOLS: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** A target as compared, e.g. "≥99.97%", "5.12万人"; the printed cell when it holds no number. */
export function formatTarget(side: ExplainedSide): string {
  const { target, comparator, unit } = side.figures;
  if (target === null) return side.targetRaw;
  return `${comparator === null ? '' : SYMBOLS[comparator]}${target}${unit ?? ''}`;
}

/** The sentence for a comparison of two numeric targets. */
export function explainComparison(
  child: ExplainedSide,
  parent: ExplainedSide,
  direction: Direction,
  comparison: Comparison,
  tolerance: Tolerance,
): Explanation {
  const c = `${child.label}目标${formatTarget(child)}`;
  const p = `${parent.label}目标${formatTarget(parent)}`;
  const cEn = `${child.label}'s target ${formatTarget(child)}`;
  const pEn = `${parent.label}'s ${formatTarget(parent)}`;
  const label = VERDICT_LABELS[comparison.verdict];
  const gap = Math.abs(comparison.difference);
  const unit = child.figures.unit;
  const higher = comparison.difference > 0;
  switch (comparison.basis) {
    case 'equal':
      return { zh: `${c}与${p}相同，${label.zh}。`, en: `${cEn} matches ${pEn}: ${label.en}.` };
    case 'within-tolerance':
      return {
        zh: `${c}比${p}${higher ? '高' : '低'}${amountZh(gap, unit)}，在${toleranceZh(tolerance, unit)}的舍入容差内，视为${label.zh}。`,
        en: `${cEn} is ${amountEn(gap, unit)} ${higher ? 'above' : 'below'} ${pEn}, within the rounding tolerance of ${toleranceEn(tolerance, unit)}: counted as ${label.en}.`,
      };
    case 'beyond-tolerance':
      return {
        zh: `${c}${higher ? '高于' : '低于'}${p}，相差${amountZh(gap, unit)}；${directionZh(direction)}，故${label.zh}。`,
        en: `${cEn} is ${amountEn(gap, unit)} ${higher ? 'above' : 'below'} ${pEn}; ${directionEn(direction)}, so it is ${label.en}.`,
      };
    case 'strict-bound':
      return {
        zh: `${c}与${p}数值相同：${leanZh(child)}，${leanZh(parent)}；${directionZh(direction)}，故${label.zh}。`,
        en: `${cEn} and ${pEn} name the same number: ${leanEn(child)}, ${leanEn(parent)}; ${directionEn(direction)}, so it is ${label.en}.`,
      };
  }
}

/** The parent plan has no row for the entry. */
export function explainNoParentRow(entry: CatalogueEntry, parentLabel: string): Explanation {
  return {
    zh: `${parentLabel}没有对应的指标（${entry.name}），${VERDICT_LABELS['no-parent-target'].zh}。`,
    en: `${parentLabel} has no matching indicator (${entry.nameEn}): ${VERDICT_LABELS['no-parent-target'].en}.`,
  };
}

/** The parent lists the indicator but its target cell holds no number. */
export function explainNoParentValue(parent: ExplainedSide): Explanation {
  return {
    zh: `${parent.label}列有该指标，但目标值“${parent.targetRaw}”不是数值，${VERDICT_LABELS['no-parent-target'].zh}。`,
    en: `${parent.label} lists the indicator, but its target "${parent.targetRaw}" is not a number: ${VERDICT_LABELS['no-parent-target'].en}.`,
  };
}

/** The child's own target cell holds no number. */
export function explainNoChildValue(child: ExplainedSide): Explanation {
  return {
    zh: `${child.label}的目标值“${child.targetRaw}”不是数值，无法与上级目标比较。`,
    en: `${child.label}'s target "${child.targetRaw}" is not a number, so it cannot be compared with the parent target.`,
  };
}

/** A count of two different regions: sizes differ by nature, so the counts say nothing about ambition. */
export function explainCounts(entry: CatalogueEntry, child: ExplainedSide, parent: ExplainedSide): Explanation {
  return {
    zh: `${entry.name}是总量指标（${child.label}${formatTarget(child)}，${parent.label}${formatTarget(parent)}）；两地规模天然不同，总量不比高低，比较的是比例类指标。`,
    en: `${entry.nameEn} is a count (${child.label} ${formatTarget(child)}, ${parent.label} ${formatTarget(parent)}); two regions differ in size by nature, so counts are not compared for ambition — shares are.`,
  };
}

/** A 'maintain' entry whose targets differ: neither side is better. */
export function explainMaintained(entry: CatalogueEntry, child: ExplainedSide, parent: ExplainedSide): Explanation {
  return {
    zh: `${entry.name}是保持类指标，无高低之分；${child.label}目标${formatTarget(child)}与${parent.label}目标${formatTarget(parent)}不同。`,
    en: `${entry.nameEn} is held at a level, so neither side is better; ${child.label}'s target ${formatTarget(child)} differs from ${parent.label}'s ${formatTarget(parent)}.`,
  };
}

/** The child row matched no catalogue entry, so nothing in the parent can be paired with it. */
export function explainUnmatched(name: string, reason: 'unit-mismatch' | 'no-similar-name'): Explanation {
  const why =
    reason === 'unit-mismatch'
      ? { zh: '单位无法换算为目录中该指标的单位', en: "its unit cannot be converted to the catalogue entry's" }
      : { zh: '目录中没有相近的指标', en: 'no catalogue entry has a similar name' };
  return {
    zh: `“${name}”未能对应到指标目录（${why.zh}），无法与上级目标配对比较。`,
    en: `"${name}" matched no catalogue entry (${why.en}), so it cannot be paired with a parent target.`,
  };
}

function amountZh(gap: number, unit: string | null): string {
  return unit === '%' ? `${gap}个百分点` : `${gap}${unit ?? ''}`;
}

function amountEn(gap: number, unit: string | null): string {
  return unit === '%' ? `${gap} percentage points` : `${gap}${unit === null ? '' : ` ${unit}`}`;
}

function toleranceZh(tolerance: Tolerance, unit: string | null): string {
  return tolerance.kind === 'absolute'
    ? amountZh(tolerance.amount, unit)
    : `相对${roundSignificant(tolerance.share * 100)}%`;
}

function toleranceEn(tolerance: Tolerance, unit: string | null): string {
  return tolerance.kind === 'absolute'
    ? amountEn(tolerance.amount, unit)
    : `${roundSignificant(tolerance.share * 100)}% of the larger value`;
}

/** Where a bound stands around its number: the reason a tie of equal numbers is broken. */
function leanZh(side: ExplainedSide): string {
  const bound = `“${formatTarget(side)}”`;
  const number = `${side.figures.target ?? ''}${side.figures.unit ?? ''}`;
  switch (side.figures.comparator) {
    case '>':
      return `${bound}不含${number}本身，视为略高于${number}`;
    case '<':
      return `${bound}不含${number}本身，视为略低于${number}`;
    case '>=':
    case '<=':
    case null:
      return `${bound}以${number}为界`;
  }
}

function leanEn(side: ExplainedSide): string {
  const bound = `"${formatTarget(side)}"`;
  const number = `${side.figures.target ?? ''}${side.figures.unit ?? ''}`;
  switch (side.figures.comparator) {
    case '>':
      return `${bound} excludes ${number} itself and stands just above it`;
    case '<':
      return `${bound} excludes ${number} itself and stands just below it`;
    case '>=':
    case '<=':
    case null:
      return `${bound} accepts ${number}`;
  }
}

function directionZh(direction: Direction): string {
  return direction === 'increase' ? '该指标越高越好' : '该指标越低越好';
}

function directionEn(direction: Direction): string {
  return direction === 'increase' ? 'higher is better for this indicator' : 'lower is better for this indicator';
}
