import mammoth from 'mammoth';
import { Parser } from 'htmlparser2';
import { reasonOf, UnreadableFileError } from './unreadable.ts';
import { checkInflatedSize, declaresDtd, readZipDirectory } from './zip.ts';
import type { ZipEntry } from './zip.ts';

/**
 * A plan's XML parts are a few MB; mammoth holds the whole DOM in memory, so anything far bigger is a zip bomb or
 * not a plan, and is refused before mammoth sees it.
 */
const MAX_XML_BYTES = 64 * 1024 * 1024;

/** Converts a .docx to plain text: one line per paragraph, heading or list item, one tab-separated line per table row. */
export async function docxToText(bytes: Uint8Array): Promise<string> {
  const entries = readZipDirectory(bytes);
  if (entries === null) {
    throw unreadable(
      { zh: '不是 ZIP 压缩格式，或其目录已损坏', en: 'it is not a ZIP archive or its directory is damaged' },
      null,
    );
  }
  try {
    // Images are skipped unread: they carry no text and only XML parts are worth decompressing.
    checkInflatedSize(bytes, entries, (entry) => /\.(xml|rels)$/i.test(entry.name), MAX_XML_BYTES, refuseDtd);
  } catch (error) {
    throw unreadable(reasonOf(error), error);
  }

  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    const { en } = reasonOf(error);
    throw unreadable({ zh: `文档内容无法解析（${en}）`, en }, error);
  }
  return htmlToLines(html).join('\n');
}

function refuseDtd(entry: ZipEntry, xml: Uint8Array): void {
  if (!declaresDtd(xml)) return;
  throw new UnreadableFileError(
    `${entry.name} 含有 DTD 实体声明（<!DOCTYPE>），Word 从不写入，为防实体注入不予读取`,
    `${entry.name} declares a DTD (<!DOCTYPE>), which Word never writes; it is refused so that no entity is expanded`,
  );
}

function unreadable(reason: { zh: string; en: string }, cause: unknown): UnreadableFileError {
  return new UnreadableFileError(
    `这个 .docx 无法读取：${reason.zh}`,
    `not a readable .docx: ${reason.en}`,
    cause === null ? undefined : { cause },
  );
}

/** Tags whose start and end break the running text into a new line (or a new paragraph inside a cell). */
const BLOCK_TAGS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'br',
  'div',
  'blockquote',
  'pre',
  'caption',
]);

interface TableState {
  rows: string[][][];
  /** Cells of the open row; each cell is its list of paragraphs. */
  row: string[][] | null;
  cell: string[] | null;
  /** The open cell's colspan and rowspan. */
  span: { cols: number; rows: number };
  /** For each column, how many more rows a cell from above still covers. */
  pending: number[];
  col: number;
}

/** Walks mammoth's HTML into lines: one per block, one tab-separated line per table row. */
export function htmlToLines(html: string): string[] {
  // Merged cells keep the grid: a cell spanning columns or rows leaves empty cells in the places it covers, the way a
  // flat text export of the table reads, so column N stays column N on every row.
  const lines: string[] = [];
  const tables: TableState[] = [];
  let inline = '';
  let skippingLink = false;

  const target = (): string[] => {
    const table = tables.at(-1);
    return table?.cell ?? lines;
  };
  // An item's number waits for its text: the text may sit in a <p> inside the <li>.
  let itemNumber = '';
  const flush = (): void => {
    const text = cleanInline(inline);
    inline = '';
    if (text === '') return;
    target().push(`${itemNumber}${text}`);
    itemNumber = '';
  };
  const coverPending = (table: TableState, row: string[][], upTo: number): void => {
    while (table.col < upTo) {
      const left = table.pending[table.col] ?? 0;
      row.push([]);
      if (left > 0) table.pending[table.col] = left - 1;
      table.col++;
    }
  };

  /** Open lists, innermost last: the number of the last item of an ordered list, -1 for a bulleted one. */
  const lists: number[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'a') {
          // Footnote and endnote markers ("[1]", "↑") would stick to the numbers they follow.
          const href = attributes['href'] ?? '';
          if (/^#(footnote|endnote|comment)-/.test(href)) skippingLink = true;
          return;
        }
        if (BLOCK_TAGS.has(name)) {
          flush();
          // Word numbers list items itself; mammoth drops the numbers, which the plan's own items carry ("1. …").
          if (name === 'ol') lists.push(0);
          if (name === 'ul') lists.push(-1);
          const isNote = /^(footnote|endnote)-/.test(attributes['id'] ?? '');
          if (name === 'li' && !isNote && lists.length > 0 && (lists.at(-1) ?? -1) >= 0) {
            const n = (lists.pop() ?? 0) + 1;
            lists.push(n);
            itemNumber = `${n}. `;
          }
          return;
        }
        const table = tables.at(-1);
        switch (name) {
          case 'table':
            flush();
            tables.push({ rows: [], row: null, cell: null, span: { cols: 1, rows: 1 }, pending: [], col: 0 });
            break;
          case 'tr':
            flush();
            if (table) {
              table.row = [];
              table.col = 0;
            }
            break;
          case 'td':
          case 'th':
            flush();
            if (table?.row) {
              let col = table.col;
              while ((table.pending[col] ?? 0) > 0) col++;
              coverPending(table, table.row, col);
              table.cell = [];
              table.span = { cols: spanOf(attributes['colspan']), rows: spanOf(attributes['rowspan']) };
            }
            break;
        }
      },
      ontext(text) {
        if (!skippingLink) inline += text;
      },
      onclosetag(name) {
        if (name === 'a') {
          skippingLink = false;
          return;
        }
        if (BLOCK_TAGS.has(name)) {
          flush();
          if (name === 'ol' || name === 'ul') lists.pop();
          return;
        }
        const table = tables.at(-1);
        if (!table) return;
        switch (name) {
          case 'td':
          case 'th': {
            flush();
            if (table.row && table.cell) {
              for (let i = 0; i < table.span.cols; i++) {
                table.row.push(i === 0 ? table.cell : []);
                table.pending[table.col] = table.span.rows - 1;
                table.col++;
              }
            }
            table.cell = null;
            break;
          }
          case 'tr':
            flush();
            if (table.row) {
              const lastCovered = table.pending.findLastIndex((left) => left > 0);
              coverPending(table, table.row, lastCovered + 1);
              table.rows.push(table.row);
            }
            table.row = null;
            break;
          case 'table': {
            flush();
            tables.pop();
            const out = target();
            for (const line of tableToLines(table.rows)) {
              // A table nested in a cell becomes text of that cell, where a tab would break the outer row.
              out.push(tables.length > 0 ? line.replaceAll('\t', ' ') : line);
            }
            break;
          }
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines;
}

/**
 * One tab-separated line per row; a cell's paragraphs are joined by a space. A one-column table is a box (专栏) rather
 * than a grid, so its paragraphs stay separate lines: joining them would glue a box's sub-projects into one line.
 */
function tableToLines(rows: readonly (readonly (readonly string[])[])[]): string[] {
  const out: string[] = [];
  const oneColumn = rows.every((row) => row.length <= 1);
  for (const row of rows) {
    if (oneColumn) {
      out.push(...(row[0] ?? []));
      continue;
    }
    const cells = row.map((paragraphs) => paragraphs.join(' '));
    if (cells.some((cell) => cell !== '')) out.push(cells.join('\t'));
  }
  return out;
}

function spanOf(value: string | undefined): number {
  const n = Number(value ?? '1');
  // Word allows at most 63 columns; a larger span is a broken file and would blow up the row.
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 63) : 1;
}

/** Tabs and newlines inside a run would read as cell or line breaks downstream. */
function cleanInline(text: string): string {
  return text
    .replace(/[\t\n\r\f\v\u00a0]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}
