/** Plans: the list (public once published). The plan screen's reads and writes live beside it (plan-detail.ts). */
import { get } from './http.ts';
import type { RegionLevel } from './regions.ts';

export type PlanStatus = 'draft' | 'published' | 'superseded';

export interface PlanSummary {
  id: number;
  /** null when the document names no title the reader could find. */
  title: string | null;
  /** name and level are null only if the code has left the region table. */
  region: { code: string; name: string | null; level: RegionLevel | null };
  period: { start: number; end: number };
  status: PlanStatus;
  version: number;
  parentPlanId: number | null;
  supersededBy: number | null;
  source: { name: string; format: string; sha256: string };
  createdAt: string;
  publishedAt: string | null;
}

export const listPlans = get<{ plans: PlanSummary[] }>('/plans');
