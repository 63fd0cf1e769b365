import { readNumber } from './numerals.ts';
import type { Paragraph } from './paragraphs.ts';
import { lineOf } from './paragraphs.ts';
import type { Comparator } from './types.ts';

/** A quantity found in prose, before it is filed as a commitment or a goal. */
export interface Quantity {
  /** The clause that states it. */
  text: string;
  quantity: number;
  quantityMax: number | null;
  unit: string;
  object: string;
  approximate: boolean;
  comparator: Comparator | null;
  deadline: number | null;
  line: number;
}

const ARABIC = String.raw`\d+(?:\.\d+)?`;
// A lone 一 is almost always idiom (一批, 一体化, 一校一案), never a count to track.
const CHINESE = '(?:[两二三四五六七八九十百千][一两二三四五六七八九十百千]*|一[十百千][一二三四五六七八九十百千]*)';
const UNITS = [
  '个百分点',
  '万人次',
  '万平方米',
  '平方米',
  '万人',
  '人次',
  '亿元',
  '万元',
  '万个',
  '公里',
  '学时',
  '课时',
  '所',
  '个',
  '名',
  '人',
  '门',
  '项',
  '家',
  '支',
  '套',
  '间',
  '亩',
  '座',
  '处',
  '台',
  '册',
  '本',
  '部',
  '条',
  '种',
  '场',
  '次',
  '篇',
  '件',
  '户',
  '%',
  '‰',
].join('|');
const PREFIX = '(不少于|至少|不低于|超过|不超过|大约|约|近|达到|达|提高到|提升到|提升至|增加到|增至|控制在|保持在)?';
const QUANTITY = new RegExp(
  String.raw`${PREFIX}\s*(${ARABIC}|${CHINESE})(?:\s*[-—–~～至到]\s*(${ARABIC}|${CHINESE}))?\s*(${UNITS})\s*(左右|以上|以内|以下)?`,
  'gu',
);
const CLAUSE_BREAK = /[，。；：、,;:！？!?]/;
const OBJECT_STOP = /[，。；：、,;:！？!?（(]|和(?=\d|[两二三四五六七八九十])|及(?=\d)|的(?=\d)/;
// Per-unit standards ("每5个教学班配备1名", "每所中小学至少配备1名"): norms to check, not things to count.
const PER_UNIT = /每(?:\d+|[一两二三四五六七八九十百千万]+)?(?:个|所|名)?(?:县|校|乡|镇|村|班|教学班|学校|幼儿园|中小学|人口|万人|所|个|名|园)/;
const LEADING_VERBS =
  /^(?:并|和|及|同时|全市|全省|全县|全区|新增|新建|改扩建|新（改扩）建|建设|建成|创建|培育|打造|遴选|推荐|认定|支持|实现|完成|达到|建立|设立|组建|招聘|补充|培训|选派|引进|开设|开发|举办|评选|形成|争创|扶持|重点|力争|争取|推动|推进|实施|提升|扩大|增加|配备|规划|确保|累计|共|再|已)+/;
const TRAILING_VERBS = /(?:达到|达|提高到|提升到|提升至|增加到|增至|保持在|稳定在|超过|不低于|不少于|控制在|降低到|降低|提高|增长|下降|每年|年均|为|要|均|总体|整体)+$/;
const PROGRAM_WORDS = /^(?:工程|行动|计划|改革|机制|制度|体系|任务|意识|自信|维护|一流|课堂)/;

/** Finds the quantities written in a paragraph, skipping years, names with numbers, ratios and per-unit norms. */
export function findQuantities(paragraph: Paragraph, period: { start: number; end: number } | null): Quantity[] {
  const text = paragraph.text;
  const quoted = quotedSpans(text);
  const found: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const start = match.index;
    const numberText = match[2] ?? '';
    const numberStart = start + match[0].indexOf(numberText);
    const end = start + match[0].length;
    if (isInside(quoted, numberStart) || !standsAlone(text, numberStart, end, numberText)) continue;
    const clause = clauseAround(text, numberStart);
    if (PER_UNIT.test(clause.before)) continue;
    const quantity = readNumber(numberText);
    if (quantity === null) continue;
    const unit = match[4] ?? '';
    const object = objectOf(text, numberStart, end, unit);
    if (object === '' || (!/\d/.test(numberText) && PROGRAM_WORDS.test(object))) continue;
    found.push({
      text: clause.text,
      quantity,
      quantityMax: match[3] === undefined ? null : readNumber(match[3]),
      unit,
      object,
      approximate: isApproximate(match[1], match[5], clause.before),
      comparator: comparatorOf(match[1], match[5]),
      deadline: deadlineOf(sentenceAround(text, numberStart), period),
      line: lineOf(paragraph, numberStart),
    });
  }
  return found;
}

function standsAlone(text: string, numberStart: number, end: number, numberText: string): boolean {
  const before = text.slice(Math.max(0, numberStart - 1), numberStart);
  const after = text.slice(end, end + 1);
  // Part of a longer token: "1+X", "第3", "5G", a ratio "500:1", a version "2.0".
  if (/[+＋第A-Za-z.]/.test(before) || /^[+＋A-Za-z]/.test(after)) return false;
  if (/[:：]\s*$/.test(text.slice(Math.max(0, numberStart - 2), numberStart))) return false;
  if (/^[:：]\d/.test(text.slice(numberStart + numberText.length, numberStart + numberText.length + 2))) return false;
  return true;
}

function objectOf(text: string, numberStart: number, end: number, unit: string): string {
  const after = text.slice(end, end + 30);
  if (unit !== '%' && unit !== '‰' && unit !== '个百分点') {
    const stop = after.search(OBJECT_STOP);
    const candidate = clean(stop === -1 ? after : after.slice(0, stop));
    if (candidate.length >= 2) return candidate.slice(0, 24);
  } else {
    const share = /^的([^，。；：、,;:]{2,20})/.exec(after);
    if (share?.[1]) return clean(share[1]);
  }
  const before = clauseAround(text, numberStart).before;
  return clean(before.replace(TRAILING_VERBS, '').replace(TRAILING_VERBS, '')).slice(-24);
}

function clean(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(LEADING_VERBS, '')
    .replace(/^(?:左右|以上|以内|以下|的)/, '')
    .replace(/(?:等|的|等的)$/, '');
}

function clauseAround(text: string, index: number): { text: string; before: string } {
  let start = index;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1] ?? '')) start -= 1;
  let end = index;
  while (end < text.length && !/[，。；,;！？!?]/.test(text[end] ?? '')) end += 1;
  return { text: text.slice(start, end).trim(), before: text.slice(start, index) };
}

function sentenceAround(text: string, index: number): string {
  const start = Math.max(text.lastIndexOf('。', index - 1), text.lastIndexOf('；', index - 1)) + 1;
  const endAt = text.slice(index).search(/[。；]/);
  return text.slice(start, endAt === -1 ? text.length : index + endAt);
}

function isApproximate(prefix: string | undefined, suffix: string | undefined, before: string): boolean {
  return suffix === '左右' || prefix === '约' || prefix === '大约' || prefix === '近' || /力争|争取|大约/.test(before);
}

function comparatorOf(prefix: string | undefined, suffix: string | undefined): Comparator | null {
  if (suffix === '以上' || prefix === '不少于' || prefix === '至少' || prefix === '不低于') return '>=';
  if (prefix === '超过') return '>';
  if (suffix === '以内' || suffix === '以下' || prefix === '不超过' || prefix === '控制在') return '<=';
  return null;
}

function deadlineOf(sentence: string, period: { start: number; end: number } | null): number | null {
  const years = [...sentence.matchAll(/(?:到|至|于|在)?(20\d\d)年(?:前|底|末|以前)?/g)].map((m) => Number(m[1]));
  const valid = years.filter((year) => period === null || (year >= period.start && year <= period.end + 5));
  return valid.length > 0 ? Math.max(...valid) : null;
}

function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(/“[^”]{0,30}”|"[^"]{0,30}"/g)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

function isInside(spans: readonly [number, number][], index: number): boolean {
  return spans.some(([start, end]) => index > start && index < end);
}
