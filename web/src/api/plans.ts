/** Plans: the list (public once published). The plan screen's reads and writes live beside it (plan-detail.ts). */
import { get } from './http.ts';
import type { RegionLevel } from './regions.ts';

export type PlanStatus = 'draft' | 'published' | 'superseded';

export interface PlanSummary {
  id: number;
  title: string;
  region: { code: string; name: string; level: RegionLevel };
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
