/**
 * Tracking a plan's 专栏 commitments and its tasks (分工方案): reads, the writes behind the optimistic lock, evidence,
 * histories, task suggestions from the plan's chapters, the implementation checklist with the responsible units'
 * 红黑榜, and the regions' 红黑榜. Shapes as the server's presenters answer them (src/services/*.presenter.ts,
 * checklist.service.ts, domain/evaluation/{lists,unit-lists}.ts).
 */
import { get, link, upload, write } from './http.ts';
import type { Bilingual } from '../i18n/index.tsx';

/** Where a commitment or task stands, computed by the server for its `today`. */
export type TrackStatus = 'not_started' | 'in_progress' | 'done' | 'overdue';

/** A milestone's own status. */
export type MilestoneStatus = 'done' | 'overdue' | 'pending';

/** One piece of evidence: a stored file (downloaded from `url`) or a link. */
export interface Evidence {
  id: number;
  kind: 'file' | 'link';
  title: string;
  url: string;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  addedBy: string | null;
  addedAt: string;
}

/** A quantified commitment of the plan ("新（改扩）建35所左右公办幼儿园") with what has been reported of it. */
export interface Commitment {
  planId: number;
  position: number;
  text: string;
  quantity: number;
  quantityMax: number | null;
  unit: string;
  object: string;
  approximate: boolean;
  comparator: '>=' | '>' | '<=' | '<' | '=' | null;
  /** The plan's source line. */
  line: number;
  project: { position: number; number: number; title: string } | null;
  subproject: string | null;
  section: string | null;
  /** null while nothing is reported. */
  achieved: number | null;
  percent: number | null;
  responsibleUnit: string | null;
  deadline: string;
  deadlineSource: 'set' | 'commitment' | 'plan';
  status: TrackStatus;
  label: Bilingual;
  explanation: Bilingual;
  /** Send back with a change: 0 until the commitment is first tracked. */
  lock: number;
  updatedAt: string | null;
  evidence: Evidence[];
}

export interface CommitmentList {
  planId: number;
  /** The day statuses were computed for (Beijing time). */
  today: string;
  items: Commitment[];
}

/** Fields a history entry changed, before and after. */
export type Changes = Record<string, { from: unknown; to: unknown }>;

export interface CommitmentUpdate {
  id: string;
  at: string;
  action: 'track' | 'evidence';
  by: string | null;
  note: string | null;
  changes: Changes;
  achieved: number | null;
  responsibleUnit: string | null;
  deadline: string | null;
  evidence: { id: number; title: string | null } | null;
}

/** A change to a commitment: only the fields sent are changed (unit and deadline need plan.review). */
export interface CommitmentPatch {
  achieved?: number;
  responsibleUnit?: string | null;
  deadline?: string | null;
  note?: string;
  lock: number;
}

export interface Milestone {
  position: number;
  title: string;
  due: string;
  doneAt: string | null;
  status: MilestoneStatus;
}

/** A task confirmed from a heading of the plan. */
export interface Task {
  id: number;
  planId: number;
  planTitle: string | null;
  planRegion: string;
  /** The heading it comes from, with its source line. */
  section: { position: number; level: number; number: string; title: string; line: number };
  title: string;
  leadUnit: string;
  partnerUnits: string[];
  /** Empty: the plan's whole region. */
  regions: { code: string; name: string | null }[];
  deadline: string;
  progress: number;
  milestones: Milestone[];
  status: TrackStatus;
  label: Bilingual;
  explanation: Bilingual;
  lock: number;
  createdAt: string;
  updatedAt: string;
  evidence: Evidence[];
}

export interface TaskList {
  planId: number;
  today: string;
  items: Task[];
}

export interface TaskUpdate {
  id: string;
  at: string;
  action: 'create' | 'edit' | 'progress' | 'evidence';
  by: string | null;
  note: string | null;
  changes: Changes;
  progress: number | null;
  evidence: { id: number; title: string | null } | null;
}

/** A heading suggested as a task; nothing is stored until it is confirmed. */
export interface TaskSuggestion {
  sectionPosition: number;
  title: string;
  number: string;
  level: number;
  line: number;
  chapter: { number: string; title: string; line: number };
  parent: { number: string; title: string; line: number } | null;
  taskIds: number[];
}

export interface TaskSuggestionList {
  planId: number;
  rule: Bilingual;
  items: TaskSuggestion[];
}

export interface TaskCreate {
  sectionPosition: number;
  title?: string;
  leadUnit: string;
  partnerUnits?: string[];
  regions?: string[];
  deadline?: string;
  milestones?: { title: string; due: string }[];
  note?: string;
}

/** `milestones` replaces the whole list (send doneAt back to keep one done). */
export interface TaskPatch {
  title?: string;
  leadUnit?: string;
  partnerUnits?: string[];
  regions?: string[];
  deadline?: string;
  milestones?: { title: string; due: string; doneAt?: string | null }[];
  note?: string;
  lock: number;
}

export interface TaskProgress {
  progress?: number;
  milestones?: { position: number; doneAt: string | null }[];
  note?: string;
  lock: number;
}

/** A task deadline or milestone past its date (overdue) or within `within` days (due_soon). */
export interface DueItem {
  kind: 'task' | 'milestone';
  due: string;
  days: number;
  task: Task;
  milestone: Milestone | null;
}

export interface DueList {
  status: 'overdue' | 'due_soon';
  today: string;
  items: DueItem[];
}

/** A unit's items by status, for the units' 红黑榜. */
export interface ListedUnit {
  unit: string;
  items: number;
  done: number;
  overdue: number;
  inProgress: number;
  notStarted: number;
}

export interface UnitLists {
  ruleText: Bilingual;
  leading: ListedUnit[];
  lagging: ListedUnit[];
  others: ListedUnit[];
}

/** One row of 规划实施清单: a commitment or a task. */
export interface ChecklistRow {
  number: number;
  kind: 'commitment' | 'task';
  group: string | null;
  content: string;
  leadUnit: string | null;
  partnerUnits: string[];
  deadline: string;
  status: TrackStatus;
  label: Bilingual;
  progress: string | null;
  line: number | null;
  ref: number;
}

export interface Checklist {
  planId: number;
  today: string;
  rows: ChecklistRow[];
  units: UnitLists;
}

export interface ListedRegion {
  regionCode: string;
  regionName: string;
  /** Indicators with a status other than 数据不足. */
  judged: number;
  onTrack: number;
  share: number | null;
  redLines: number;
}

/** The regions below the plan's on its indicators, by the rule returned with the lists. */
export interface RegionLists {
  plan: { id: number; region: string };
  year: number;
  basis: 'approved' | 'published';
  rule: { leadShare: number; lagShare: number; minJudged: number };
  ruleText: Bilingual;
  leading: ListedRegion[];
  lagging: ListedRegion[];
  middle: ListedRegion[];
  insufficient: ListedRegion[];
}

export const listCommitments = get<CommitmentList, { id: number }>('/plans/:id/commitments');
export const updateCommitment = write<Commitment, { id: number; position: number }, CommitmentPatch>(
  'PATCH',
  '/plans/:id/commitments/:position',
);
/** FormData with `file` (at most 10 MB; PDF, DOCX, XLSX, PNG, JPEG or UTF-8 text, told by content), `title`, `note`. */
export const uploadCommitmentEvidence = upload<Evidence, { id: number; position: number }>(
  '/plans/:id/commitments/:position/evidence',
);
export const addCommitmentLink = write<Evidence, { id: number; position: number }, EvidenceLink>(
  'POST',
  '/plans/:id/commitments/:position/evidence',
);
export const commitmentHistory = get<{ items: CommitmentUpdate[] }, { id: number; position: number }>(
  '/plans/:id/commitments/:position/history',
);

/** An http(s) link given as evidence. */
export interface EvidenceLink {
  url: string;
  title?: string;
  note?: string;
}

export const listTaskSuggestions = get<TaskSuggestionList, { id: number }>('/plans/:id/task-suggestions');
export const createTask = write<Task, { id: number }, TaskCreate>('POST', '/plans/:id/tasks');
export const listTasks = get<TaskList, { id: number }>('/plans/:id/tasks');
export const listDueTasks = get<
  DueList,
  undefined,
  { status: 'overdue' | 'due_soon'; unit?: string; region?: string; within?: number; limit?: number; offset?: number }
>('/tasks');
export const getTask = get<Task, { id: number }>('/tasks/:id');
export const updateTask = write<Task, { id: number }, TaskPatch>('PATCH', '/tasks/:id');
export const reportTaskProgress = write<Task, { id: number }, TaskProgress>('POST', '/tasks/:id/progress');
export const uploadTaskEvidence = upload<Evidence, { id: number }>('/tasks/:id/evidence');
export const addTaskLink = write<Evidence, { id: number }, EvidenceLink>('POST', '/tasks/:id/evidence');
export const taskHistory = get<{ items: TaskUpdate[] }, { id: number }>('/tasks/:id/history');

export const getChecklist = get<Checklist, { id: number }>('/plans/:id/checklist');
/** 规划实施清单 as the workbook a planning office files. */
export const checklistLink = link<{ id: number }, { format: 'xlsx' }>('/plans/:id/checklist');
export const getRegionLists = get<RegionLists, { id: number }, { year: number }>('/plans/:id/region-lists');

/** The most an evidence file may weigh; the server refuses more (and checks the type by content). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
