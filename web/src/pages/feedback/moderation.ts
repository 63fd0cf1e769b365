/**
 * Which moderation steps each state offers, as the server allows them (src/domain/feedback/moderation.ts): the
 * buttons shown are the steps that can succeed; the server still decides.
 */
import type { FeedbackStatus } from '../../api/feedback.ts';

export type Step = 'read' | 'answered' | 'hidden';

export const STEPS: Readonly<Record<FeedbackStatus, readonly Step[]>> = {
  new: ['read', 'answered', 'hidden'],
  read: ['answered', 'hidden'],
  answered: ['answered', 'hidden'],
  hidden: ['read'],
};

/** Whether a plan's region lies in the reader's region (null: the installation, everywhere), by GB/T 2260 code. */
export function inRegion(planRegion: string, readerRegion: string | null): boolean {
  if (readerRegion === null) return true;
  if (readerRegion.endsWith('0000')) return planRegion.startsWith(readerRegion.slice(0, 2));
  if (readerRegion.endsWith('00')) return planRegion.startsWith(readerRegion.slice(0, 4));
  return planRegion === readerRegion;
}
