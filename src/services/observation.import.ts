/**
 * A data file (the XLSX template filled in, or plain CSV) turned into a batch of figures, each knowing its file,
 * sheet, row and the columns it was read from, so every problem can be pointed at in the user's own spreadsheet.
 */
import { DataFileError, readDataTable } from '../ingest/data/read-table.ts';
import type { DataCell, DataTable } from '../ingest/data/read-table.ts';
import { readCsvChunks } from '../ingest/data/read-csv-stream.ts';
import { isZip } from '../ingest/extract/zip.ts';
import type { FigureChunk } from './observation.stream.ts';
import { qualifierOf } from '../domain/observations/data-columns.ts';
import type { DataColumnKey } from '../domain/observations/data-columns.ts';
import type { CheckedColumn } from '../domain/observations/checks.ts';
import type { ReportedFigure } from './observation.batch.ts';
import type { ObservationService, ReportResult } from './observation.service.ts';
import type { RequestContext } from './audit.ts';
import type { JobProgress } from './jobs.ts';
import { ServiceError } from './errors.ts';

const label = (cell: { column: string; header: string } | undefined): string | undefined =>
  cell === undefined ? undefined : `${cell.column} ${cell.header}`;

/** The figures of a table; a row whose value is blank was not reported and is skipped. */
export function figuresOf(table: DataTable, fileName: string): ReportedFigure[] {
  const columnOf = (key: DataColumnKey): string | undefined => label(table.columns[key]);
  const columns: Partial<Record<CheckedColumn, string>> = {};
  const set = (checked: CheckedColumn, ...keys: DataColumnKey[]): void => {
    const found = keys.map(columnOf).find((one) => one !== undefined);
    if (found !== undefined) columns[checked] = found;
  };
  set('regionCode', 'regionCode', 'regionName');
  set('subjectId', 'subjectId', 'subjectName');
  set('year', 'year');
  set('value', 'value');
  set('unit', 'unit');
  set('qualifier', 'qualifier');
  // In a file, 变动说明 explains any change: a jump from last year, or the correction of an approved figure.
  set('comment', 'comment');
  set('reason', 'comment');
  const text = (cell: DataCell | undefined): string | null => cell?.text ?? null;
  const figures: ReportedFigure[] = [];
  for (const { row, cells } of table.rows) {
    if (cells.value === undefined) continue;
    const qualifierText = text(cells.qualifier);
    const qualifier = qualifierText === null ? null : qualifierOf(qualifierText);
    figures.push({
      at: { file: fileName, ...(table.sheet === null ? {} : { sheet: table.sheet }), row },
      columns,
      region: text(cells.regionCode) ?? text(cells.regionName) ?? '',
      subject: text(cells.subjectId) ?? text(cells.subjectName) ?? '',
      year: text(cells.year) ?? '',
      value: cells.value.text,
      unit: text(cells.unit),
      qualifier,
      source: text(cells.source),
      quote: text(cells.quote),
      note: text(cells.note),
      comment: text(cells.comment),
      reason: text(cells.comment),
    });
  }
  return figures;
}

/** What importDataFile takes: the file's bytes, or a stream of them (a CSV file read from disk). */
export interface DataFileInput {
  bytes: Uint8Array | AsyncIterable<Uint8Array>;
  fileName: string;
  submit: boolean;
  /** The file's size, when streamed, for the progress. */
  size?: number;
}

/**
 * Reads a data file and stores its figures, all or none. CSV is streamed in chunks of `chunkRows` rows (memory flat
 * in the number of rows); XLSX is read whole (exceljs holds the workbook; its size is capped at unpacking).
 */
export async function importDataFile(
  service: ObservationService,
  file: DataFileInput,
  context: RequestContext,
  onProgress: (progress: JobProgress) => void = () => undefined,
  options: { chunkRows?: number } = {},
): Promise<ReportResult> {
  const { bytes } = file;
  if (!(bytes instanceof Uint8Array) || isCsv(bytes))
    return importCsv(service, { ...file, bytes }, context, onProgress, options);
  onProgress({ stage: { zh: '读取文件', en: 'reading the file' }, done: 0, total: 2 });
  const table = await asServiceError(() => readDataTable(bytes, file.fileName));
  const figures = figuresOf(table, file.fileName);
  onProgress({
    stage: {
      zh: `校验并保存 ${String(figures.length)} 条数据`,
      en: `checking and storing ${String(figures.length)} figures`,
    },
    done: 1,
    total: 2,
  });
  return service.report({ figures, submit: file.submit, origin: 'file', fileName: file.fileName }, context);
}

// Neither a workbook nor an old .xls, and not empty (readDataTable names those): text, read as CSV.
const isCsv = (bytes: Uint8Array): boolean =>
  bytes.length > 0 &&
  !isZip(bytes) &&
  !(bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0);

async function importCsv(
  service: ObservationService,
  file: DataFileInput,
  context: RequestContext,
  onProgress: (progress: JobProgress) => void,
  options: { chunkRows?: number },
): Promise<ReportResult> {
  const total = file.size ?? (file.bytes instanceof Uint8Array ? file.bytes.length : 0);
  onProgress({ stage: { zh: '读取文件', en: 'reading the file' }, done: 0, total });
  const progress = ({ rowsRead, bytesRead }: FigureChunk): void => {
    onProgress({
      stage: { zh: `校验并保存：已读 ${rowsRead} 行`, en: `checking and storing: ${rowsRead} rows read` },
      done: bytesRead,
      total: Math.max(total, bytesRead),
    });
  };
  const request = { submit: file.submit, origin: 'file' as const, fileName: file.fileName };
  return service.reportStream(figureChunks(file, options), request, context, progress);
}

async function* figureChunks(file: DataFileInput, options: { chunkRows?: number }): AsyncGenerator<FigureChunk> {
  const chunks = readCsvChunks(file.bytes, file.fileName, options);
  for (;;) {
    const next = await asServiceError(() => chunks.next());
    if (next.done === true) return;
    const { columns, rows, rowsRead, bytesRead } = next.value;
    yield { figures: figuresOf({ format: 'csv', sheet: null, columns, rows }, file.fileName), rowsRead, bytesRead };
  }
}

async function asServiceError<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DataFileError) {
      throw new ServiceError(error.code, 'invalid', error.messages, { ...error.at }, { cause: error });
    }
    throw error;
  }
}
