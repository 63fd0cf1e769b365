/**
 * The comparator that decides whether a target is met. A plan's target is what it commits to, so its printed
 * comparator wins over the catalogue's direction: "控制在…以内" (≤) on a count the catalogue counts as higher-is-better
 * still asks for a cap.
 */
import type { Comparator } from '../../ingest/types.ts';
import type { ProgressDirection } from './types.ts';

export const COMPARATOR_SYMBOLS: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** The printed comparator, else ≥ for a higher-is-better indicator and ≤ for a lower-is-better one. */
export function effectiveComparator(direction: ProgressDirection, printed: Comparator | null): Comparator {
  return printed ?? (direction === 'increase' ? '>=' : '<=');
}

/** +1 when the comparator asks for more, −1 when it asks for less. */
export function signOf(comparator: Comparator): 1 | -1 {
  return comparator === '>=' || comparator === '>' ? 1 : -1;
}

/** Whether `value` meets `target` under the comparator. */
export function holds(comparator: Comparator, value: number, target: number): boolean {
  switch (comparator) {
    case '>=':
      return value >= target;
    case '>':
      return value > target;
    case '<=':
      return value <= target;
    case '<':
      return value < target;
  }
}
