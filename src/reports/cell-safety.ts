/**
 * Spreadsheet export safety (CSV/formula injection, OWASP): text from plans, tasks and figures that begins with
 * = + - @ (or tab or carriage return) must reach the person as text, never as a formula that runs, such as
 * `=cmd|' /C calc'!A0` (DDE) or `=HYPERLINK(...)`.
 *
 * In XLSX a JavaScript string is written as a string cell (`t="s"`): Excel, WPS and LibreOffice show it and never
 * evaluate it, because only a cell with an `<f>` element is a formula. That holds when the file is opened, but not
 * after an edit: a person who clicks into the cell and presses Enter has the text parsed again as if typed, and
 * `=cmd|…` becomes a live formula. So such cells also get the Text number format (`@`), under which Excel and
 * LibreOffice keep whatever is typed as text. The text itself is left exactly as it was: a leading apostrophe would
 * be a visible character in XLSX (Excel's own apostrophe is a style flag exceljs cannot write) and would come back
 * into EduPlan on import. Numbers stay numbers, negative ones included: only strings are ever touched.
 *
 * CSV has no cell types, so there the apostrophe prefix OWASP recommends is the only defence: see csvField.
 */
import type { Row, Workbook, Worksheet } from 'exceljs';

/**
 * What a spreadsheet takes as the start of a formula: = + - @ as typed, their full-width forms (a Chinese or
 * Japanese input method types ＝, and Excel turns it into =), and tab or carriage return, which OWASP lists because
 * some importers strip them and evaluate what follows.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/u;

/** True when a spreadsheet would read this text as a formula if it were typed into a cell or opened as CSV. */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The Text number format: what is typed into the cell stays text. */
export const TEXT_FORMAT = '@';

/** Marks each formula-like string cell of a row as Text; other cells, numbers above all, are left alone. */
export function guardRow(row: Row): void {
  row.eachCell({ includeEmpty: false }, (cell) => {
    if (typeof cell.value === 'string' && isFormulaLike(cell.value)) cell.numFmt = TEXT_FORMAT;
  });
}

/** guardRow over every row of a sheet. */
export function guardSheet(sheet: Worksheet): void {
  sheet.eachRow({ includeEmpty: false }, guardRow);
}

/**
 * guardSheet over every sheet: the writers call it last, just before writing the bytes, so that no cell written
 * anywhere above escapes it.
 *
 * @example guardWorkbook(workbook); return new Uint8Array(await workbook.xlsx.writeBuffer());
 */
export function guardWorkbook(workbook: Workbook): void {
  workbook.eachSheet(guardSheet);
}

/**
 * One CSV field, neutralised and quoted: a formula-like text gets a leading apostrophe (spreadsheets show the text
 * and evaluate nothing), and the field is quoted when it holds a comma, quote or line break. Numbers are written as
 * numbers, so -5 stays a negative number rather than text.
 *
 * @example csvField('=1+1') // "'=1+1"   csvField(-5) // '-5'
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = isFormulaLike(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
