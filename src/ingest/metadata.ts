import type { SourceLine } from './normalise.ts';
import { readNumber } from './numerals.ts';
import { regionAtStart } from './regions.ts';
import type { ParseWarning, PlanPeriod, PlanRegion } from './types.ts';

/** What a plan says about itself: title, region, issuing notice, period and the plans it implements. */
export interface PlanMetadata {
  title: string | null;
  titleLine: number | null;
  region: PlanRegion | null;
  issuer: string | null;
  docNumber: string | null;
  issuedDate: string | null;
  period: PlanPeriod | null;
  parentPlans: string[];
}

const PLAN_WORD = /(规划|纲要|计划|方案)(（[^）]*）)?$/;
const PERIOD_WORD = /十[一二三四五六]五|(19|20)\d\d/;
const NOT_TITLE = /^(关于|为|根据|依据|按照|各)|通知|印发|文件$/;
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,8}[〔［[(（【]\s*(19|20)\d\d\s*[〕］\])）】]\s*\d{1,4}\s*号/;
const DATE_LINE =
  /^((?:19|20)\d\d|[一二〇零○]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日$/;
const ISSUER_LINE = /^(.{2,30}?)文件$/;
const PARENT_SENTENCE = /(根据|依据|按照|贯彻落实|落实)[^。]*(制定|编制|制订)本规划/;
const FIVE_YEAR: Record<string, number> = {
  十一五: 2006,
  十二五: 2011,
  十三五: 2016,
  十四五: 2021,
  十五五: 2026,
  十六五: 2031,
};

/** Reads the plan's metadata from its opening lines (the 红头 notice, the title, the opening sentence). */
export function readMetadata(lines: readonly SourceLine[], warnings: ParseWarning[]): PlanMetadata {
  const head = lines.slice(0, 80);
  const found = findTitle(head);
  const title = found?.title ?? null;
  const parentPlans = readParentPlans(lines);
  let region = title ? regionAtStart(title) : null;
  if (!title) {
    warnings.push({
      line: null,
      message: '文档没有标题行，请在审核时填写规划名称 (no title line: enter the plan title on review)',
    });
  }
  if (!region) {
    region = regionFromText(lines, parentPlans);
    if (region) {
      warnings.push({
        line: null,
        message: `规划所属地区“${region.name}”由正文推断，请审核确认 (region inferred from the text: confirm on review)`,
      });
    }
  }
  return {
    title,
    titleLine: found?.lastLine ?? null,
    region,
    ...readNotice(head),
    period: readPeriod(title, lines),
    parentPlans,
  };
}

/** The title line, or a title set on two lines ("忻州市“十四五”" / "教育事业发展规划"), joined. */
function findTitle(head: readonly SourceLine[]): { title: string; line: SourceLine; lastLine: number } | null {
  const single = head.find((line) => isTitle(line.text));
  if (single) return { title: single.text.trim(), line: single, lastLine: single.no };
  const filled = head.filter((line) => line.text.trim() !== '');
  for (const [k, first] of filled.entries()) {
    const second = filled[k + 1];
    if (!second || second.no - first.no > 2 || first.text.length > 30 || PLAN_WORD.test(first.text.trim())) continue;
    const joined = `${first.text.trim()}${second.text.trim()}`;
    if (isTitle(joined)) return { title: joined, line: first, lastLine: second.no };
  }
  return null;
}

function isTitle(text: string): boolean {
  const t = text.trim();
  return (
    t.length >= 6 &&
    t.length <= 50 &&
    !t.includes('\t') &&
    PLAN_WORD.test(t) &&
    PERIOD_WORD.test(t) &&
    !NOT_TITLE.test(t) &&
    !t.startsWith('《')
  );
}

function readNotice(head: readonly SourceLine[]): Pick<PlanMetadata, 'issuer' | 'docNumber' | 'issuedDate'> {
  const texts = head.map((line) => line.text.trim());
  const docNumber = texts.map((t) => DOC_NUMBER.exec(t)?.[0]).find((d) => d !== undefined) ?? null;
  const issuerLine = texts.find((t) => ISSUER_LINE.test(t) && t.length <= 32);
  const issuer = issuerLine ? (ISSUER_LINE.exec(issuerLine)?.[1] ?? null) : null;
  const dateText = docNumber === null ? undefined : texts.find((t) => DATE_LINE.test(t));
  const date = dateText ? DATE_LINE.exec(dateText) : null;
  // Notices date themselves in Chinese numerals as often as in digits ("二〇二一年十二月三日").
  const part = (text: string | undefined): string => String(readNumber((text ?? '').replace(/○/g, '〇')) ?? '');
  const issuedDate = date
    ? `${part(date[1])}-${part(date[2]).padStart(2, '0')}-${part(date[3]).padStart(2, '0')}`
    : null;
  return { issuer, docNumber: docNumber?.replace(/\s+/g, '') ?? null, issuedDate };
}

function readPeriod(title: string | null, lines: readonly SourceLine[]): PlanPeriod | null {
  const span = title ? /((?:19|20)\d\d)\s*[-—–~至到]\s*((?:19|20)\d\d)/.exec(title) : null;
  if (span?.[1] && span[2]) return { start: Number(span[1]), end: Number(span[2]) };
  const inTitle = title ? /十[一二三四五六]五/.exec(title)?.[0] : undefined;
  // Without a title, the latest five-year term named is the plan's own: plans look back, never past themselves.
  const terms = inTitle ? [inTitle] : lines.slice(0, 200).flatMap((l) => l.text.match(/十[一二三四五六]五/g) ?? []);
  const starts = terms.map((term) => FIVE_YEAR[term]).filter((y): y is number => y !== undefined);
  return starts.length > 0 ? { start: Math.max(...starts), end: Math.max(...starts) + 4 } : null;
}

function readParentPlans(lines: readonly SourceLine[]): string[] {
  const opening = lines.slice(0, 120).find((line) => PARENT_SENTENCE.test(line.text));
  if (!opening) return [];
  const sentence = PARENT_SENTENCE.exec(opening.text)?.[0] ?? '';
  return [...sentence.matchAll(/《[^《》]*(?:《[^《》]*》[^《》]*)*》/g)].map((m) => m[0]);
}

/** Without a title: the lowest-level region named in the parent plans or in a caption such as "…主要目标". */
function regionFromText(lines: readonly SourceLine[], parentPlans: readonly string[]): PlanRegion | null {
  const order = { county: 0, city: 1, province: 2 } as const;
  const candidates = [
    ...parentPlans.map((p) => regionAtStart(p.replace(/^《/, ''))),
    ...lines
      .filter((line) => /主要(目标|指标)|发展指标/.test(line.text) && line.text.length <= 50)
      .map((line) => regionAtStart(line.text)),
  ].filter((r): r is PlanRegion => r !== null);
  return [...candidates].sort((a, b) => order[a.level] - order[b.level])[0] ?? null;
}
