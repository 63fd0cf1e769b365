/**
 * Evidence (佐证材料) for commitments and tasks: a file, checked by its content and stored in the database, or a
 * link to a page elsewhere. The check runs before any transaction opens (hashing 10 MB must not hold PGlite's one
 * connection); the commitment and task services store what it returns in their own transaction, with the update
 * it belongs to. This service serves the stored files back.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { evidenceRepository } from '../db/evidence.repository.ts';
import type { EvidenceRepository } from '../db/evidence.repository.ts';
import type { NewEvidence } from '../db/evidence.schema.ts';
import { regionRepository } from '../db/region.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { Database } from '../db/schema.ts';
import { ACCEPTED_FORMATS, MAX_EVIDENCE_BYTES, detectEvidence } from '../domain/tasks/evidence-content.ts';
import * as errors from './evidence.errors.ts';
import { canReadPlan } from './plan.access.ts';
import type { Viewer } from './plan.access.ts';

/** Evidence as a request brings it: a file's bytes with its name, or a link; a title and a note either way. */
export type EvidenceInput =
  | { kind: 'file'; fileName: string; bytes: Uint8Array; title?: string | null; note?: string | null }
  | { kind: 'link'; url: string; title?: string | null; note?: string | null };

/** Checked evidence, ready to store once its owner and author are added. */
export type CheckedEvidence = Omit<
  NewEvidence,
  'plan_id' | 'commitment_position' | 'task_id' | 'created_by_user_id' | 'created_at'
>;

/** A stored file to send back. */
export interface EvidenceFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

const MAX_NAME = 200;

/**
 * Checks evidence and prepares its row: a file must be one of the accepted formats by its content and at most
 * 10 MB; a link must be an http(s) address without credentials.
 */
export function checkEvidence(input: EvidenceInput): CheckedEvidence {
  const title = input.title?.trim() ?? '';
  if (input.kind === 'link') {
    const url = checkUrl(input.url.trim());
    return { kind: 'link', title: title === '' ? url : title, url };
  }
  const fileName = baseName(input.fileName);
  if (input.bytes.length > MAX_EVIDENCE_BYTES) throw errors.tooLarge(fileName, input.bytes.length, MAX_EVIDENCE_BYTES);
  const detected = detectEvidence(input.bytes);
  if (detected.format === null) throw errors.typeRefused(fileName, detected.found, ACCEPTED_FORMATS);
  return {
    kind: 'file',
    title: title === '' ? fileName : title,
    file_name: fileName,
    content_type: detected.contentType,
    size: input.bytes.length,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    // pg sends a Buffer as bytea; PGlite takes any Uint8Array, a Buffer included.
    content: Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength),
  };
}

function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw errors.urlInvalid(text);
  }
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  if (!web || url.username !== '' || url.password !== '' || url.hostname === '') throw errors.urlInvalid(text);
  return url.href;
}

// Some browsers send the whole client path as the file name; only the last part is the name.
function baseName(name: string): string {
  const last = name.split(/[\\/]/).at(-1)?.trim() ?? '';
  let clean = '';
  for (const char of last) if (char >= ' ' && char !== '\u007f') clean += char;
  return clean === '' ? 'evidence' : clean.slice(0, MAX_NAME);
}

/** The repositories the service uses, each as the function that binds it to a database or a transaction. */
export interface EvidenceServiceDeps {
  db: Kysely<Database>;
  evidence: (db: Kysely<Database>) => EvidenceRepository;
  regions: (db: Kysely<Database>) => RegionRepository;
}

/** The evidence service on a database, with the real repositories. */
export function createEvidenceService(db: Kysely<Database>): EvidenceService {
  return new EvidenceService({ db, evidence: evidenceRepository, regions: regionRepository });
}

/** Serving stored evidence files. */
export class EvidenceService {
  private readonly evidence: EvidenceRepository;
  private readonly regions: RegionRepository;

  constructor(deps: EvidenceServiceDeps) {
    this.evidence = deps.evidence(deps.db);
    this.regions = deps.regions(deps.db);
  }

  /** A stored file, for whoever may read its plan (everybody, for a published plan); a link is not a file. */
  async file(id: number, viewer: Viewer = null): Promise<EvidenceFile> {
    const row = await this.evidence.findFile(id);
    if (row === undefined || row.kind !== 'file' || row.content === null) throw errors.evidenceNotFound(id);
    const plan = { status: row.plan_status, region_code: row.plan_region_code };
    if (!(await canReadPlan(this.regions, viewer, plan))) throw errors.evidenceNotFound(id);
    return {
      fileName: row.file_name ?? `evidence-${id}`,
      contentType: row.content_type ?? 'application/octet-stream',
      bytes: Buffer.from(row.content.buffer, row.content.byteOffset, row.content.byteLength),
    };
  }
}
