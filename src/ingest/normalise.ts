import * as OpenCC from 'opencc-js';
import type { ParseWarning } from './types.ts';

/** One line of the source text after normalisation, with its 1-based line number in the source. */
export interface SourceLine {
  no: number;
  /** Normalised text: tabs kept (they carry table structure), noise removed, trimmed at the end. */
  text: string;
  /** The line began with a tab: a table cell written one per line, or an indented box line. */
  indented: boolean;
}

const BOOKMARK = /\[bookmark:[^\]]*\]/g;
const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
// Full-width forms that carry meaning in Chinese text and must stay as they are.
const KEEP_FULL_WIDTH = new Set(['（', '）', '，', '：', '；', '！', '？', '、']);
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';
const CJK_PUNCT = '“”‘’《》（）【】〔〕，。、；：！？…—·';
const SPACE_BETWEEN = new RegExp(
  `(?<=[${CJK}${CJK_PUNCT}0-9%.])[ \\u00a0](?=[${CJK}${CJK_PUNCT}])|(?<=[${CJK}${CJK_PUNCT}])[ \\u00a0](?=[0-9%])`,
  'gu',
);
const LATIN_WORD = /(?<![A-Za-z])[A-Za-z]{4,}(?![A-Za-z])/g;
// Latin words that belong in a Chinese plan: acronyms and the usual technical loans.
const ALLOWED_LATIN = /^(STEM|STEAM|MOOC|MOOCs|PISA|TALIS|online|offline|Internet|IPv6|WiFi|Wi-Fi|CBE)$/i;

type Convert = (text: string) => string;
// opencc-js's own .d.ts imports './core' without an extension, which NodeNext resolution cannot follow: this is the
// one signature we use, typed here instead.
const makeConverter = (OpenCC as unknown as { Converter: (options: { from: string; to: string }) => Convert })
  .Converter;
let toSimplified: Convert | undefined;

/** Converts traditional characters to simplified ones (OpenCC, Hong Kong/Taiwan/traditional to mainland). */
export function simplify(text: string): string {
  const convert = (toSimplified ??= makeConverter({ from: 't', to: 'cn' }));
  return convert(text);
}

/** Half-width for full-width ASCII (digits, Latin, %, <, >), except the punctuation that Chinese text keeps. */
export function halfWidth(text: string): string {
  return text.replace(FULL_WIDTH_ASCII, (ch) =>
    KEEP_FULL_WIDTH.has(ch) ? ch : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Removes the single spaces that PDF extraction and typesetting put between Chinese characters and digits. Runs of
 * two or more stay: they separate the columns of a space-aligned table.
 */
export function closeCjkSpaces(text: string): string {
  return text.replace(SPACE_BETWEEN, '');
}

/** Normalises one line; tabs are kept because they separate table cells. */
export function normaliseLine(raw: string): string {
  // Markdown marks (a heading's #, bold **) carry no words.
  let text = raw
    .replace(BOOKMARK, '')
    .replace(/\*\*/g, '')
    .replace(/^\s*#{1,6}\s+/, '');
  text = halfWidth(text).replace(/\u3000/g, ' ');
  text = text
    .split('\t')
    .map((cell) => closeCjkSpaces(cell).replace(/ {2,}/g, '  '))
    .join('\t');
  return text.replace(/[ \u00a0]+$/u, '').replace(/^[ \u00a0]+/u, '');
}

/**
 * Splits a document's text into normalised lines that keep their source line numbers, and reports what it changed
 * that a reviewer should know (traditional characters, stray Latin words).
 */
export function normaliseText(input: string): { lines: SourceLine[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const converted: ParseWarning[] = [];
  const rawLines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const lines = rawLines.map((raw, index): SourceLine => {
    const no = index + 1;
    const indented = /^\t/.test(raw.replace(BOOKMARK, ''));
    let text = normaliseLine(raw);
    const simplified = hasCjk(text) ? simplify(text) : text;
    if (simplified !== text) {
      converted.push({
        line: no,
        message: `繁体字已转换为简体 (traditional characters converted): ${diffChars(text, simplified)}`,
      });
      text = simplified;
    }
    for (const word of text.match(LATIN_WORD) ?? []) {
      if (!ALLOWED_LATIN.test(word) && hasCjk(text)) {
        warnings.push({
          line: no,
          message: `中文段落中出现英文单词“${word}”，请核对原文 (stray English word in Chinese text)`,
        });
      }
    }
    return { no, text, indented };
  });
  return { lines, warnings: [...summariseConversions(converted), ...warnings] };
}

/** A few converted lines are worth a warning each; a document typed in traditional characters gets one. */
function summariseConversions(converted: readonly ParseWarning[]): ParseWarning[] {
  if (converted.length <= 5) return [...converted];
  const lines = converted.map((w) => w.line).filter((line): line is number => line !== null);
  const shown = lines.slice(0, 10).join(', ');
  return [
    {
      line: lines[0] ?? null,
      message: `${converted.length} 行中的繁体字已转换为简体，请核对（第 ${shown}${lines.length > 10 ? ' …' : ''} 行） (traditional characters converted on ${converted.length} lines)`,
    },
  ];
}

function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/u.test(text);
}

function diffChars(before: string, after: string): string {
  const pairs = new Set<string>();
  const a = Array.from(before);
  const b = Array.from(after);
  if (a.length !== b.length) return `${before.slice(0, 20)}… → ${after.slice(0, 20)}…`;
  a.forEach((ch, i) => {
    if (ch !== b[i]) pairs.add(`${ch}→${b[i] ?? ''}`);
  });
  return [...pairs].join(' ');
}
