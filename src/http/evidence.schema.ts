/** The evidence endpoints' request schemas: a link as JSON, the fields beside a file, the download's id. */
import { z } from 'zod';

const note = z.string().max(2000).describe('why: kept in the history');

/** `POST …/evidence` as JSON: a link. */
export const evidenceLinkBody = z
  .object({
    url: z.string().min(1).max(2000).describe('an http:// or https:// address'),
    title: z.string().max(200).optional(),
    note: note.optional(),
  })
  .strict();

/** The form fields beside the file in `POST …/evidence` (multipart/form-data). */
export const evidenceFields = z.object({ title: z.string().max(200).optional(), note: note.optional() }).strict();

/** `/api/evidence/:id`. */
export const evidenceParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
