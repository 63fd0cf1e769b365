/** The words people read for each verdict. */
import type { Verdict } from './types.ts';

/** Chinese and English labels of the verdicts, as the alignment table shows them. */
export const VERDICT_LABELS: Readonly<Record<Verdict, { readonly zh: string; readonly en: string }>> = {
  'more-ambitious': { zh: '高于上级目标', en: 'more ambitious than the parent target' },
  aligned: { zh: '与上级目标一致', en: 'aligned with the parent target' },
  'less-ambitious': { zh: '低于上级目标', en: 'less ambitious than the parent target' },
  'no-parent-target': { zh: '上级无对应目标', en: 'no parent target' },
  'not-comparable': { zh: '不可比', en: 'not comparable' },
};
