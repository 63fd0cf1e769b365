/** Evidence as the API shows it: never the bytes, always where to open it. */
import type { EvidenceSummaryRow } from '../db/evidence.repository.ts';
import type { EvidenceKind } from '../db/evidence.schema.ts';

/** One piece of evidence. */
export interface PresentedEvidence {
  id: number;
  kind: EvidenceKind;
  title: string;
  /** Where to open it: the API's download for a file, the page itself for a link. */
  url: string;
  fileName: string | null;
  /** Detected from the content when it was uploaded. */
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  addedBy: string | null;
  addedAt: string;
}

/** The API path a stored file is downloaded from. */
export const evidencePath = (id: number): string => `/api/evidence/${id}`;

/** The view of stored evidence. */
export function presentEvidence(row: EvidenceSummaryRow): PresentedEvidence {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: row.kind === 'file' ? evidencePath(row.id) : (row.url ?? ''),
    fileName: row.file_name,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    addedBy: row.created_by_name,
    addedAt: row.created_at.toISOString(),
  };
}
