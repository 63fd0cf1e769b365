import type { Paragraph } from './paragraphs.ts';
import { lineOf } from './paragraphs.ts';
import type { PlanGoal } from './types.ts';
import { sentenceAt } from './sentences.ts';
import { readValue } from './values.ts';

const VERB = '(达到|提高到|提升到|提升至|增加到|增长到|保持在|稳定在|不低于|不少于|超过|控制在|降至|降低到|下降到|达)';
const VALUE = String.raw`(\d+(?:\.\d+)?)\s*(%|‰|个百分点|年|万人|人|所|个)(以上|以下|以内|左右)?`;
const GOAL = new RegExp(`([^，。；：、,;:（）()]{2,30}?)${VERB}\\s*${VALUE}`, 'gu');
const MEASURE_NOUN = /(率|比例|比重|占比|年限|水平|规模|人数|数量|覆盖面|指数|合格率|达标率)$/;
const LEADING = /^(到20\d\d年|20\d\d年|全市|全省|全县|全区|其中|力争|确保|保证|基本|总体|均|要|使|实现)+/;

/** Finds quantified targets stated in prose: "学前教育毛入园率达到96.5%", "覆盖率保持在86.5%以上". */
export function findGoals(paragraph: Paragraph, period: { start: number; end: number } | null): PlanGoal[] {
  const pastBefore = period?.start ?? null;
  const goals: PlanGoal[] = [];
  for (const match of paragraph.text.matchAll(GOAL)) {
    const name = (match[1] ?? '').replace(/\s+/g, '').replace(LEADING, '');
    // "比例达到70%" alone does not say of what: a name needs more than the measure word.
    if (!MEASURE_NOUN.test(name) || name.length < 4) continue;
    const sentence = sentenceAt(paragraph.text, match.index);
    // "2020年，…达到95%" reports the baseline, not a target.
    if (pastBefore !== null && mentionsPastYear(sentence, pastBefore)) continue;
    const printed = `${match[2] ?? ''}${match[3] ?? ''}${match[4] ?? ''}${match[5] ?? ''}`;
    const { value, comparator } = readValue(printed);
    goals.push({
      text: sentence.trim(),
      name,
      unit: match[4] ?? null,
      // A plan's targets are for its last year unless the sentence names another.
      target: { year: deadline(sentence) ?? period?.end ?? null, raw: printed, value, comparator },
      line: lineOf(paragraph, match.index + (match[1]?.length ?? 0)),
    });
  }
  return goals;
}

function mentionsPastYear(sentence: string, pastBefore: number): boolean {
  return [...sentence.matchAll(/((?:19|20)\d\d)年/g)].some(
    (m) => Number(m[1]) < pastBefore && !/到|至/.test(sentence.slice(Math.max(0, m.index - 1), m.index)),
  );
}

function deadline(sentence: string): number | null {
  const year = /(?:到|至)((?:19|20)\d\d)年/.exec(sentence)?.[1];
  return year === undefined ? null : Number(year);
}
