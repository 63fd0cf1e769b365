/** Reading a multipart upload: the file and the form fields beside it. */
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { requestInvalid } from './errors.ts';

/** The file and the form fields of an import, in whatever order the client sent them. */
export async function readUpload(
  request: FastifyRequest,
): Promise<{ file: MultipartFile; bytes: Buffer; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw requestInvalid('file', 'send the file as multipart/form-data with a file field');
  let upload: { file: MultipartFile; bytes: Buffer } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      // Only the first file counts; others are drained so the request can finish.
      if (upload === undefined) upload = { file: part, bytes: await part.toBuffer() };
      else await part.toBuffer();
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (upload === undefined) throw requestInvalid('file', 'no file in the form');
  return { ...upload, fields };
}
