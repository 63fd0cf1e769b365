/**
 * 规划实施清单: every 专栏 commitment and every confirmed task of a plan on one list, with who answers for it, by
 * when, and where it stands; and the 红黑榜 of the responsible units computed from it. The rows are the tracking
 * services' own views, so the list says exactly what the commitment and task endpoints say.
 */
import type { UnitLists } from '../domain/evaluation/unit-lists.ts';
import { unitLists } from '../domain/evaluation/unit-lists.ts';
import type { Bilingual, TrackStatus } from '../domain/tasks/status.ts';
import type { CommitmentService } from './commitment.service.ts';
import type { Viewer } from './plan.access.ts';
import type { TaskQueries } from './task.queries.ts';

export interface ChecklistRow {
  /** 1-based, commitments first (in document order), then tasks. */
  number: number;
  kind: 'commitment' | 'task';
  /** The 专栏 of a commitment, or the chapter of a task. */
  group: string | null;
  content: string;
  leadUnit: string | null;
  partnerUnits: string[];
  deadline: string;
  status: TrackStatus;
  label: Bilingual;
  /** "12/35所" for a commitment, "60%" for a task; null while nothing is reported. */
  progress: string | null;
  /** The plan's source line it comes from. */
  line: number | null;
  /** The API id: the commitment's position or the task's id. */
  ref: number;
}

export interface Checklist {
  planId: number;
  today: string;
  rows: ChecklistRow[];
  units: UnitLists;
}

const amount = (value: number): string => String(Number(value.toPrecision(12)));

/** The plan's checklist as the viewer may read it. */
export async function planChecklist(
  commitments: CommitmentService,
  tasks: TaskQueries,
  planId: number,
  viewer: Viewer,
): Promise<Checklist> {
  const tracked = await commitments.list(planId, viewer);
  const confirmed = await tasks.listForPlan(planId, viewer);
  const rows: ChecklistRow[] = [];
  for (const item of tracked.items) {
    rows.push({
      number: rows.length + 1,
      kind: 'commitment',
      group: item.project === null ? item.section : `专栏${String(item.project.number)} ${item.project.title}`,
      content: item.text,
      leadUnit: item.responsibleUnit,
      partnerUnits: [],
      deadline: item.deadline,
      status: item.status,
      label: item.label,
      progress: item.achieved === null ? null : `${amount(item.achieved)}/${amount(item.quantity)}${item.unit}`,
      line: item.line,
      ref: item.position,
    });
  }
  for (const task of confirmed.items) {
    rows.push({
      number: rows.length + 1,
      kind: 'task',
      group: task.section.title,
      content: task.title,
      leadUnit: task.leadUnit,
      partnerUnits: task.partnerUnits,
      deadline: task.deadline,
      status: task.status,
      label: task.label,
      progress: `${String(task.progress)}%`,
      line: task.section.line,
      ref: task.id,
    });
  }
  const answering = rows.flatMap((row) =>
    [row.leadUnit, ...row.partnerUnits].flatMap((unit) => (unit === null ? [] : [{ unit, status: row.status }])),
  );
  return { planId, today: tracked.today, rows, units: unitLists(answering) };
}
