/**
 * How indicator names are spelt for comparison. Exact and synonym matching compare normaliseName(): the same name
 * printed with or without quotes, with full-width or half-width brackets, or with spaces a PDF put in. Fuzzy matching
 * compares fuzzyKey(), which goes further and says what it had to change, so the match can be discounted.
 */

/** A name as compared: NFKC (full-width brackets, digits, ％ to half-width), without quotes or whitespace. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[“”"‘’'「」『』]/gu, '')
    .replace(/\s+/gu, '');
}

export interface NameKey {
  /** The name without scope notes and filler, with equivalent wordings made one. */
  readonly core: string;
  /** The bracketed notes, e.g. "含民办普惠园" of 普惠性幼儿园覆盖率（含民办普惠园）, joined by "|". */
  readonly scope: string;
  /**
   * True when the key is not the name as printed: 的 dropped, a share word or an equivalent wording substituted here,
   * or (in matching) the table group prepended to a short name. Names equal as printed match exactly, never fuzzily.
   */
  readonly rewritten: boolean;
}

// Wordings that name the same thing in indicator names. Kept short and specific: each one is a claim about meaning.
const EQUIVALENT_WORDINGS: readonly (readonly [RegExp, string])[] = [
  // 学前教育毛入园率 is measured on the 3-5岁 group, 学前三年. 学前一年/两年 are other indicators and stay as they are.
  [/学前三年/gu, '学前教育'],
  // 阳泉's 普通高中在校人数 and the like: all mean 在校生.
  [/在校(?:学生|人)数|在校生数/gu, '在校生'],
];

// 的 never changes an indicator's meaning (占专业课教师的比例 = 占专业课教师比例). The words for a share are
// interchangeable; the bare 率 is not touched, since 入园率 and 覆盖率 are different rates.
const FILLER = /的/gu;
const SHARE_WORDS = /比率|比重|占比/gu;
const SCOPE_NOTE = /\(([^()]*)\)/gu;

/** The key fuzzy matching compares, e.g. 普惠性幼儿园覆盖率（含民办普惠园） → core 普惠性幼儿园覆盖率, scope 含民办普惠园. */
export function fuzzyKey(name: string): NameKey {
  const normalised = normaliseName(name);
  const scope = Array.from(normalised.matchAll(SCOPE_NOTE), (match) => match[1] ?? '').join('|');
  const printed = normalised.replace(SCOPE_NOTE, '');
  let core = printed.replace(FILLER, '').replace(SHARE_WORDS, '比例');
  for (const [wording, replacement] of EQUIVALENT_WORDINGS) core = core.replace(wording, replacement);
  return { core, scope, rewritten: core !== printed };
}
