import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A file (stored here) or a link (to a page elsewhere). */
export type EvidenceKind = 'file' | 'link';

/** `evidence`: proof attached to a commitment or a task; never changed or removed (a trigger refuses it). */
export interface EvidenceTable {
  id: Generated<number>;
  plan_id: number;
  /** Set for a commitment's evidence (with plan_id), null for a task's. */
  commitment_position: number | null;
  task_id: number | null;
  kind: EvidenceKind;
  title: string;
  file_name: string | null;
  /** Detected from the content, never taken from the upload. */
  content_type: string | null;
  size: number | null;
  sha256: string | null;
  /** bytea: a Buffer from pg, a Uint8Array from PGlite. Read only when the file itself is asked for. */
  content: ColumnType<Uint8Array | null, Uint8Array | null, never>;
  url: string | null;
  created_by_user_id: number | null;
  created_at: ColumnType<Date, Date, never>;
}

export type EvidenceRow = Selectable<EvidenceTable>;
export type NewEvidence = Insertable<EvidenceTable>;

/** The evidence table, for `Database` to extend. */
export interface EvidenceTables {
  evidence: EvidenceTable;
}
