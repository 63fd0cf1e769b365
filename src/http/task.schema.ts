/** The task endpoints' request schemas: validation and the OpenAPI description in one place. */
import { z } from 'zod';

const isoDate = z.iso.date().describe('a date, 2025-12-31');
const regionCode = z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code');
const unit = z.string().min(1).max(200);
const note = z.string().max(2000).describe('why: kept in the history');
const lock = z.number().int().positive().describe('the task’s lock as read: 409 TASK_CHANGED when stale');

/** `/api/tasks/:id`. */
export const taskParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

const milestone = z.object({ title: z.string().min(1).max(200), due: isoDate }).strict();

/** `POST /api/plans/:id/tasks`: a task confirmed from one of the plan's headings. */
export const taskCreateBody = z
  .object({
    sectionPosition: z
      .number()
      .int()
      .positive()
      .describe('the heading it comes from: `sectionPosition` of a suggestion, or a position in the plan’s sections'),
    title: z.string().max(200).optional().describe('default: the heading’s title'),
    leadUnit: unit.describe('牵头单位'),
    partnerUnits: z.array(unit).max(50).optional().describe('配合单位'),
    regions: z.array(regionCode).max(500).optional().describe('regions within the plan’s region; none: all of it'),
    deadline: isoDate.optional().describe('default: 31 December of the plan’s last year'),
    milestones: z.array(milestone).max(100).optional().describe('时间表, in order; each due by the deadline'),
    note: note.optional(),
  })
  .strict();

/** `PATCH /api/tasks/:id`: what the plan's reviewers change; `milestones` replaces the list. */
export const taskPatchBody = z
  .object({
    title: z.string().min(1).max(200).optional(),
    leadUnit: unit.optional(),
    partnerUnits: z.array(unit).max(50).optional(),
    regions: z.array(regionCode).max(500).optional(),
    deadline: isoDate.optional(),
    milestones: z
      .array(milestone.extend({ doneAt: isoDate.nullable().optional() }).strict())
      .max(100)
      .optional()
      .describe('the whole list, in order (send doneAt back to keep a milestone done)'),
    note: note.optional(),
    lock,
  })
  .strict();

/** `POST /api/tasks/:id/progress`: the responsible unit's report. */
export const progressBody = z
  .object({
    progress: z.number().int().min(0).max(100).optional().describe('percent done'),
    milestones: z
      .array(z.object({ position: z.number().int().positive(), doneAt: isoDate.nullable() }).strict())
      .max(100)
      .optional()
      .describe('milestones done (doneAt) or reopened (null, with a note)'),
    note: note.optional(),
    lock,
  })
  .strict();

/** `GET /api/tasks`: what is overdue or due soon. */
export const dueQuery = z.object({
  status: z.enum(['overdue', 'due_soon']).describe('overdue: past the date; due_soon: due within `within` days'),
  unit: unit.optional().describe('tasks this unit leads or partners in'),
  region: regionCode.optional().describe('tasks concerning this region (applying to it, above it or below it)'),
  within: z.coerce.number().int().min(1).max(366).optional().describe('days ahead for due_soon (default 30)'),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
