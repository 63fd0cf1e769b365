/** A problem of a figure, placed where the figure came from (file, sheet, row and column, or the API batch's item). */
import type { CheckedColumn, DataProblem } from '../domain/observations/checks.ts';
import type { ErrorDetail, ErrorLocation } from './errors.ts';

/** Where a figure is, and how its columns are named there. */
export interface FigurePlace {
  readonly at: ErrorLocation;
  readonly columns: Partial<Record<CheckedColumn, string>>;
}

/** The problem at the figure's place, in the column the problem names (as the figure's source calls it). */
export function detail(
  figure: FigurePlace,
  problem: DataProblem,
  severity = problem.severity,
  code = problem.code,
): ErrorDetail {
  const column = figure.columns[problem.column];
  const at: ErrorLocation = { ...figure.at, ...(column === undefined ? {} : { column }) };
  return { code, severity, messages: problem.messages, at };
}

/** A problem an error-severity check found, in both languages. */
export const problem = (code: string, column: CheckedColumn, zh: string, en: string): DataProblem => ({
  severity: 'error',
  code,
  column,
  messages: { zh, en },
});
