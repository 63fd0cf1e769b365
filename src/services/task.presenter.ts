/** Tasks, their milestones, history and suggestions as the API shows them. */
import type { Changes } from '../db/commitment.schema.ts';
import type { EvidenceSummaryRow } from '../db/evidence.repository.ts';
import type { TaskRegionRow, TaskUpdateView, TaskViewRow } from '../db/task.repository.ts';
import type { TaskMilestoneRow, TaskUpdateAction } from '../db/task.schema.ts';
import type { IsoDate } from '../domain/tasks/dates.ts';
import { milestoneStatus, taskStatus } from '../domain/tasks/status.ts';
import type { Bilingual, MilestoneStatus, TrackStatus } from '../domain/tasks/status.ts';
import type { OutlineSection, TaskSuggestion } from '../domain/tasks/suggestions.ts';
import { presentEvidence } from './evidence.presenter.ts';
import type { PresentedEvidence } from './evidence.presenter.ts';

/** A heading of the plan, where a task comes from. */
export interface PresentedSection {
  position: number;
  level: number;
  number: string;
  title: string;
  line: number;
}

/** One milestone of a task's 时间表. */
export interface PresentedMilestone {
  position: number;
  title: string;
  due: IsoDate;
  doneAt: IsoDate | null;
  status: MilestoneStatus;
}

/** A task with where it stands. */
export interface PresentedTask {
  id: number;
  planId: number;
  planTitle: string | null;
  /** The plan's region: where the task applies when it names no regions. */
  planRegion: string;
  section: PresentedSection;
  title: string;
  leadUnit: string;
  partnerUnits: string[];
  /** The regions it applies to; empty: the plan's whole region. */
  regions: { code: string; name: string | null }[];
  deadline: IsoDate;
  /** 0-100, as the responsible unit reports it. */
  progress: number;
  milestones: PresentedMilestone[];
  status: TrackStatus;
  label: Bilingual;
  explanation: Bilingual;
  /** The optimistic lock to send back with a change. */
  lock: number;
  createdAt: string;
  updatedAt: string;
  evidence: PresentedEvidence[];
}

/** What presenting tasks needs beside their rows: their regions, milestones and evidence, and the day. */
export interface TaskParts {
  regions: readonly TaskRegionRow[];
  milestones: readonly TaskMilestoneRow[];
  evidence: readonly EvidenceSummaryRow[];
  today: IsoDate;
}

/** The view of a task on a day. */
export function presentTask(row: TaskViewRow, parts: TaskParts): PresentedTask {
  const milestones = parts.milestones
    .filter((milestone) => milestone.task_id === row.id)
    .map((milestone) => {
      const dates = { due: milestone.due_date, doneAt: milestone.done_at };
      return {
        position: milestone.position,
        title: milestone.title,
        ...dates,
        status: milestoneStatus(dates, parts.today),
      };
    });
  const verdict = taskStatus({ progress: row.progress, deadline: row.deadline, milestones }, parts.today);
  return {
    id: row.id,
    planId: row.plan_id,
    planTitle: row.plan_title,
    planRegion: row.plan_region_code,
    section: {
      position: row.section_position,
      level: row.section_level,
      number: row.section_number,
      title: row.section_title,
      line: row.section_line,
    },
    title: row.title,
    leadUnit: row.lead_unit,
    partnerUnits: row.partner_units,
    regions: parts.regions
      .filter((region) => region.task_id === row.id)
      .map((region) => ({ code: region.region_code, name: region.name })),
    deadline: row.deadline,
    progress: row.progress,
    milestones,
    ...verdict,
    lock: row.lock,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    evidence: parts.evidence.filter((item) => item.task_id === row.id).map(presentEvidence),
  };
}

/** One entry of a task's history. */
export interface PresentedTaskUpdate {
  id: string;
  at: string;
  action: TaskUpdateAction;
  by: string | null;
  note: string | null;
  /** Each field the update changed, before and after ("milestones.2.doneAt" for one milestone). */
  changes: Changes;
  /** The progress after the update. */
  progress: number | null;
  evidence: { id: number; title: string | null } | null;
}

/** The view of a history entry. */
export function presentTaskUpdate(row: TaskUpdateView): PresentedTaskUpdate {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    by: row.actor_name,
    note: row.note,
    changes: row.changes,
    progress: row.progress,
    evidence: row.evidence_id === null ? null : { id: row.evidence_id, title: row.evidence_title },
  };
}

/** A suggested task: the heading, the chapter above it, and the tasks already confirmed from it. */
export interface PresentedSuggestion {
  /** Send this as sectionPosition to confirm the suggestion. */
  sectionPosition: number;
  title: string;
  number: string;
  level: number;
  /** The source line of the heading. */
  line: number;
  chapter: { number: string; title: string; line: number };
  /** The second-level heading above a third-level suggestion. */
  parent: { number: string; title: string; line: number } | null;
  taskIds: number[];
}

const heading = (section: OutlineSection) => ({ number: section.number, title: section.title, line: section.line });

/** The view of a suggestion, with the ids of the tasks confirmed from its heading. */
export function presentSuggestion(suggestion: TaskSuggestion, taskIds: readonly number[]): PresentedSuggestion {
  const { section } = suggestion;
  return {
    sectionPosition: section.position,
    title: section.title,
    number: section.number,
    level: section.level,
    line: section.line,
    chapter: heading(suggestion.chapter),
    parent: suggestion.parent === null ? null : heading(suggestion.parent),
    taskIds: [...taskIds],
  };
}
