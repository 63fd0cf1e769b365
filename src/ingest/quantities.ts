import { readNumber } from './numerals.ts';
import type { Paragraph } from './paragraphs.ts';
import { lineOf } from './paragraphs.ts';
import { startsPlaceName } from './regions.ts';
import { sentenceAt, sentenceBefore } from './sentences.ts';
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
  '节',
  '堂',
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
const OBJECT_STOP =
  /[，。；：,;:！？!?]|、(?=[^，。；]{0,6}?(?:\d|[两二三四五六七八九十]+[所个名项家支]))|和(?=\d|[两二三四五六七八九十])|及(?=\d)|的(?=\d)|[得将被]|(?:达到|实现|覆盖|配备)|(?<=[\u4e00-\u9fa5”）]{2})(?:集中|培育|推进|实施|开展|打造|形成|提升|进入|成为|争取|力争)/;
// Sticky: tested at one position of the whole text, so the look-behind sees what precedes it.
const OBJECT_STOP_AT = new RegExp(OBJECT_STOP.source, 'y');
// Norms to check, not things to count: per-unit standards ("每5个教学班配备1名", "每所中小学至少配备1名") and
// shares that staff "should take" ("应占…50%以上").
const NORM =
  /每(?:\d+|[一两二三四五六七八九十百千万]+)?(?:个|所|名)?(?:县|校|乡|镇|村|班|教学班|学校|幼儿园|中小学|人口|万人|所|个|名|园)|应占|至少配备|均(?:建|设|配|有)|分别|原则上|配套建设|辐射带动|掌握|每天|每周|每学期|每学年|各[^，。；]{0,8}至少|人口以上的|1名[^，。；]{1,12}(?:指导|带动|帮扶|结对)/;
// "200名学生以上的中小学校", "20万人口以上的县", "2万人口配建": a size that qualifies what follows.
const QUALIFIER = /^(?:学生|人口)(?:以上|以下)?的/;
// "其中…新建8所", "期末再建3所": the object is the one the sentence already named.
const ELLIPTICAL = /(?:新建|再建|改扩建|扩建|建成|完成|新增|改造|实施|其中)$/;
// "现已立项5所": what is already done is status, not a promise.
const ALREADY = /已(?:经)?/;
const LEADING_VERBS =
  /^(?:并|和|及|同时|到20\d\d年|每年|累计|全市|全省|全县|全区|新增|培养|投入|新建|改扩建|新（改扩）建|建设|建成|创建|培育|打造|遴选|推荐|认定|支持|实现|完成|达到|建立|设立|组建|招聘|补充|培训|选派|引进|开设|开发|举办|评选|形成|争创|扶持|重点|力争|争取|推动|推进|实施|提升|扩大|增加|配备|规划|确保|累计|共|再|已)+/;
const TRAILING_VERBS =
  /(?:达到|达|提高到|提升到|提升至|增加到|增至|保持在|稳定在|超过|不低于|不少于|控制在|降低到|降低|提高|增长|下降|每年|年均|为|要|均|总体|整体)+$/;
// "6个方面的表现", "3个层面": parts of an argument, not things to deliver.
const UNCOUNTABLE = /^(?:方面|领域|层面|维度|环节|阶段|类别|途径|渠道)/;
// "三项行动", "两个维护": a Chinese numeral that counts named programmes or slogans, not things to deliver.
const PROGRAM_WORDS =
  /^[^，。]{0,8}?(?:工程|行动|计划|改革|机制|制度|体系|任务|意识|自信|维护|一流|课堂|规定|原则|要求|精神)/;

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
    if (NORM.test(normClause(text, numberStart)) || ALREADY.test(clause.before)) continue;
    if (isQualifier(text.slice(end, end + 8), match[4] ?? '', match[5])) continue;
    if (!/\d/.test(numberText) && startsPlaceName(text.slice(numberStart, numberStart + 6))) continue;
    const quantity = readNumber(numberText);
    if (quantity === null) continue;
    const unit = match[4] ?? '';
    const objectFound = objectOf(text, numberStart, end, unit);
    let object = objectFound.object;
    const named = objectFound.named;
    if (!named && ELLIPTICAL.test(clause.before))
      object = found.slice(-8).findLast((q) => q.unit === unit)?.object ?? object;
    if (object === '' || UNCOUNTABLE.test(object) || (!/\d/.test(numberText) && PROGRAM_WORDS.test(object))) continue;
    found.push({
      text: clause.text,
      quantity,
      quantityMax: match[3] === undefined ? null : readNumber(match[3]),
      unit,
      object,
      approximate: isApproximate(match[1], match[5], sentenceBefore(text, numberStart)),
      comparator: comparatorOf(match[1], match[5], clause.before),
      deadline: deadlineOf(text, numberStart, period),
      line: lineOf(paragraph, numberStart),
    });
  }
  return withSharedHeads(found);
}

const LEVEL_ONLY = /^(国家|省|市|县|区|县区|校)级(以上)?$/;
const LEVEL_PREFIX = /^(国家|省|市|县|区|县区|校)级(以上)?/;

/**
 * "6个省级、30个市级、60个县级劳动教育实践基地": the levels share the last item's noun, so "省级" alone becomes
 * "省级劳动教育实践基地".
 */
function withSharedHeads(found: Quantity[]): Quantity[] {
  return found.map((q, k) => {
    if (!LEVEL_ONLY.test(q.object)) return q;
    const fuller = found
      .slice(k + 1, k + 4)
      .find((next) => LEVEL_PREFIX.test(next.object) && !LEVEL_ONLY.test(next.object));
    return fuller ? { ...q, object: `${q.object}${fuller.object.replace(LEVEL_PREFIX, '')}` } : q;
  });
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

function isQualifier(after: string, unit: string, suffix: string | undefined): boolean {
  if ((suffix === '以上' || suffix === '以下') && after.startsWith('的')) return true;
  // "随班就读5人以上普通学校": a head count that selects the schools, not a number of people to reach.
  if ((suffix === '以上' || suffix === '以下') && /^(人|万人|名)$/.test(unit) && /^[\u4e00-\u9fa5]/.test(after))
    return true;
  // "不超过2000人规模": a size cap on each school.
  return QUALIFIER.test(after) || (/人$/.test(unit) && /^(口|规模)/.test(after));
}

/** What is counted: named after the number ("35所公办幼儿园"), else before it ("博士点1个"); `named` says which. */
function objectOf(text: string, numberStart: number, end: number, unit: string): { object: string; named: boolean } {
  const after = text.slice(end, end + 48);
  const isShare = unit === '%' || unit === '‰' || unit === '个百分点';
  // A share names its object after it only as "80%的学生" or "80%学生"; otherwise before it ("覆盖率达到100%").
  if (!isShare || /^的?[\u4e00-\u9fa5“]/.test(after)) {
    const candidate = clean(untilStop(after.replace(/^的/, '')));
    if (candidate.length >= 2) return { object: candidate.slice(0, 32), named: true };
  }
  const before = wideBefore(text, numberStart).replace(
    /^.*(?:\d+(?:\.\d+)?\s*(?:所|个|名|人|项|家|门|支|%)|以上|左右)[、，]?/u,
    '',
  );
  return { object: clean(before.replace(TRAILING_VERBS, '').replace(TRAILING_VERBS, '')).slice(-32), named: false };
}

/** The text up to the first stop outside brackets and quotes: "“三晋名匠（大师）”工作室" stays whole. */
function untilStop(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if ('（(“'.includes(ch)) depth += 1;
    else if ('）)”'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      OBJECT_STOP_AT.lastIndex = i;
      if (OBJECT_STOP_AT.test(text)) return text.slice(0, i);
    }
  }
  return text;
}

/** The text before a number back to a comma or a full stop, enumerations included ("足球特色学校、幼儿园100所"). */
function wideBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && !/[，。；,;：:]/.test(text[start - 1] ?? '')) start -= 1;
  return text.slice(start, index);
}

/** The stretch a norm governs: commas and semicolons end it, enumeration commas do not ("1名音乐教师、1名美术教师"). */
function normClause(text: string, index: number): string {
  let start = index;
  while (start > 0 && !/[，。；,;]/.test(text[start - 1] ?? '')) start -= 1;
  let end = index;
  while (end < text.length && !/[，。；,;、]/.test(text[end] ?? '')) end += 1;
  return text.slice(start, end);
}

function clean(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(LEADING_VERBS, '')
    .replace(/^(?:、(?:新建|改扩建|扩建|改建|建设|创建|培育|打造|认定))+/, '')
    .replace(/^(?:左右|以上|以内|以下|的)/, '')
    .replace(/(?:等|的|等的|约|近|共)$/, '');
}

function clauseAround(text: string, index: number): { text: string; before: string } {
  let start = index;
  while (start > 0 && !CLAUSE_BREAK.test(text[start - 1] ?? '')) start -= 1;
  let end = index;
  while (end < text.length && !/[，。；,;！？!?]/.test(text[end] ?? '')) end += 1;
  return { text: text.slice(start, end).trim(), before: text.slice(start, index) };
}

function isApproximate(prefix: string | undefined, suffix: string | undefined, sentence: string): boolean {
  return (
    suffix === '左右' || prefix === '约' || prefix === '大约' || prefix === '近' || /力争|争取|大约/.test(sentence)
  );
}

function comparatorOf(prefix: string | undefined, suffix: string | undefined, before: string): Comparator | null {
  if (suffix === '以上' || prefix === '不少于' || prefix === '至少' || prefix === '不低于') return '>=';
  if (/(?:不少于|至少|不低于)(?:提高|增加|提升|增长|新增)$/.test(before.trim())) return '>=';
  if (prefix === '超过') return '>';
  if (suffix === '以内' || suffix === '以下' || prefix === '不超过' || prefix === '控制在') return '<=';
  return null;
}

/**
 * The year a promise is due: the nearest "到2023年" before it in its sentence ("到2023年建成…3个，到2025年…"), else
 * the first after it; "到“十四五”末" and "规划期末" mean the plan's last year.
 */
function deadlineOf(text: string, index: number, period: { start: number; end: number } | null): number | null {
  const inPeriod = (year: number): boolean => period === null || (year >= period.start && year <= period.end + 5);
  const yearsIn = (part: string): number[] =>
    [...part.matchAll(/(20\d\d)年|十[四五六]五.?末|规划期末/g)]
      .map((m) => (m[1] === undefined ? (period?.end ?? 0) : Number(m[1])))
      .filter((year) => year > 0 && inPeriod(year));
  const before = yearsIn(sentenceBefore(text, index)).at(-1);
  return before ?? yearsIn(sentenceAt(text, index).slice(sentenceBefore(text, index).length)).at(0) ?? null;
}

function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(/“[^”]{0,30}”|"[^"]{0,30}"/g))
    spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** Whether `index` falls inside one of the sorted, disjoint spans (binary search: paragraphs can be long). */
function isInside(spans: readonly [number, number][], index: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [start, end] = spans[mid] ?? [0, 0];
    if (index <= start) high = mid - 1;
    else if (index >= end) low = mid + 1;
    else return true;
  }
  return false;
}
