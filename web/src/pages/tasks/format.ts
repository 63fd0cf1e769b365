/** Quantities of commitments as the plan states them ("≥2个", "2—3所", "35所左右"). */
import type { Commitment } from '../../api/tracking.ts';

const SYMBOLS: Readonly<Record<NonNullable<Commitment['comparator']>, string>> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '',
};

/** A number without binary noise (95.78, not 95.78000000000001). */
export function plain(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** What the commitment promises, with its comparator, range and 左右. */
export function promised(item: Commitment, approximate: string): string {
  const symbol = item.comparator === null ? '' : SYMBOLS[item.comparator];
  const amount =
    item.quantityMax === null ? plain(item.quantity) : `${plain(item.quantity)}—${plain(item.quantityMax)}`;
  return `${symbol}${amount}${item.unit}${item.approximate ? approximate : ''}`;
}
