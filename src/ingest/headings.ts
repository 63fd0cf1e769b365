import type { SourceLine } from './normalise.ts';
import { CHINESE_NUMERAL, chineseNumber } from './numerals.ts';
import type { PlanSection } from './types.ts';

/** Heading styles from the outermost to the innermost, as Chinese official documents nest them. */
const STYLES = [
  { name: 'part', pattern: new RegExp(`^(第(?:${CHINESE_NUMERAL}+|\\d+)(?:篇|部分))\\s*(.+)$`) },
  { name: 'chapter', pattern: new RegExp(`^(第(?:${CHINESE_NUMERAL}+|\\d+)章)\\s*(.+)$`) },
  { name: 'section', pattern: new RegExp(`^(第(?:${CHINESE_NUMERAL}+|\\d+)节)\\s*(.+)$`) },
  { name: 'cn-list', pattern: new RegExp(`^(${CHINESE_NUMERAL}+[、．.])\\s*(.+)$`) },
  { name: 'cn-paren', pattern: new RegExp(`^([（(]${CHINESE_NUMERAL}+[）)])\\s*(.+)$`) },
  { name: 'arabic', pattern: /^(\d{1,2}[.．、])(?!\d)\s*(.+)$/ },
  { name: 'arabic-paren', pattern: /^([（(]\d{1,2}[）)])\s*(.+)$/ },
] as const;

const MAX_TITLE = 40;

export interface HeadingMatch {
  rank: number;
  number: string;
  title: string;
}

/** Reads a line as a heading ("一、发展基础", "（三）基本原则", "第二章 …"), or null when it is body text. */
export function headingMatch(text: string): HeadingMatch | null {
  const trimmed = text.trim();
  for (const [rank, style] of STYLES.entries()) {
    const match = style.pattern.exec(trimmed);
    if (!match) continue;
    const number = (match[1] ?? '').replace(/\s+/g, '');
    const title = (match[2] ?? '').replace(/\s+/g, ' ').trim();
    if (isHeadingTitle(title)) return { rank, number, title };
    // A run-in heading: "（一）加强组织领导。各级党委…" opens its paragraph with a short phrase and a full stop.
    const runIn = /^([^，。；：]{2,16})。./.exec(title)?.[1];
    return runIn !== undefined && (style.name === 'cn-list' || style.name === 'cn-paren')
      ? { rank, number, title: runIn }
      : null;
  }
  return null;
}

function isHeadingTitle(title: string): boolean {
  if (title === '' || title.length > MAX_TITLE) return false;
  // A heading is a phrase: sentence punctuation inside or at its end makes it a paragraph or a list item.
  if (/[。；;！？]/.test(title)) return false;
  // "一是…", "二要…" open enumerations in a paragraph, not headings.
  return !/^[是要]/.test(title);
}

/**
 * Finds the section headings of the body, skipping the table of contents and table cells. Levels are dense: the
 * outermost style the document uses is level 1, whatever it is (一、 in one plan, 第一章 in another).
 */
export function findHeadings(lines: readonly SourceLine[], skip: ReadonlySet<number>): PlanSection[] {
  const found: (HeadingMatch & { line: number })[] = [];
  for (const line of lines) {
    if (skip.has(line.no) || line.indented || line.text.includes('\t') || line.text.startsWith('|')) continue;
    const match = headingMatch(line.text);
    if (match) found.push({ ...match, line: line.no });
  }
  mendMistypedNumbers(found);
  const ranks = [...new Set(found.map((h) => h.rank))].sort((a, b) => a - b);
  return found.map((h) => ({ level: ranks.indexOf(h.rank) + 1, number: h.number, title: h.title, line: h.line }));
}

/**
 * "6、" typed between "五、" and "七、", or "（2）" between "（一）" and "（三）", is a mistyped chapter or section
 * number, not a list item: an Arabic number that continues the Chinese-numbered sequence around it takes its rank.
 */
function mendMistypedNumbers(found: (HeadingMatch & { line: number })[]): void {
  const pairs: [arabic: number, chinese: number][] = [
    [5, 3], // 6、 among 五、 七、
    [6, 4], // （2） among （一） （三）
  ];
  const digits = (h: HeadingMatch): number | null => {
    const inner = h.number.replace(/[（()）、．.]/g, '');
    return /^\d+$/.test(inner) ? Number(inner) : chineseNumber(inner);
  };
  for (const [k, heading] of found.entries()) {
    const pair = pairs.find(([arabic]) => arabic === heading.rank);
    if (!pair || (pair[0] === 4 && !heading.number.endsWith('、'))) continue;
    const chinese = pair[1];
    const previous = found
      .slice(0, k)
      .reverse()
      .find((h) => h.rank === chinese || h.rank < chinese);
    const next = found.slice(k + 1).find((h) => h.rank === chinese || h.rank < chinese);
    const n = digits(heading);
    if (
      previous?.rank === chinese &&
      next?.rank === chinese &&
      n !== null &&
      digits(previous) === n - 1 &&
      digits(next) === n + 1
    ) {
      heading.rank = chinese;
    }
  }
}

/** The innermost section that holds a line, or null before the first heading. */
export function sectionAt(sections: readonly PlanSection[], line: number): PlanSection | null {
  let current: PlanSection | null = null;
  for (const section of sections) {
    if (section.line > line) break;
    current = section;
  }
  return current;
}

/** The level-1 section that holds a line, or null before the first chapter. */
export function chapterAt(sections: readonly PlanSection[], line: number): PlanSection | null {
  let current: PlanSection | null = null;
  for (const section of sections) {
    if (section.line > line) break;
    if (section.level === 1) current = section;
  }
  return current;
}
