/**
 * Units and conversions between them, so that 阳泉's 中等职业教育在校生 6695 人 and 忻州's 1.72 万人 land in one
 * series (0.6695 万人 and 1.72 万人). Results are rounded to 10 significant digits: 6695 × 0.0001 is 0.6695, not
 * 0.6695000000000001.
 */
import type { CatalogueEntry } from './types.ts';

interface UnitScale {
  /** Units convert only within one dimension: 人 to 万人, never 人 to 个 or %. */
  readonly dimension: string;
  readonly scale: number;
}

const UNITS: ReadonlyMap<string, UnitScale> = new Map([
  ['人', { dimension: 'people', scale: 1 }],
  ['万人', { dimension: 'people', scale: 1e4 }],
  ['亿人', { dimension: 'people', scale: 1e8 }],
  ['人次', { dimension: 'person-times', scale: 1 }],
  ['万人次', { dimension: 'person-times', scale: 1e4 }],
  ['元', { dimension: 'money', scale: 1 }],
  ['万元', { dimension: 'money', scale: 1e4 }],
  ['亿元', { dimension: 'money', scale: 1e8 }],
  ['个', { dimension: 'items', scale: 1 }],
  ['万个', { dimension: 'items', scale: 1e4 }],
  // Schools are their own dimension: 个 counts anything, so 个 → 所 would let a count of programmes pass as schools.
  ['所', { dimension: 'schools', scale: 1 }],
  // The national bulletins count schools in 万所 (幼儿园29.17万所), provinces and cities in 所.
  ['万所', { dimension: 'schools', scale: 1e4 }],
  ['次', { dimension: 'times', scale: 1 }],
  ['%', { dimension: 'percent', scale: 1 }],
  ['年', { dimension: 'years', scale: 1 }],
]);

// Spellings tables print for the same unit: 朔州's 上门送教量（次数）.
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['次数', '次'],
  ['人数', '人'],
  ['个数', '个'],
  ['百分比', '%'],
]);

const SIGNIFICANT_DIGITS = 10;

/** The unit as compared: NFKC (％ → %), no spaces or brackets, aliases resolved (次数 → 次). */
export function canonicalUnit(unit: string): string {
  const plain = unit.normalize('NFKC').replace(/[\s()]/gu, '');
  return ALIASES.get(plain) ?? plain;
}

/** Rounds to 10 significant digits, which removes binary floating-point noise from a decimal conversion. */
export function roundSignificant(value: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(SIGNIFICANT_DIGITS));
}

/**
 * The factor that turns a value in `from` into one in `to`, or null when they measure different things.
 *
 * @example unitFactor('人', '万人') // 0.0001; unitFactor('%', '人') // null
 */
export function unitFactor(from: string, to: string): number | null {
  const source = canonicalUnit(from);
  const target = canonicalUnit(to);
  if (source === target) return 1;
  const sourceScale = UNITS.get(source);
  const targetScale = UNITS.get(target);
  if (sourceScale === undefined || targetScale === undefined) return null;
  if (sourceScale.dimension !== targetScale.dimension) return null;
  return roundSignificant(sourceScale.scale / targetScale.scale);
}

/**
 * A value in the entry's unit; a row that prints no unit is taken to use the entry's. Null when the units measure
 * different things.
 *
 * @example normaliseValue(6695, '人', { unit: '万人' }) // 0.6695
 */
export function normaliseValue(
  value: number,
  fromUnit: string | null,
  entry: Pick<CatalogueEntry, 'unit'>,
): number | null {
  if (fromUnit === null) return value;
  const factor = unitFactor(fromUnit, entry.unit);
  return factor === null ? null : roundSignificant(value * factor);
}
