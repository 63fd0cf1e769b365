/**
 * Figures as the overview and indicator screens print them, and where each came from: the plan's source line for a
 * baseline or target, the stored figure's source for a reported value, the regions below for a computed one.
 */
import type { Comparator, SeriesPoint, SourcedFigure } from '../../api/evaluation.ts';

const COMPARATORS: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** A number without binary noise (95.78, not 95.78000000000001). */
export function plainNumber(value: number): string {
  return String(Number(value.toPrecision(10)));
}

/** "96%", "126 万人", "11.12 年"; "至少 96%" for a lower bound. */
export function formatValue(
  value: number,
  unit: string | null,
  qualifier: SeriesPoint['qualifier'] = 'exact',
  atLeast = '至少',
): string {
  const amount = `${plainNumber(value)}${unit === null || unit === '' ? '' : unit === '%' ? '%' : ` ${unit}`}`;
  return qualifier === 'at_least' ? `${atLeast} ${amount}` : amount;
}

/** A target as the plan prints it: "≥96.5%". */
export function formatTarget(value: number, comparator: Comparator | null, unit: string | null): string {
  return `${comparator === null ? '' : COMPARATORS[comparator]}${formatValue(value, unit)}`;
}

/** A ratio or share to two places; "—" when there is none. */
export function formatRatio(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(2);
}

/** The stored figures of one region, by indicator and year. */
export type FigureIndex = ReadonlyMap<string, SourcedFigure>;

export function indexFigures(figures: readonly SourcedFigure[]): FigureIndex {
  return new Map(figures.map((figure) => [`${figure.indicator}:${figure.year}`, figure]));
}

/**
 * The stored figure behind a point of a series, when it is the one evaluated: a reader in scope may see a newer
 * draft of a figure than the approved one the evaluation used, and that draft's source would not be this value's.
 */
export function figureOf(
  index: FigureIndex | undefined,
  indicator: string | null,
  point: SeriesPoint | null,
): SourcedFigure | undefined {
  if (index === undefined || indicator === null || point === null || point.provenance !== 'reported') return undefined;
  const figure = index.get(`${indicator}:${point.year}`);
  return figure !== undefined && Math.abs(figure.value - point.value) < 1e-9 ? figure : undefined;
}

/** A source as a short label: the host of a web address, else the text itself. */
export function sourceLabel(source: string): string {
  try {
    const url = new URL(source);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.hostname : source;
  } catch {
    return source;
  }
}

/** Whether a source is a web address a person can open. */
export function isWebAddress(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/**
 * A computed value (a projection) with as many decimals as the most precise of its inputs, at least one, as the
 * server's sentences print it: 97.35 from 90.8 and 96.5 reads 97.3.
 */
export function formatComputed(value: number, inputs: readonly number[], unit: string | null): string {
  const decimals = Math.min(Math.max(1, ...inputs.map(decimalsOf)), 4);
  return formatValue(Number(value.toFixed(decimals)), unit);
}

function decimalsOf(value: number): number {
  const text = plainNumber(value);
  const point = text.indexOf('.');
  return text.includes('e') ? 4 : point < 0 ? 0 : text.length - point - 1;
}

/** The values a projection is computed from: baseline, target and latest, as the assessment took them. */
export function projectionInputs(inputs: {
  baseline: { value: number } | null;
  target: { value: number } | null;
  latest: { value: number } | null;
}): number[] {
  return [inputs.baseline, inputs.target, inputs.latest].flatMap((one) => (one === null ? [] : [one.value]));
}
