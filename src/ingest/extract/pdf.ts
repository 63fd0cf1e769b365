import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { checkPdfStreams } from './pdf-streams.ts';
import { reasonOf, UnreadableFileError } from './unreadable.ts';

type PdfJs = typeof PdfJsModule;
type TextItem = Extract<Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number], { str: string }>;

/** A run of text as pdf.js places it: baseline origin, advance width and font size, in PDF points. */
interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A rebuilt line: its text (cells split by tabs) and where it sits on the page. */
interface Line {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
  /** The first run, to tell how wide the line's first word is when deciding whether the line above was full. */
  first: Run;
}

interface Page {
  width: number;
  lines: Line[];
}

/**
 * A gap wider than this between runs on a line is a column gap. Columns packed tight sit barely more than Word's cell
 * padding (about 1 em) apart, so the bar is just above one ideographic space (1 em, common inside titles); two spaces
 * of a proportional font (about 0.6 em) stay joined, two of a monospaced font (1.2 em) do not.
 */
const TAB_GAP_EM = 1.1;
/** Between Latin letters or digits, a gap this wide is a word space that the PDF drew as spacing, not as a glyph. */
const SPACE_GAP_EM = 0.15;

let pdfjsPromise: Promise<PdfJs> | undefined;

/** pdf.js is a few MB of code: load it only when a PDF actually comes in. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** pdf.js in Node reads these with fs from a path; pointing at the package's own copies means nothing is fetched. */
function packageFolder(name: string): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), name) + '/';
}

/** Converts a PDF's text layer to plain text: lines rebuilt from positions, table columns split by tabs. */
export async function pdfToText(bytes: Uint8Array): Promise<string> {
  try {
    await checkPdfStreams(bytes);
  } catch (error) {
    throw unreadable(reasonOf(error), error);
  }
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js may detach the buffer it is given; the caller keeps theirs.
    data: new Uint8Array(bytes),
    cMapUrl: packageFolder('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: packageFolder('standard_fonts'),
    disableFontFace: true,
    isEvalSupported: false,
    useSystemFonts: false,
    useWorkerFetch: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const doc = await task.promise.catch((error: unknown) => {
      const en = error instanceof Error ? error.message : String(error);
      const reason =
        error instanceof Error && error.name === 'PasswordException'
          ? { zh: '文件设有密码', en: 'it is password-protected' }
          : { zh: `PDF 结构无法解析（${en}）`, en };
      throw unreadable(reason, error);
    });
    const pages: Page[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      // Positions are taken as the page is shown (rotation and crop box applied), so a landscape table page reads
      // left to right like the others.
      const viewport = page.getViewport({ scale: 1 });
      const toView = (item: TextItem): number[] => pdfjs.Util.transform(viewport.transform, item.transform) as number[];
      const content = await page.getTextContent();
      const runs = content.items.filter(isTextItem).flatMap((item) => toRuns(item, toView(item), viewport.height));
      pages.push({ width: viewport.width, lines: buildLines(runs) });
      page.cleanup();
    }
    dropPageNumbers(pages);
    return reflow(pages).join('\n');
  } finally {
    await task.destroy();
  }
}

function unreadable(reason: { zh: string; en: string }, cause: unknown): UnreadableFileError {
  return new UnreadableFileError(`这个 .pdf 无法读取：${reason.zh}`, `not a readable .pdf: ${reason.en}`, { cause });
}

function isTextItem(item: object): item is TextItem {
  return 'str' in item;
}

/** `view` is the item's matrix in viewport space, where y grows downwards; runs keep PDF's upward y. */
function toRuns(item: TextItem, view: readonly number[], pageHeight: number): Run[] {
  const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = view;
  // Rotated or skewed text is a watermark, a stamp or a sideways label, not part of the reading order.
  if (Math.abs(b) > 1e-3 * Math.abs(a) || Math.abs(c) > 1e-3 * Math.abs(d) || a <= 0 || d >= 0) return [];
  if (item.str.trim() === '') return [];
  // At scale 1 the viewport only turns and shifts, so the item's width needs no rescaling.
  return splitAtSpaces({ str: item.str, x, y: pageHeight - y, width: item.width, size: Math.max(-d, 1) });
}

const HAS_CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * pdf.js reports one item for a run of one font and writes a space wherever that run leaves a gap, and LibreOffice
 * leaves such gaps for the glyphs it draws afterwards in another font (the quotes in “十四五”). Splitting the run at
 * its spaces, with positions estimated from CJK glyphs being one em wide, lets those glyphs sort back into place.
 * Runs without CJK are left whole: Latin glyph widths vary too much to place their words.
 */
function splitAtSpaces(run: Run): Run[] {
  const parts = run.str.split(/(\s+)/).filter((part) => part !== '');
  if (parts.length < 2 || !HAS_CJK.test(run.str)) return [run];
  const nominal = (part: string): number => {
    let ems = 0;
    for (const ch of part) ems += HAS_CJK.test(ch) ? 1 : 0.5;
    return ems * run.size;
  };
  const words = parts.filter((part) => part.trim() !== '');
  const spaces = parts.length - words.length;
  const glyphs = words.reduce((sum, word) => sum + nominal(word), 0);
  const scale = glyphs > run.width ? run.width / glyphs : 1;
  const space = spaces > 0 ? Math.max(0, run.width - glyphs * scale) / spaces : 0;
  const out: Run[] = [];
  let x = run.x;
  for (const part of parts) {
    if (part.trim() === '') {
      x += space;
      continue;
    }
    const width = nominal(part) * scale;
    out.push({ ...run, str: part, x, width });
    x += width;
  }
  return out;
}

/** Groups runs sharing a baseline (within half the font size) into lines, top to bottom, each left to right. */
function buildLines(items: readonly Run[]): Line[] {
  const runs = [...items].sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: Run[][] = [];
  for (const run of runs) {
    const group = groups.at(-1);
    const head = group?.[0];
    if (group && head && Math.abs(head.y - run.y) <= 0.5 * Math.max(head.size, run.size)) group.push(run);
    else groups.push([run]);
  }
  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((p, q) => p.x - q.x);
    const line = joinRuns(group);
    if (line) lines.push(line);
  }
  return lines;
}

function joinRuns(runs: readonly Run[]): Line | null {
  const first = runs[0];
  if (!first) return null;
  let text = first.str;
  let prev = first;
  let right = first.x + first.width;
  for (const run of runs.slice(1)) {
    const gap = run.x - (prev.x + prev.width);
    const em = Math.max(prev.size, run.size);
    // Fake bold draws the same text twice, a hair apart.
    if (run.str === prev.str && Math.abs(run.x - prev.x) < 0.3 * em) continue;
    if (gap > TAB_GAP_EM * em) text += '\t';
    else if (gap > SPACE_GAP_EM * em && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(run.str)) text += ' ';
    text += run.str;
    prev = run;
    right = Math.max(right, run.x + run.width);
  }
  const clean = normalizeLine(text);
  if (clean === '') return null;
  return { text: clean, left: first.x, right, y: first.y, size: first.size, first };
}

/** Han characters and the full-width punctuation set between them. */
const CJK = String.raw`\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’—…·`;
const SPACE_BEFORE_CJK = new RegExp(String.raw`(?<=\S)[ \u00a0]+(?=[${CJK}])`, 'gu');
const SPACE_AFTER_CJK = new RegExp(String.raw`(?<=[${CJK}])[ \u00a0]+(?=\S)`, 'gu');

/** Kangxi radicals and compatibility ideographs: some PDF fonts map 日 or 金 to these look-alikes, which match nothing. */
const LOOKALIKE_HAN = /[\u2e80-\u2fdf\uf900-\ufaff]/gu;

/** Cleans one rebuilt line: no spaces beside Chinese, trimmed cells, look-alike radicals mapped to real characters. */
export function normalizeLine(text: string): string {
  // Chinese puts no spaces between words; the ones pdf.js reports beside Latin digits ("达到 96.5%", "2025 年") are
  // typesetting gaps, and the parser downstream reads "96.5%" only when it touches its label.
  return text
    .replace(LOOKALIKE_HAN, (ch) => ch.normalize('NFKC'))
    .split('\t')
    .map((cell) =>
      cell
        .replace(SPACE_BEFORE_CJK, '')
        .replace(SPACE_AFTER_CJK, '')
        .replace(/[ \u00a0]{2,}/g, ' ')
        .replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''),
    )
    .filter((cell) => cell !== '')
    .join('\t');
}

const DECORATED_PAGE_NUMBER = [
  /^[-—–－‒―]+\s*\d{1,4}\s*[-—–－‒―]+$/u,
  /^第\s*\d{1,4}\s*页(\s*[，,]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^\d{1,4}\s*\/\s*\d{1,4}$/u,
  /^[Pp]age\s*\d{1,4}(\s*of\s*\d{1,4})?$/u,
];

/**
 * Removes page numbers from the first and last line of each page. "- 3 -" and "第3页" go on sight; a bare "3" goes only
 * when a page next to it has a bare number in the same place that counts along with it, since a bare number can as
 * well be a table cell that happens to end a page.
 */
function dropPageNumbers(pages: Page[]): void {
  const bare = (page: Page | undefined, end: 'top' | 'bottom'): number | null => {
    const line = end === 'top' ? page?.lines[0] : page?.lines.at(-1);
    return line && /^\d{1,4}$/.test(line.text) ? Number(line.text) : null;
  };
  const marks = pages.map((_, i) =>
    (['top', 'bottom'] as const).map((end) => {
      const n = bare(pages[i], end);
      if (n === null) return false;
      const before = bare(pages[i - 1], end);
      const after = bare(pages[i + 1], end);
      return before === n - 1 || after === n + 1;
    }),
  );
  pages.forEach((page, i) => {
    const [top = false, bottom = false] = marks[i] ?? [];
    const isDecorated = (line: Line | undefined): boolean =>
      line !== undefined && DECORATED_PAGE_NUMBER.some((pattern) => pattern.test(line.text));
    if (bottom || isDecorated(page.lines.at(-1))) page.lines.pop();
    if (top || isDecorated(page.lines[0])) page.lines.shift();
  });
}

/**
 * Joins the visual lines of a paragraph back into one line, as in a .txt plan, so a sentence such as
 * "学前教育毛入园率达到96.5%" is not cut in two by the page width. A line continues the one above when that one was
 * full (the next line's first word would not have fitted after it), both are prose in the same font size at the usual
 * line distance, the lower one starts at the body's left edge (an indented line starts a new paragraph) and does not
 * start with a heading number.
 */
function reflow(pages: readonly Page[]): string[] {
  const bodyLeft = mostCommonLeft(pages);
  const out: string[] = [];
  let prev: { line: Line; pageWidth: number } | null = null;
  for (const page of pages) {
    let samePage = false;
    for (const line of page.lines) {
      const last = out.at(-1);
      if (prev && last !== undefined && continues(prev.line, line, prev.pageWidth, bodyLeft, samePage)) {
        const joiner = /[A-Za-z]$/.test(last) && /^[A-Za-z]/.test(line.text) ? ' ' : '';
        out[out.length - 1] = last + joiner + line.text;
      } else {
        out.push(line.text);
      }
      prev = { line, pageWidth: page.width };
      samePage = true;
    }
  }
  return out;
}

/** A heading number at the start of a line: a wrapped sentence almost never breaks right before one. */
const HEADING_START =
  /^(（[一二三四五六七八九十百]+）|[一二三四五六七八九十百]+、|第[一二三四五六七八九十百零〇\d]+[章节部分]|专栏\s*\d)/u;

function continues(above: Line, below: Line, pageWidth: number, bodyLeft: number, samePage: boolean): boolean {
  if (above.text.includes('\t') || below.text.includes('\t') || HEADING_START.test(below.text)) return false;
  const em = above.size;
  if (Math.abs(below.size - em) > 0.1 * em) return false;
  if (samePage && above.y - below.y > 2 * em) return false;
  if (Math.abs(below.left - bodyLeft) > 0.5 * em) return false;
  // Margins are near-symmetric in practice (GB/T 9704 puts them 2 mm apart), so the right edge mirrors the left.
  const bodyRight = pageWidth - bodyLeft;
  return above.right + firstWordWidth(below.first) > bodyRight - em;
}

function firstWordWidth(run: Run): number {
  const word = /^[\x21-\x7e]+/.exec(run.str)?.[0] ?? run.str.slice(0, 1);
  return run.str.length === 0 ? 0 : (run.width * word.length) / run.str.length;
}

function mostCommonLeft(pages: readonly Page[]): number {
  const counts = new Map<number, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (line.text.includes('\t')) continue;
      const key = Math.round(line.left);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let best = 0;
  let bestCount = 0;
  for (const [left, count] of counts) {
    if (count > bestCount) [best, bestCount] = [left, count];
  }
  return best;
}
