import type { Comparator, TargetValue } from './types.ts';

const NUMBER = String.raw`[-+]?\d+(?:\.\d+)?`;
const PREFIX_WORDS: readonly [RegExp, Comparator][] = [
  [/^(保持在|保持|稳定在|不低于|不少于|至少|达到|达|高于)/, '>='],
  [/^(超过|大于)/, '>'],
  [/^(不高于|不超过|控制在|低于|少于)/, '<='],
];
const SYMBOLS: Record<string, Comparator> = { '≥': '>=', '>=': '>=', '≤': '<=', '<=': '<=', '>': '>', '<': '<' };
const SUFFIX_WORDS: readonly [RegExp, Comparator][] = [
  [/(以上|及以上)$/, '>='],
  [/(以下|以内|及以下)$/, '<='],
];
/** Units that may stand inside a value cell, e.g. "12.3年以上", "99%", "3200人". */
const CELL_UNIT = String.raw`(?:%|‰|个百分点|万人次|万人|人次|亿元|万元|元|万个|万所|万|人|年|个|所|项|门|家|次|名|本|岁|天|小时|学时)`;
/** A ratio ("6:4", "5.5:4.5" for 普职比): a value, but not one number. */
const RATIO = /^\d+(?:\.\d+)?[:：]\d+(?:\.\d+)?$/;
/** Targets stated in words ("全覆盖", "稳步提高"): a value cell without a number, not a misread one. */
const QUALITATIVE =
  /^(?:基本)?(?:全覆盖|实现|全面实现|达标|全面达标|普及|全面普及|消除|基本消除|持续提高|稳步提高|逐步提高|显著提高|明显提高|有所提高|稳步提升|持续提升|显著提升|明显提升|大幅提升|保持稳定|稳定|提高|提升|增加|下降|逐年提高|逐年下降|逐年增长|只增不减|逐年只增不减|达到国家标准|达到省定标准)$/;
const EMPTY_MARK = /^(?:[—–\-－―]+|\/|／|无|暂无|空|\*|…+)?$/;

const VALUE_CELL = new RegExp(
  String.raw`^(?:保持在|保持|稳定在|不低于|不少于|至少|达到|达|高于|超过|大于|不高于|不超过|控制在|低于|少于|约)?\s*(?:≥|≤|>=|<=|>|<)?\s*${NUMBER}\s*${CELL_UNIT}?\s*(?:以上|及以上|以下|以内|及以下|左右)?$`,
);

/** A cell that holds a value or the mark of a missing one ("96.5", "≥99.97", "—", "90%以上", "12.3年以上"). */
export function isValueCell(cell: string): boolean {
  const text = cell.replace(/\s+/g, '');
  return EMPTY_MARK.test(text) || VALUE_CELL.test(text) || QUALITATIVE.test(text) || RATIO.test(text);
}

/** A 属性 cell: 约束性 (binding) or 预期性 (expected), whitespace ignored. */
export function isAttributeCell(cell: string): boolean {
  return /^(约束性?|预期性?)(指标)?$/.test(cell.replace(/\s+/g, ''));
}

/** A target stated in words, with no number to read ("全覆盖", "稳步提高"). */
export function isQualitative(cell: string): boolean {
  const text = cell.replace(/\s+/g, '');
  return QUALITATIVE.test(text) || RATIO.test(text);
}

/** An empty cell or a dash: printed to say there is no value. */
export function isEmptyMark(cell: string): boolean {
  return EMPTY_MARK.test(cell.replace(/\s+/g, ''));
}

/**
 * Reads a printed value: its number, its comparator and the unit written in the cell.
 * @example readValue('≥99.97') // { value: 99.97, comparator: '>=', unit: null }
 * @example readValue('保持在88%以上') // { value: 88, comparator: '>=', unit: '%' }
 */
export function readValue(cell: string): { value: number | null; comparator: Comparator | null; unit: string | null } {
  let text = cell.replace(/\s+/g, '');
  let comparator: Comparator | null = null;
  for (const [pattern, comp] of PREFIX_WORDS) {
    if (pattern.test(text)) {
      comparator = comp;
      text = text.replace(pattern, '');
      break;
    }
  }
  const symbol = /^(≥|≤|>=|<=|>|<)/.exec(text);
  if (symbol?.[1] !== undefined) {
    comparator = SYMBOLS[symbol[1]] ?? comparator;
    text = text.slice(symbol[1].length);
  }
  for (const [pattern, comp] of SUFFIX_WORDS) {
    if (pattern.test(text)) {
      comparator = comp;
      text = text.replace(pattern, '');
    }
  }
  text = text.replace(/左右$/, '').replace(/^约/, '');
  const match = new RegExp(`^(${NUMBER})(${CELL_UNIT})?$`).exec(text);
  if (!match?.[1]) return { value: null, comparator: null, unit: null };
  // "达到96%" says what is reached, not a floor: a bare 达到/达 sets no comparator.
  if (/^(达到|达)/.test(cell.replace(/\s+/g, '')) && comparator === '>=' && !/以上$/.test(cell)) comparator = null;
  return { value: Number(match[1]), comparator, unit: match[2] ?? null };
}

/** A table cell as a target: the text as printed, its number and comparator, for the given year. */
export function targetValue(raw: string, year: number | null): TargetValue {
  const printed = raw.replace(/\s+/g, '');
  const { value, comparator } = readValue(printed);
  return { year, raw: printed, value, comparator };
}
