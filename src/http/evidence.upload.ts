/** Evidence as a request brings it: a file in multipart/form-data, or a link as JSON. */
import type { FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import type { EvidenceInput } from '../services/evidence.service.ts';
import { evidenceFields, evidenceLinkBody } from './evidence.schema.ts';
import { requestInvalid } from './errors.ts';
import { readUpload } from './upload.ts';

/** How an evidence upload is sent, as both evidence endpoints describe it in OpenAPI. */
export const EVIDENCE_UPLOAD_DESCRIPTION =
  'multipart/form-data with `file` (PDF, DOCX, XLSX, PNG, JPEG or UTF-8 text, told by content; at most 10 MB) and optional `title`, `note`; or JSON `{ url, title?, note? }` for an http(s) link.';

/** The evidence in the request, or REQUEST_INVALID naming the field at fault. */
export async function readEvidence(request: FastifyRequest): Promise<EvidenceInput> {
  if (request.isMultipart()) {
    const { file, bytes, fields } = await readUpload(request);
    const parsed = parse(evidenceFields, fields);
    return { kind: 'file', fileName: file.filename, bytes, ...parsed };
  }
  return { kind: 'link', ...parse(evidenceLinkBody, request.body ?? {}) };
}

function parse<T>(schema: ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  throw requestInvalid(issue?.path.join('.') ?? '', issue?.message ?? 'invalid evidence');
}
