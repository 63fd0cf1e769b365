/**
 * Reads a filled-in data sheet (the XLSX template, or a CSV with the same columns) into rows of cell text, each with
 * the row number and column letter a person sees, so that the service can point at the cell at fault. It reads text
 * and nothing else: numbers, qualifiers and codes are judged by the service, and nothing is ever evaluated. A file it
 * cannot read as a table throws DataFileError, saying where and what to do.
 */
import ExcelJS from 'exceljs';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { parse } from 'csv-parse/sync';
import { DATA_SHEET, dataColumn, dataColumnOf } from '../../domain/observations/data-columns.ts';
import type { DataColumnKey } from '../../domain/observations/data-columns.ts';
import { decodeText, describe } from '../extract/index.ts';
import { checkInflatedSize, declaresDtd, isZip, readZipDirectory } from '../extract/zip.ts';
import type { ZipEntry } from '../extract/zip.ts';

/** One non-blank cell of a recognised column. */
export interface DataCell {
  readonly text: string;
  /** The spreadsheet letter (A, B, … AA), for CSV as Excel would show it. */
  readonly column: string;
  /** The header as written in the file. */
  readonly header: string;
}

export interface DataTableRow {
  /** 1-based, as Excel shows it (a CSV record is one row, blank lines count, the first line is row 1). */
  readonly row: number;
  /** Blank cells are absent: no `value` cell means the figure was left blank. */
  readonly cells: Partial<Record<DataColumnKey, DataCell>>;
}

export interface DataTable {
  readonly format: 'xlsx' | 'csv';
  /** The sheet read; null for CSV. */
  readonly sheet: string | null;
  /** The recognised columns the reader returns (previousValue, reference only, never is). */
  readonly columns: Partial<Record<DataColumnKey, { column: string; header: string }>>;
  readonly rows: readonly DataTableRow[];
}

export type DataFileErrorCode =
  | 'DATA_FILE_EMPTY'
  | 'DATA_FILE_XLS'
  | 'DATA_FILE_UNSUPPORTED'
  | 'DATA_FILE_DAMAGED'
  | 'DATA_FILE_TOO_LARGE'
  | 'DATA_FILE_UNSAFE'
  | 'DATA_CSV_INVALID'
  | 'DATA_HEADER_NOT_FOUND'
  | 'DATA_COLUMN_MISSING'
  | 'DATA_COLUMN_DUPLICATE';

export interface DataFileLocation {
  readonly file: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
}

/** The file cannot be read as a data table: nothing in it is imported. */
export class DataFileError extends Error {
  readonly code: DataFileErrorCode;
  readonly messages: { readonly zh: string; readonly en: string };
  readonly at: DataFileLocation;

  constructor(code: DataFileErrorCode, zh: string, en: string, at: DataFileLocation, options?: ErrorOptions) {
    super(`${zh} / ${en}`, options);
    this.name = 'DataFileError';
    this.code = code;
    this.messages = { zh, en };
    this.at = at;
  }
}

/** Past this an archive is refused before exceljs holds it in memory (5,000 template rows unpack to 2 MB). */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** Spreadsheet XML compresses 5-20 times; far beyond that is a zip bomb. */
export const MAX_COMPRESSION_RATIO = 100;
// Below this a high ratio costs nothing, and an almost empty workbook can compress that well.
const RATIO_APPLIES_FROM = 1024 * 1024;
/** The header is looked for in this many rows, so a title line or two above it is fine. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * Reads an XLSX or CSV data file, told apart by content, not by name.
 *
 * @example const table = await readDataTable(bytes, '忻州市2024年数据.xlsx'); table.rows[0]?.cells.value?.text // '95.2'
 */
export async function readDataTable(bytes: Uint8Array, fileName: string): Promise<DataTable> {
  const file = fileName === '' ? 'upload' : fileName;
  if (bytes.length === 0) {
    throw new DataFileError('DATA_FILE_EMPTY', `文件“${file}”是空的`, `${file} is empty`, { file });
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new DataFileError(
      'DATA_FILE_XLS',
      `文件“${file}”是旧版 Excel 格式（.xls），无法读取：请另存为 .xlsx 或 CSV 后再上传`,
      `${file} is an old-style Excel file (.xls): save it as .xlsx or CSV and upload that`,
      { file },
    );
  }
  return isZip(bytes) ? readXlsx(bytes, file) : readCsv(bytes, file);
}

/** A sheet as rows and columns of trimmed text, 1-based. */
export interface Grid {
  readonly rowCount: number;
  readonly columnCount: number;
  text(row: number, column: number): string;
}

// ---- XLSX ----

/**
 * Parts exceljs would expand cell by cell: a validation, format or merge over A1:XFD1048576 is seventeen billion
 * cells. The reader needs none of them (a merged cell is read in its top-left cell only).
 */
const IGNORED_PARTS = ['dataValidations', 'conditionalFormatting', 'mergeCells', 'hyperlinks', 'extLst'];

async function readXlsx(bytes: Uint8Array, file: string): Promise<DataTable> {
  checkArchive(bytes, file);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; a copy gives one of exactly the file's bytes (JSZip reads it as is).
    await workbook.xlsx.load(bytes.slice().buffer, { ignoreNodes: IGNORED_PARTS });
  } catch (error) {
    throw damaged(file, error);
  }
  const named = workbook.worksheets.find((sheet) => sheet.name === DATA_SHEET);
  const candidates = named ? [named] : workbook.worksheets.filter((sheet) => sheet.state === 'visible');
  const read = candidates.map((sheet) => {
    const grid = sheetGrid(sheet);
    return { sheet, grid, header: findHeader(grid) };
  });
  // A sheet with a whole header wins; else the first with part of one, whose error names the missing columns.
  const chosen = read.find(({ header }) => header?.complete) ?? read.find(({ header }) => header !== null);
  if (chosen === undefined || chosen.header === null) throw headerNotFound(file, candidates[0]?.name);
  return tableOf(chosen.grid, chosen.header, 'xlsx', { file, sheet: chosen.sheet.name });
}

/** Refuses a damaged archive, one that is not a workbook, and a zip bomb, before anything inflates it unbounded. */
function checkArchive(bytes: Uint8Array, file: string): void {
  const entries = readZipDirectory(bytes);
  if (entries === null) throw damaged(file, null);
  const names = entries.map((entry) => entry.name);
  if (!names.includes('xl/workbook.xml')) {
    if (names.some((name) => name.startsWith('word/'))) throw unsupported(file, 'Word 文档', 'a Word document');
    if (names.includes('content.xml')) throw unsupported(file, 'OpenDocument 文件', 'an OpenDocument file');
    throw unsupported(file, 'ZIP 压缩包', 'a ZIP archive');
  }
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const packed = entries.reduce((sum, entry) => sum + entry.compressedSize, 0);
  if (tooBig(declared, Math.max(1, packed))) throw tooLarge(file);
  // Declared sizes can lie, and JSZip inside exceljs inflates whatever is there, so the archive is inflated once into
  // a capped buffer first; the helper's errors say "more than" for the cap and "damaged" for the rest.
  let unpacked: number;
  const withDtd: string[] = [];
  const findDtd = (entry: ZipEntry, data: Uint8Array): void => {
    if (/\.(xml|rels)$/iu.test(entry.name) && declaresDtd(data)) withDtd.push(entry.name);
  };
  try {
    unpacked = checkInflatedSize(bytes, entries, () => true, MAX_UNPACKED_BYTES, findDtd);
  } catch (error) {
    throw error instanceof Error && /more than/.test(error.message) ? tooLarge(file) : damaged(file, error);
  }
  const [dtd] = withDtd;
  if (dtd !== undefined) throw unsafe(file, dtd);
  if (tooBig(unpacked, bytes.length)) throw tooLarge(file);
}

function tooBig(unpacked: number, packed: number): boolean {
  if (unpacked > MAX_UNPACKED_BYTES) return true;
  return unpacked > RATIO_APPLIES_FROM && unpacked / packed > MAX_COMPRESSION_RATIO;
}

function sheetGrid(sheet: Worksheet): Grid {
  return {
    rowCount: sheet.rowCount,
    columnCount: sheet.columnCount,
    text(row, column) {
      // findCell, unlike getCell, creates nothing for the empty cells of a sparse sheet.
      const cell = sheet.findCell(row, column);
      return cell === undefined ? '' : cellText(cell);
    },
  };
}

/** What the cell shows, as plain text: the cached result of a formula, never a new evaluation. */
function cellText(cell: Cell): string {
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('error' in value) return value.error;
  if ('richText' in value)
    return value.richText
      .map((run) => run.text)
      .join('')
      .trim();
  // exceljs types a link's text as a string but gives rich text when the link is formatted; valueText reads both.
  if ('hyperlink' in value) return valueText(value.text, numFmt);
  // A formula saved without its result (some generators do) shows as itself, which the service refuses as no number.
  if (value.result === undefined) return `=${value.formula ?? ''}`;
  return valueText(value.result, numFmt);
}

/**
 * A number as JavaScript prints it, to the 15 significant digits Excel shows, so that a cached 0.30000000000000004
 * reads 0.3. A cell formatted as a percentage holds 0.95 for what shows as 95%: it reads "95%", so the service sees
 * the sign rather than a value a hundred times too small.
 */
function numberText(value: number, numFmt: string | undefined): string {
  const percent = numFmt !== undefined && numFmt.replace(/"[^"]*"|\\./gu, '').includes('%');
  const shown = Number((percent ? value * 100 : value).toPrecision(15));
  return percent ? `${shown}%` : String(shown);
}

// exceljs reads a date cell as UTC midnight; a date without a time reads as the date alone.
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

// ---- CSV ----

function readCsv(bytes: Uint8Array, file: string): DataTable {
  const text = decodeText(bytes);
  if (text === null) {
    const what = describe(bytes);
    throw unsupported(file, what.zh, what.en);
  }
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (error) {
    throw csvInvalid(file, error);
  }
  const rows = records.map((record) => record.map((cell) => cell.trim()));
  const grid: Grid = {
    rowCount: rows.length,
    columnCount: Math.max(0, ...rows.map((row) => row.length)),
    text: (row, column) => rows[row - 1]?.[column - 1] ?? '',
  };
  const header = findHeader(grid);
  if (header === null) throw headerNotFound(file, undefined);
  return tableOf(grid, header, 'csv', { file });
}

/** The error of a CSV file csv-parse cannot read, naming the row it broke at. */
export function csvInvalid(file: string, error: unknown): DataFileError {
  // csv-parse counts the records it finished; the broken one is the next, which is its row as Excel numbers it.
  const finished = error instanceof Error && 'records' in error ? Number(error.records) : NaN;
  const row = Number.isInteger(finished) ? finished + 1 : undefined;
  return new DataFileError(
    'DATA_CSV_INVALID',
    `文件“${file}”不是有效的 CSV${row ? `（第 ${row} 行，多为引号未配对）` : ''}：请用 Excel 或 WPS 打开后重新另存为 CSV`,
    `${file} is not valid CSV${row ? ` (row ${row}, usually an unpaired quote)` : ''}: open it in Excel or WPS and save it as CSV again`,
    row ? { file, row } : { file },
    { cause: error },
  );
}

/** A comma, unless the header line has none: then a tab (Excel's "Unicode text") or a semicolon (European Excel). */
export function delimiterOf(text: string): string {
  const lines = text.split(/\r\n|\n|\r/u, 200).filter((line) => line.trim() !== '');
  const line = lines.slice(0, HEADER_SEARCH_ROWS).find((candidate) => /[,\t;]/u.test(candidate)) ?? '';
  if (line.includes(',')) return ',';
  if (line.includes('\t')) return '\t';
  return line.includes(';') ? ';' : ',';
}

// ---- The header and the rows, for both formats ----

export interface HeaderColumn {
  readonly key: DataColumnKey;
  readonly index: number;
  readonly header: string;
}

export interface FoundHeader {
  readonly row: number;
  readonly columns: readonly HeaderColumn[];
  /** It has a value and an indicator column, the test of a header row; else it is the best partial candidate. */
  readonly complete: boolean;
}

/**
 * The first row of the first ten with a value and an indicator column; failing that, the row with the most
 * recognised headers (at least two), so that the error can say which column is missing rather than "no header".
 */
export function findHeader(grid: Grid): FoundHeader | null {
  let best: FoundHeader | null = null;
  for (let row = 1; row <= Math.min(HEADER_SEARCH_ROWS, grid.rowCount); row++) {
    const columns: HeaderColumn[] = [];
    for (let index = 1; index <= grid.columnCount; index++) {
      const header = grid.text(row, index);
      const key = dataColumnOf(header);
      if (key !== null) columns.push({ key, index, header });
    }
    const keys = new Set(columns.map((column) => column.key));
    if (keys.has('value') && (keys.has('subjectId') || keys.has('subjectName'))) {
      return { row, columns, complete: true };
    }
    if (keys.size >= 2 && keys.size > (best ? new Set(best.columns.map((column) => column.key)).size : 0)) {
      best = { row, columns, complete: false };
    }
  }
  return best;
}

/** Each group names columns of which at least one must be there. */
const REQUIRED: readonly (readonly DataColumnKey[])[] = [
  ['value'],
  ['subjectId', 'subjectName'],
  ['regionCode', 'regionName'],
  ['year'],
];

function tableOf(
  grid: Grid,
  header: FoundHeader,
  format: 'xlsx' | 'csv',
  at: { file: string; sheet?: string },
): DataTable {
  const { read, columns } = readColumns(header, at);
  const rows: DataTableRow[] = [];
  for (let row = header.row + 1; row <= grid.rowCount; row++) {
    const found = rowOf(grid, row, read);
    if (found !== null) rows.push(found);
  }
  return { format, sheet: at.sheet ?? null, columns, rows };
}

/** The columns a header names that the reader returns; throws when one is doubled or a required one is missing. */
export function readColumns(
  header: FoundHeader,
  at: { file: string; sheet?: string },
): { read: readonly HeaderColumn[]; columns: DataTable['columns'] } {
  const location = { ...at, row: header.row };
  const byKey = new Map<DataColumnKey, HeaderColumn>();
  for (const column of header.columns) {
    const seen = byKey.get(column.key);
    if (seen !== undefined) throw duplicate(seen, column, location);
    byKey.set(column.key, column);
  }
  const missing = REQUIRED.filter((group) => group.every((key) => !byKey.has(key)));
  if (missing.length > 0) throw missingColumns(missing, location);

  const read = header.columns.filter((column) => dataColumn(column.key).read);
  const columns: DataTable['columns'] = Object.fromEntries(
    read.map((column) => [column.key, { column: columnLetter(column.index), header: column.header }]),
  );
  return { read, columns };
}

/** A row's cells in the columns read; null when all of them are blank. */
export function rowOf(grid: Grid, row: number, read: readonly HeaderColumn[]): DataTableRow | null {
  const cells: DataTableRow['cells'] = {};
  let any = false;
  for (const column of read) {
    const text = grid.text(row, column.index);
    if (text === '') continue;
    cells[column.key] = { text, column: columnLetter(column.index), header: column.header };
    any = true;
  }
  return any ? { row, cells } : null;
}

/** 1 → A, 27 → AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let rest = index; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

// ---- Errors ----

function where(file: string, sheet: string | undefined): { zh: string; en: string } {
  return sheet === undefined
    ? { zh: `文件“${file}”`, en: file }
    : { zh: `文件“${file}”的工作表“${sheet}”`, en: `${file}, sheet ${sheet}` };
}

export function unsupported(file: string, zh: string, en: string): DataFileError {
  return new DataFileError(
    'DATA_FILE_UNSUPPORTED',
    `文件“${file}”是${zh}，不是数据表：请上传 .xlsx 或 CSV 文件（可下载填报模板）`,
    `${file} is ${en}, not a data table: upload an .xlsx or CSV file (the template is a good start)`,
    { file },
  );
}

function damaged(file: string, cause: unknown): DataFileError {
  return new DataFileError(
    'DATA_FILE_DAMAGED',
    `文件“${file}”已损坏或不完整，无法作为 .xlsx 读取：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传`,
    `${file} is damaged or incomplete and cannot be read as .xlsx: open it in Excel or WPS, save it as .xlsx and upload that`,
    { file },
    cause === null ? undefined : { cause },
  );
}

function unsafe(file: string, part: string): DataFileError {
  return new DataFileError(
    'DATA_FILE_UNSAFE',
    `文件“${file}”的 ${part} 含有 DTD 实体声明（<!DOCTYPE>），Excel 和 WPS 从不写入，为防实体注入不予读取：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传`,
    `${file}: ${part} declares a DTD (<!DOCTYPE>), which Excel and WPS never write, so it is not read (no entity is expanded): open it in Excel or WPS, save it as .xlsx and upload that`,
    { file },
  );
}

function tooLarge(file: string): DataFileError {
  const limit = MAX_UNPACKED_BYTES / 1024 / 1024;
  return new DataFileError(
    'DATA_FILE_TOO_LARGE',
    `文件“${file}”解压后超过 ${limit} MB 或压缩比异常，不予读取：请只保留填报表后重新保存`,
    `${file} unpacks to more than ${limit} MB or is compressed abnormally, so it is not read: keep only the data sheet and save it again`,
    { file },
  );
}

export function headerNotFound(file: string, sheet: string | undefined): DataFileError {
  const place = where(file, sheet);
  return new DataFileError(
    'DATA_HEADER_NOT_FOUND',
    `${place.zh}的前 ${HEADER_SEARCH_ROWS} 行中没有表头：表头须有“本年数值”列，以及“指标代码”或“指标或数据项”列`,
    `No header row in the first ${HEADER_SEARCH_ROWS} rows of ${place.en}: it needs a Value column and an Indicator code or Indicator or data element column`,
    sheet === undefined ? { file } : { file, sheet },
  );
}

function missingColumns(
  groups: readonly (readonly DataColumnKey[])[],
  at: { file: string; sheet?: string; row: number },
): DataFileError {
  const place = where(at.file, at.sheet);
  const zh = groups.map((group) => group.map((key) => `“${dataColumn(key).zh}”`).join('或')).join('、');
  const en = groups.map((group) => group.map((key) => dataColumn(key).en).join(' or ')).join('; ');
  return new DataFileError(
    'DATA_COLUMN_MISSING',
    `${place.zh}第 ${at.row} 行的表头缺少${zh}列：请在表头加上${groups.length > 1 ? '这些列' : '该列'}（列名见填报模板）`,
    `The header (row ${at.row}) of ${place.en} lacks the column${groups.length > 1 ? 's' : ''} ${en}: add ${groups.length > 1 ? 'them' : 'it'} (the template shows the names)`,
    at,
  );
}

function duplicate(
  first: HeaderColumn,
  second: HeaderColumn,
  at: { file: string; sheet?: string; row: number },
): DataFileError {
  const place = where(at.file, at.sheet);
  const name = dataColumn(first.key);
  const [a, b] = [columnLetter(first.index), columnLetter(second.index)];
  return new DataFileError(
    'DATA_COLUMN_DUPLICATE',
    `${place.zh}第 ${at.row} 行的表头中，${a} 列“${first.header}”和 ${b} 列“${second.header}”都是“${name.zh}”：请删去或改名其中一列`,
    `In the header (row ${at.row}) of ${place.en}, column ${a} "${first.header}" and column ${b} "${second.header}" are both ${name.en}: delete or rename one`,
    { ...at, column: b },
  );
}
