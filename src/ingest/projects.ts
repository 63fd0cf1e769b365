import type { SourceLine } from './normalise.ts';
import { readNumber } from './numerals.ts';
import { buildParagraphs } from './paragraphs.ts';
import { findQuantities } from './quantities.ts';
import type { Commitment, PlanProject } from './types.ts';

const BOX_TITLE = /^专栏\s*(\d+|[一二三四五六七八九十]+)\s*[：:、.．]?\s*(.*)$/;
const NUMBERED_ITEM = /^(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])\s*(.+)$/;
// A name opens with a noun ("基础教育强师计划"); a sentence that opens with a verb ("建设…平台。") is a task.
const ACTION_START =
  /^(每|建设|建立|实施|推进|开展|完善|加强|支持|推动|打造|创建|办好|争取|力争|鼓励|引导|全面|深化|加快)/;
const NAMED_LEAD = /^([^，。；：:]{3,30}?(?:工程|计划|项目|行动|基地|中心|平台))[。：:]/;

/** A 专栏 box: where it starts and ends in the text. */
export interface BoxSpan {
  number: number;
  title: string;
  line: number;
  /** Line numbers of the box's content, title excluded. */
  contentLines: number[];
}

/** Reads a line as a 专栏 box title: its number and title, or null. */
export function boxTitle(text: string): { number: number; title: string } | null {
  const match = BOX_TITLE.exec(text.replace(/^\t+/, '').trim());
  const number = readNumber(match?.[1] ?? '');
  if (!match || number === null) return null;
  return { number, title: (match[2] ?? '').replace(/\s+/g, ' ').trim() };
}

/**
 * Finds the 专栏 boxes: a box runs from its title to the next heading or box, or, when its content is written as
 * table cells (tab-indented), to the first plain paragraph after a blank line.
 */
export function findBoxes(lines: readonly SourceLine[], isHeading: (line: number) => boolean): BoxSpan[] {
  const boxes: BoxSpan[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const title = line ? boxTitle(line.text) : null;
    if (!line || !title) continue;
    const contentLines: number[] = [];
    let cellBox = false;
    let sawBlank = false;
    // A box typed without blank lines (its first line right under the title) ends at the first blank line: the
    // section's prose goes on after it. Boxes in double-spaced text end at the next heading or box.
    const tight = (lines[i + 1]?.text ?? '') !== '';
    let j = i + 1;
    for (; j < lines.length; j += 1) {
      const next = lines[j];
      if (!next || isHeading(next.no) || boxTitle(next.text)) break;
      if (next.text === '') {
        sawBlank = true;
        continue;
      }
      if (contentLines.length === 0) cellBox = next.indented;
      if (sawBlank && ((cellBox && !next.indented) || (tight && !cellBox))) break;
      sawBlank = false;
      contentLines.push(next.no);
    }
    boxes.push({ number: title.number, title: title.title, line: line.no, contentLines });
    i = j - 1;
  }
  return boxes;
}

/** Reads each box's named sub-projects and quantified commitments; a box split by a page break is one project. */
export function readProjects(
  lines: readonly SourceLine[],
  boxes: readonly BoxSpan[],
  period: { start: number; end: number } | null,
): PlanProject[] {
  const byNo = new Map(lines.map((line) => [line.no, line]));
  const projects: PlanProject[] = [];
  for (const box of boxes) {
    const boxLines = box.contentLines.map((no) => byNo.get(no)).filter((l): l is SourceLine => l !== undefined);
    const subprojects = findSubprojects(boxLines);
    const commitments = boxCommitments(boxLines, subprojects, period);
    const same = projects.find((p) => p.number === box.number && (p.title === box.title || box.title === ''));
    if (same) {
      same.subprojects.push(...subprojects);
      same.commitments.push(...commitments);
      continue;
    }
    projects.push({ number: box.number, title: box.title, line: box.line, subprojects, commitments });
  }
  return projects;
}

function boxCommitments(
  boxLines: readonly SourceLine[],
  subprojects: readonly { title: string; line: number }[],
  period: { start: number; end: number } | null,
): Commitment[] {
  const titleLines = new Set(subprojects.map((s) => s.line));
  const paragraphs = buildParagraphs(boxLines, (line) => titleLines.has(line.no) && isCellTitle(line));
  return paragraphs.flatMap((paragraph) =>
    findQuantities(paragraph, period).map((q) => ({
      ...q,
      subproject: subprojectAt(subprojects, q.line),
    })),
  );
}

function subprojectAt(subprojects: readonly { title: string; line: number }[], line: number): string | null {
  let current: string | null = null;
  for (const sub of subprojects) {
    if (sub.line > line) break;
    current = sub.title;
  }
  return current;
}

/**
 * Named sub-projects: a short title cell above its description (Word tables), a numbered item's name
 * ("1. 增强德育实效工程。…"), or a paragraph that opens with a programme's name ("基础教育强师计划。…").
 */
function findSubprojects(boxLines: readonly SourceLine[]): { title: string; line: number }[] {
  const found: { title: string; line: number }[] = [];
  for (const [k, line] of boxLines.entries()) {
    const text = line.text.replace(/^\t+/, '').trim();
    if (isCellTitle(line) && boxLines[k + 1]?.indented === true) {
      found.push({ title: text, line: line.no });
      continue;
    }
    const item = NUMBERED_ITEM.exec(text);
    if (item?.[1]) {
      const name = itemName(item[1]);
      if (name) found.push({ title: name, line: line.no });
      continue;
    }
    const lead = NAMED_LEAD.exec(text)?.[1];
    if (lead && !ACTION_START.test(lead) && !/\d/.test(lead)) found.push({ title: lead, line: line.no });
  }
  return found;
}

function isCellTitle(line: SourceLine): boolean {
  const text = line.text.trim();
  return line.indented && text.length >= 2 && text.length <= 30 && !/[，。；,;]/.test(text);
}

function itemName(text: string): string | null {
  const sentence = /^([^。：:]{2,30})[。：:]/.exec(text)?.[1];
  if (sentence && !sentence.includes('，')) return sentence.trim();
  const clause = /^([^，。]{2,30})[，,]/.exec(text)?.[1];
  return clause?.trim() ?? sentence?.trim() ?? null;
}
