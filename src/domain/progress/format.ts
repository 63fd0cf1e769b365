/**
 * Numbers as the sentences print them: values with the decimals the plan uses, rates as percentages, ratios to two
 * places. Nothing here throws, whatever the number: an infinite value prints as ∞.
 */
import type { Comparator } from '../../ingest/types.ts';
import { roundSignificant } from '../catalogue/units.ts';
import { COMPARATOR_SYMBOLS } from './comparator.ts';

const MAX_DECIMALS = 4;

/** A value as given, without binary noise (0.1 + 0.2 prints 0.3), with its unit. */
export function formatValue(value: number, unit: string): string {
  return `${plain(roundSignificant(value))}${unit}`;
}

/** A computed value (a projection) with as many decimals as the most precise input, at least one. */
export function formatComputed(value: number, inputs: readonly number[], unit: string): string {
  if (!Number.isFinite(value)) return `${plain(value)}${unit}`;
  const decimals = Math.min(Math.max(1, ...inputs.map(decimalsOf)), MAX_DECIMALS);
  return `${plain(Number(value.toFixed(decimals)))}${unit}`;
}

/** A target with its comparator, e.g. "≥99.97%". */
export function formatTarget(value: number, comparator: Comparator | null, unit: string): string {
  return `${comparator === null ? '' : COMPARATOR_SYMBOLS[comparator]}${formatValue(value, unit)}`;
}

/** A growth rate as a percentage with two decimals, e.g. 0.0052 → "0.52%". */
export function formatRate(rate: number): string {
  const percent = rate * 100;
  return Number.isFinite(percent) ? `${percent.toFixed(2)}%` : plain(percent);
}

/** A change per year with its sign and unit, e.g. "+1.30%" for percentage points, "−0.20万人". */
export function formatChange(change: number, inputs: readonly number[], unit: string): string {
  return `${change >= 0 ? '+' : ''}${formatComputed(change, inputs, unit)}`;
}

/** A ratio, a share or a band limit to two decimals; a score or coefficient to four with `digits`. */
export function formatNumber(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : plain(value);
}

function plain(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  return String(value);
}

function decimalsOf(value: number): number {
  const text = String(roundSignificant(value));
  if (text.includes('e')) return MAX_DECIMALS;
  const point = text.indexOf('.');
  return point < 0 ? 0 : text.length - point - 1;
}
