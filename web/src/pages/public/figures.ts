/** How the portal writes figures and finds their sources: pure helpers, the same on every public screen. */
import type { Comparator, PublicIndicatorProgress, PublicSeriesPoint, PublishedFigure } from '../../api/public.ts';
import type { Locale } from '../../i18n/index.tsx';

const COMPARATOR_SYMBOL: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '' };

/** A number as people read it: grouped, at most four decimals (0.6695 万人), no trailing zeros. */
export function formatNumber(value: number, locale: Locale): string {
  return value.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 4 });
}

/** "96.5%", "≥99.97%", "5.11 万人": a value with its comparator and unit. */
export function figureText(
  value: number,
  unit: string | null,
  locale: Locale,
  comparator: Comparator | null = null,
): string {
  const symbol = comparator === null ? '' : COMPARATOR_SYMBOL[comparator];
  const number = formatNumber(value, locale);
  if (unit === null || unit === '') return `${symbol}${number}`;
  return unit === '%' ? `${symbol}${number}%` : `${symbol}${number} ${unit}`;
}

/** A series point's value; a lower bound ("at least") keeps its ≥. */
export function pointText(point: PublicSeriesPoint, unit: string | null, locale: Locale): string {
  return figureText(point.value, unit, locale, point.qualifier === 'at_least' ? '>=' : null);
}

/** The published figure behind a point of an indicator's series, when the region reported it itself. */
export function figureOf(
  figures: readonly PublishedFigure[],
  item: Pick<PublicIndicatorProgress, 'indicator'>,
  year: number,
): PublishedFigure | undefined {
  if (item.indicator === null) return undefined;
  return figures.find((figure) => figure.indicator === item.indicator && figure.year === year);
}

/** A source as a link when it is an address, else as the text it is. */
export function sourceHref(source: string): string | null {
  return /^https?:\/\//i.test(source) ? source : null;
}

/** "jyt.shanxi.gov.cn": the site of a source address, short enough for a phone. */
export function sourceLabel(source: string): string {
  const href = sourceHref(source);
  if (href === null) return source;
  try {
    return new URL(href).hostname.replace(/^www\./, '');
  } catch {
    return source;
  }
}

/** The years from the baseline (or the plan's start) to the target (or the plan's end), for a chart's axis. */
export function axisYears(item: PublicIndicatorProgress, period: { start: number; end: number }): number[] {
  const years = [item.baseline?.year, item.target?.year, ...item.series.map((point) => point.year)].filter(
    (year): year is number => year !== undefined,
  );
  const first = Math.min(period.start - 1, ...years);
  const last = Math.max(period.end, ...years);
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
