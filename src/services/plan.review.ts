/**
 * A reviewer's corrections to one indicator row, checked and turned into the row's new columns. Pure. An empty
 * correction confirms the row as read. A changed name, group or unit is matched to the catalogue again, unless the
 * reviewer chose the entry, which then stands until the reviewer chooses another.
 */
import { matchIndicator, unitFactor } from '../domain/catalogue/index.ts';
import type { IndicatorUpdate } from '../db/plan-content.repository.ts';
import type { PlanIndicatorRow } from '../db/plan.schema.ts';
import type { Comparator, IndicatorAttribute } from '../ingest/types.ts';
import type { Catalogue } from './catalogue.service.ts';
import type { ErrorLocation } from './errors.ts';
import { catalogueUnknown, correctionInvalid, unitMismatch } from './plan.errors.ts';
import { matchColumns } from './plan.records.ts';

/** What a reviewer may correct in a row; anything left out stays as it is. */
export interface IndicatorCorrections {
  category?: string | null;
  name?: string;
  unit?: string | null;
  baseline?: { year?: number | null; raw?: string; value?: number | null };
  target?: { year?: number | null; raw?: string; value?: number | null; comparator?: Comparator | null };
  attribute?: IndicatorAttribute | null;
  /** The catalogue entry the row stands for, chosen by the reviewer. */
  catalogueId?: string;
}

const SYMBOLS: Readonly<Record<Comparator, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** The row's columns after the corrections (reviewed), or a PLAN_* error naming the field at fault. */
export function reviewedColumns(
  row: PlanIndicatorRow,
  corrections: IndicatorCorrections,
  catalogue: Catalogue,
): IndicatorUpdate {
  const at: ErrorLocation = { row: row.row_no, line: row.line };
  const name = corrections.name === undefined ? row.name : checkedName(corrections.name, at);
  const category = corrections.category === undefined ? row.category : blankToNull(corrections.category);
  const unit = corrections.unit === undefined ? row.unit : blankToNull(corrections.unit);
  const values = reviewedValues(row, corrections, at);
  const attribute = corrections.attribute === undefined ? row.attribute : corrections.attribute;
  const renamed = name !== row.name || category !== row.category || unit !== row.unit;
  return {
    name,
    category,
    unit,
    ...values,
    attribute,
    ...reviewedMatch(row, { name, category, unit }, renamed, corrections.catalogueId, catalogue, at),
    reviewed: true,
  };
}

function reviewedMatch(
  row: PlanIndicatorRow,
  named: { name: string; category: string | null; unit: string | null },
  renamed: boolean,
  catalogueId: string | undefined,
  catalogue: Catalogue,
  at: ErrorLocation,
): IndicatorUpdate {
  const chosen = catalogueId ?? (row.match_method === 'manual' ? row.catalogue_id : null);
  if (chosen === null) return renamed ? matchColumns(matchIndicator(named, catalogue.entries)) : {};
  const entry = catalogue.byId.get(chosen);
  if (entry === undefined) throw catalogueUnknown(chosen, at);
  const factor = named.unit === null ? 1 : unitFactor(named.unit, entry.unit);
  if (factor === null) throw unitMismatch(named.unit ?? '', entry.name, entry.unit, at);
  return { catalogue_id: entry.id, match_method: 'manual', match_confidence: 1, unit_factor: factor };
}

function reviewedValues(row: PlanIndicatorRow, corrections: IndicatorCorrections, at: ErrorLocation): IndicatorUpdate {
  const baseline = corrections.baseline ?? {};
  const target = corrections.target ?? {};
  const baselineValue = checkedValue(baseline.value, row.baseline_value, { ...at, field: 'baseline.value' });
  const targetValue = checkedValue(target.value, row.target_value, { ...at, field: 'target.value' });
  const comparator = target.comparator === undefined ? row.target_comparator : target.comparator;
  const baselineChanged = baseline.value !== undefined;
  const targetChanged = target.value !== undefined || target.comparator !== undefined;
  return {
    baseline_year: checkedYear(baseline.year, row.baseline_year, { ...at, field: 'baseline.year' }),
    baseline_value: baselineValue,
    // A corrected figure without its cell text gets the text it would be printed as, so raw never contradicts it.
    baseline_raw: baseline.raw ?? (baselineChanged ? printed(baselineValue, null) : row.baseline_raw),
    target_year: checkedYear(target.year, row.target_year, { ...at, field: 'target.year' }),
    target_value: targetValue,
    target_comparator: comparator,
    target_raw: target.raw ?? (targetChanged ? printed(targetValue, comparator) : row.target_raw),
  };
}

function printed(value: number | null, comparator: Comparator | null): string {
  if (value === null) return '—';
  return `${comparator === null ? '' : SYMBOLS[comparator]}${value}`;
}

function checkedName(name: string, at: ErrorLocation): string {
  const trimmed = name.trim();
  if (trimmed === '') throw correctionInvalid({ ...at, field: 'name' }, '指标名称不能为空', 'the name cannot be empty');
  return trimmed;
}

function blankToNull(text: string | null): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function checkedValue(value: number | null | undefined, current: number | null, at: ErrorLocation): number | null {
  if (value === undefined) return current;
  if (value !== null && !Number.isFinite(value)) {
    throw correctionInvalid(
      at,
      '数值须为有限的数字，或留空表示无数值',
      'a value must be a finite number, or null for none',
    );
  }
  return value;
}

function checkedYear(year: number | null | undefined, current: number | null, at: ErrorLocation): number | null {
  if (year === undefined) return current;
  if (year !== null && !(Number.isInteger(year) && year >= 1949 && year <= 2100)) {
    throw correctionInvalid(at, '年份须为 1949 至 2100 之间的整数', 'a year must be a whole year from 1949 to 2100');
  }
  return year;
}
