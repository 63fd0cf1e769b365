/**
 * Reads a CSV data file as it arrives, in chunks of rows, so that a file of a million rows never sits in memory as
 * rows: the same header search, columns, cells and row numbers as readDataTable, and the same errors. The encoding
 * (UTF-8, UTF-16 with a BOM, GB18030) and the delimiter are decided from the first 64 KB.
 */
import { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { parse } from 'csv-parse';
import { decodeText, describe } from '../extract/index.ts';
import {
  HEADER_SEARCH_ROWS,
  csvInvalid,
  delimiterOf,
  findHeader,
  headerNotFound,
  readColumns,
  rowOf,
  unsupported,
} from './read-table.ts';
import type { DataTable, DataTableRow, Grid, HeaderColumn } from './read-table.ts';

/** Rows of a CSV file, with the columns its header names and how far the reading has come. */
export interface CsvChunk {
  readonly columns: DataTable['columns'];
  readonly rows: readonly DataTableRow[];
  /** Records read so far (blank lines included), the header's among them. */
  readonly rowsRead: number;
  readonly bytesRead: number;
}

const HEAD_BYTES = 64 * 1024;

/**
 * The rows of a CSV file, `chunkRows` at a time (the last chunk may be shorter; a file with a header and no rows
 * gives one empty chunk).
 *
 * @example for await (const chunk of readCsvChunks(createReadStream('data.csv'), 'data.csv')) use(chunk.rows);
 */
export async function* readCsvChunks(
  source: AsyncIterable<Uint8Array> | Uint8Array,
  fileName: string,
  options: { chunkRows?: number } = {},
): AsyncGenerator<CsvChunk> {
  const file = fileName === '' ? 'upload' : fileName;
  const chunkRows = options.chunkRows ?? 5_000;
  let bytesRead = 0;
  const bytes = source instanceof Uint8Array ? pieces(source) : source;
  const texts = decoded(bytes, file, (count) => (bytesRead += count));
  const first = await texts.next();
  const head = first.done === true ? { text: '' } : first.value;
  const parser = Readable.from(rest(head.text, texts)).pipe(
    parse({
      delimiter: delimiterOf(head.text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }),
  );
  let rowsRead = 0;
  const top: string[][] = [];
  let read: readonly HeaderColumn[] = [];
  let columns: DataTable['columns'] = {};
  let rows: DataTableRow[] = [];
  let headerRow = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowsRead += 1;
      if (headerRow === 0) {
        top.push(record);
        if (top.length < HEADER_SEARCH_ROWS) continue;
        ({ read, columns, headerRow, rows } = headerOf(top, file));
        continue;
      }
      const row = rowOf(recordGrid(record), 1, read);
      if (row !== null) rows.push({ row: rowsRead, cells: row.cells });
      if (rows.length >= chunkRows) {
        yield { columns, rows, rowsRead, bytesRead };
        rows = [];
      }
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'DataFileError') throw error;
    throw csvInvalid(file, error);
  }
  if (headerRow === 0) ({ columns, rows } = headerOf(top, file));
  yield { columns, rows, rowsRead, bytesRead };
}

// The header among the first rows, and the rows after it that were read while looking for it.
function headerOf(
  top: readonly string[][],
  file: string,
): { read: readonly HeaderColumn[]; columns: DataTable['columns']; headerRow: number; rows: DataTableRow[] } {
  const grid: Grid = {
    rowCount: top.length,
    columnCount: Math.max(0, ...top.map((record) => record.length)),
    text: (row, column) => top[row - 1]?.[column - 1]?.trim() ?? '',
  };
  const header = findHeader(grid);
  if (header === null) throw headerNotFound(file, undefined);
  const { read, columns } = readColumns(header, { file });
  const rows: DataTableRow[] = [];
  for (let row = header.row + 1; row <= top.length; row++) {
    const found = rowOf(grid, row, read);
    if (found !== null) rows.push(found);
  }
  return { read, columns, headerRow: header.row, rows };
}

const recordGrid = (record: readonly string[]): Grid => ({
  rowCount: 1,
  columnCount: record.length,
  text: (_row, column) => record[column - 1]?.trim() ?? '',
});

// eslint-disable-next-line @typescript-eslint/require-await -- an async source, as a file stream is
async function* pieces(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += HEAD_BYTES) yield bytes.subarray(at, at + HEAD_BYTES);
}

async function* rest(head: string, texts: AsyncIterator<{ text: string }>): AsyncGenerator<string> {
  if (head !== '') yield head;
  for (let next = await texts.next(); next.done !== true; next = await texts.next()) yield next.value.text;
}

/** The text of the bytes: the encoding decided on the first 64 KB (or the whole file if shorter), then held. */
async function* decoded(
  source: AsyncIterable<Uint8Array>,
  file: string,
  counted: (bytes: number) => void,
): AsyncGenerator<{ text: string }> {
  let head: Uint8Array[] = [];
  let headSize = 0;
  let decoder: TextDecoder | null = null;
  for await (const piece of source) {
    counted(piece.length);
    if (decoder !== null) {
      yield { text: decodeOrRefuse(decoder, piece, file, true) };
      continue;
    }
    head.push(piece);
    headSize += piece.length;
    if (headSize < HEAD_BYTES) continue;
    const bytes = Buffer.concat(head);
    head = [];
    decoder = decoderFor(bytes, file);
    yield { text: decodeOrRefuse(decoder, bytes, file, true) };
  }
  if (decoder === null) {
    const bytes = Buffer.concat(head);
    decoder = decoderFor(bytes, file);
    yield { text: decodeOrRefuse(decoder, bytes, file, true) };
  }
  yield { text: decodeOrRefuse(decoder, new Uint8Array(), file, false) };
}

function decoderFor(bytes: Uint8Array, file: string): TextDecoder {
  // decodeText judges it as readDataTable does; the 64 KB may end inside a character, so up to 3 bytes are left off.
  if (![0, 1, 2, 3].some((cut) => decodeText(bytes.subarray(0, bytes.length - cut)) !== null)) {
    const what = describe(bytes);
    throw unsupported(file, what.zh, what.en);
  }
  const [b0, b1] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return new TextDecoder(b0 === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true });
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return new TextDecoder('utf-8', { fatal: true });
  } catch {
    return new TextDecoder('gb18030', { fatal: true });
  }
}

function decodeOrRefuse(decoder: TextDecoder, bytes: Uint8Array, file: string, stream: boolean): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch (error) {
    throw csvInvalid(file, error);
  }
}
