/**
 * A data file (the XLSX template filled in, or plain CSV) turned into a batch of figures, each knowing its file,
 * sheet, row and the columns it was read from, so every problem can be pointed at in the user's own spreadsheet.
 */
import { DataFileError, readDataTable } from '../ingest/data/read-table.ts';
import type { DataCell, DataTable } from '../ingest/data/read-table.ts';
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

/** Reads a data file and stores its figures, all or none. */
export async function importDataFile(
  service: ObservationService,
  file: { bytes: Uint8Array; fileName: string; submit: boolean },
  context: RequestContext,
  onProgress: (progress: JobProgress) => void = () => undefined,
): Promise<ReportResult> {
  onProgress({ stage: { zh: '读取文件', en: 'reading the file' }, done: 0, total: 2 });
  let table: DataTable;
  try {
    table = await readDataTable(file.bytes, file.fileName);
  } catch (error) {
    if (error instanceof DataFileError) {
      throw new ServiceError(error.code, 'invalid', error.messages, { ...error.at }, { cause: error });
    }
    throw error;
  }
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
