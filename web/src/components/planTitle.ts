/**
 * A plan's name as people read it: its title, or, when the document prints none the reader could find (三门峡's),
 * its region's name with a note saying so, never an empty cell or a file hash.
 */
import { defineMessages, useT } from '../i18n/index.tsx';

const messages = defineMessages({
  zh: { untitled: '{region}规划（原文未载标题）' },
  en: { untitled: 'Plan of {region} (no title in the document)' },
});

/** The part of a plan its name comes from. */
export interface TitledPlan {
  title: string | null;
  region: { code: string; name: string | null };
}

export function usePlanTitle(): (plan: TitledPlan) => string {
  const t = useT(messages);
  return (plan) => plan.title ?? t('untitled', { region: plan.region.name ?? plan.region.code });
}
