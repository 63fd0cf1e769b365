import { findGoals } from './goals.ts';
import { findHeadings } from './headings.ts';
import { findMechanisms } from './mechanisms.ts';
import { readMetadata } from './metadata.ts';
import type { SourceLine } from './normalise.ts';
import { normaliseText } from './normalise.ts';
import type { Paragraph } from './paragraphs.ts';
import { buildParagraphs } from './paragraphs.ts';
import { boxTitle, findBoxes, readProjects } from './projects.ts';
import { findQuantities } from './quantities.ts';
import { findSystems } from './systems.ts';
import { findIndicatorTables } from './tables.ts';
import { findTocLines } from './toc.ts';
import type { ParsedPlan, PlanSection, SectionCommitment, SourceFormat } from './types.ts';

const RETROSPECTIVE = /发展基础|面临形势|发展环境|成效|成就|回顾|现状|十三五/;
const IMPLEMENTATION = /实施|保障|组织领导/;

/**
 * Reads a plan document's text into a structured plan. Pure: text in, plan out; every item keeps its source line.
 * @example parsePlanText(readFileSync('忻州.txt', 'utf8'), 'txt').indicators[0]?.name // '学前教育毛入园率'
 */
export function parsePlanText(text: string, format: SourceFormat = 'txt'): ParsedPlan {
  const { lines, warnings } = normaliseText(text);
  const meta = readMetadata(lines, warnings);
  const toc = findTocLines(lines);
  const beforeTitle = new Set(lines.filter((l) => meta.titleLine !== null && l.no <= meta.titleLine).map((l) => l.no));
  const tables = findIndicatorTables(
    lines,
    {
      regionName: meta.region?.name ?? null,
      periodStart: meta.period?.start ?? null,
      periodEnd: meta.period?.end ?? null,
    },
    warnings,
  );
  // Group rows inside a table ("一、教育普及") are not the document's chapters.
  const tableLines = new Set<number>();
  for (const table of tables) for (let no = table.firstLine; no <= table.lastLine; no += 1) tableLines.add(no);
  const sections = findHeadings(lines, new Set([...toc, ...beforeTitle, ...tableLines]));
  const headingLines = new Set(sections.map((s) => s.line));
  // A box that frames the indicator table ("专栏1 主要指标") holds the table, not a project.
  const boxes = findBoxes(lines, (no) => headingLines.has(no)).filter(
    (box) =>
      box.contentLines.filter((no) => tableLines.has(no)).length * 2 < box.contentLines.length ||
      box.contentLines.length === 0,
  );
  const projects = readProjects(lines, boxes, meta.period);

  const excluded = new Set<number>([...toc, ...beforeTitle]);
  for (const no of tableLines) excluded.add(no);
  for (const box of boxes) for (const no of [box.line, ...box.contentLines]) excluded.add(no);
  const body = lines.filter((line) => !excluded.has(line.no));
  const paragraphs = buildParagraphs(body, (line) => headingLines.has(line.no) || boxTitle(line.text) !== null);
  const prose = readProse(paragraphs, sections, headingLines, meta.period);

  const plan: ParsedPlan = {
    title: meta.title,
    region: meta.region,
    issuer: meta.issuer,
    docNumber: meta.docNumber,
    issuedDate: meta.issuedDate,
    period: meta.period,
    parentPlans: meta.parentPlans,
    sections,
    indicators: tables.flatMap((t) => t.indicators),
    goals: prose.goals,
    projects,
    commitments: prose.commitments,
    mechanisms: prose.mechanisms,
    systems: prose.systems,
    warnings,
    source: { format, lines: lines.length },
  };
  if (plan.indicators.length === 0 && isPlanLike(plan)) {
    warnings.push({
      line: null,
      message: '未找到指标表（含“指标”和年份或“属性”列的表格），请在审核时补录 (no indicator table found)',
    });
  }
  return plan;
}

function readProse(
  paragraphs: readonly Paragraph[],
  sections: readonly PlanSection[],
  headingLines: ReadonlySet<number>,
  period: { start: number; end: number } | null,
): Pick<ParsedPlan, 'goals' | 'commitments' | 'mechanisms' | 'systems'> {
  const result: Pick<ParsedPlan, 'goals' | 'commitments' | 'mechanisms' | 'systems'> = {
    goals: [],
    commitments: [],
    mechanisms: [],
    systems: [],
  };
  const lastChapter = sections.filter((s) => s.level === 1).at(-1);
  const outline = sectionWalker(sections);
  for (const paragraph of paragraphs) {
    const line = paragraph.starts[0]?.line ?? 0;
    if (headingLines.has(line)) continue;
    const chain = outline.at(line);
    const lookingBack = chain.some((s) => RETROSPECTIVE.test(s.title));
    const inImplementation = chain.some((s) => s.level === 1 && (IMPLEMENTATION.test(s.title) || s === lastChapter));
    result.mechanisms.push(...findMechanisms(paragraph, inImplementation));
    result.systems.push(...findSystems(paragraph));
    if (lookingBack) continue;
    result.goals.push(...findGoals(paragraph, period));
    const section = chain.at(-1)?.title ?? null;
    result.commitments.push(...sectionCommitments(paragraph, period, section));
  }
  result.systems = dedupe(result.systems, (s) => s.name);
  result.mechanisms = dedupe(result.mechanisms, (m) => `${m.kind}:${m.text}`);
  return result;
}

/** Counts promised outside the boxes; shares in prose are goals, and what happened before the period is history. */
function sectionCommitments(
  paragraph: Paragraph,
  period: { start: number; end: number } | null,
  section: string | null,
): SectionCommitment[] {
  return findQuantities(paragraph, period)
    .filter((q) => q.unit !== '%' && q.unit !== '‰' && q.unit !== '个百分点')
    .filter((q) => period === null || !/(?:19|20)\d\d年/.test(q.text) || q.deadline !== null)
    .map((q) => ({ ...q, subproject: null, section }));
}

/** The chain of sections that hold a line (chapter first), for lines asked in increasing order: one pass in all. */
function sectionWalker(sections: readonly PlanSection[]): { at: (line: number) => PlanSection[] } {
  const chain: PlanSection[] = [];
  let next = 0;
  return {
    at(line: number): PlanSection[] {
      for (let section = sections[next]; section && section.line <= line; section = sections[++next]) {
        while (chain.length > 0 && (chain.at(-1)?.level ?? 0) >= section.level) chain.pop();
        chain.push(section);
      }
      return [...chain];
    },
  };
}

function dedupe<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Whether the text reads as a development plan at all (a title, plan headings, an indicator table or 专栏 boxes). */
export function isPlanLike(plan: ParsedPlan): boolean {
  const signals = [
    plan.title !== null,
    plan.sections.length >= 3,
    plan.indicators.length > 0,
    plan.projects.length > 0,
    plan.parentPlans.length > 0,
    plan.mechanisms.length > 0,
  ].filter(Boolean).length;
  return (
    signals >= 2 &&
    (plan.indicators.length > 0 || plan.projects.length > 0 || plan.title !== null || plan.parentPlans.length > 0)
  );
}

/** Lines of the text as the reader sees them after normalisation, for `eduplan parse --text`. */
export function normalisedLines(text: string): SourceLine[] {
  return normaliseText(text).lines;
}
