/**
 * A data file streamed into the database: chunk by chunk, each checked with checkBatch's rules (checkChunk) and
 * written (writeFigures), all in one transaction, so a file with one bad row stores nothing. Memory stays flat in the
 * number of rows: a chunk's figures, the compact set of keys seen (observation.seen.ts), the region-years touched
 * (for the share check, run once at the end over the values as they will be stored), and the problems, warnings and
 * items the answer lists, each capped.
 */
import type { ObservationRepository } from '../db/observation.repository.ts';
import type { RegionRepository } from '../db/region.repository.ts';
import type { SubjectRegistry } from '../domain/observations/subjects.ts';
import type { RequestContext } from './audit.ts';
import { checkChunk } from './observation.batch.ts';
import type { CheckMemory, ReportedFigure } from './observation.batch.ts';
import type { StoredValues } from './observation.lookups.ts';
import { fileShareProblems } from './observation.shares.ts';
import { fileSeenFigures } from './observation.seen.ts';
import { writeFigures } from './observation.write.ts';
import type { WriteOptions, Written } from './observation.write.ts';
import { batchRejected, placeEn, placeZh } from './observation.errors.ts';
import { ServiceError } from './errors.ts';
import type { ErrorDetail } from './errors.ts';
import { authorize } from './scope.ts';

/** The figures of one chunk of a file, and how far the reading has come. */
export interface FigureChunk {
  readonly figures: readonly ReportedFigure[];
  readonly rowsRead: number;
  readonly bytesRead: number;
}

/** At most this many problems (and warnings, and items) are listed; the rest are counted. */
export const LISTED = 1_000;
/** Items are listed up to the size of an API batch, so a small file's answer is as complete as a batch's. */
export const LISTED_ITEMS = 10_000;

/** What a streamed file did, with its problems; nothing is stored when `errors` is not empty (the caller throws). */
export interface StreamOutcome extends Written {
  figures: number;
  errors: ErrorDetail[];
  /** Problems found beyond the ones listed. */
  moreErrors: number;
  warnings: ErrorDetail[];
  moreWarnings: number;
  /** Items stored beyond the ones listed. */
  moreItems: number;
  /** The one region the file wrote to; null when several. */
  region: string | null;
}

/**
 * Checks and writes every chunk on the transaction's repositories (reads lock the figures they find), then checks
 * numerator <= denominator over every region-year the file touched.
 */
export async function streamFigures(
  repos: { observations: ObservationRepository; regions: RegionRepository },
  chunks: AsyncIterable<FigureChunk>,
  subjects: SubjectRegistry,
  options: WriteOptions & { context: RequestContext; onChunk: (chunk: FigureChunk) => void },
): Promise<StreamOutcome> {
  const file = options.fileName ?? 'upload';
  const memory: CheckMemory = { regions: new Map(), years: new Map(), seen: fileSeenFigures(subjects, file) };
  const context = { ...repos, subjects, checkPeriod: true, lock: true };
  const outcome: StreamOutcome = {
    ...{ created: 0, revised: 0, corrected: 0, unchanged: 0, submitted: 0, items: [], figures: 0 },
    ...{ errors: [], moreErrors: 0, warnings: [], moreWarnings: 0, moreItems: 0, region: null },
  };
  const authorized = new Set<string>();
  const touched = new Map<string, { regionCode: string; year: number }>();
  let columns: ReportedFigure['columns'] = {};
  for await (const chunk of chunks) {
    outcome.figures += chunk.figures.length;
    columns = chunk.figures[0]?.columns ?? columns;
    const check = await checkChunk(chunk.figures, context, memory);
    for (const region of check.regions) {
      if (authorized.has(region.code)) continue;
      await authorize(repos.regions, options.context.actor, 'data.enter', region.code);
      authorized.add(region.code);
      outcome.region = authorized.size === 1 ? region.code : null;
    }
    const refused = check.problems.filter((problem) => problem.severity === 'error');
    outcome.moreErrors += listUpTo(outcome.errors, refused, LISTED);
    outcome.moreWarnings += listUpTo(
      outcome.warnings,
      check.figures.flatMap((figure) => figure.warnings),
      LISTED,
    );
    for (const { key } of check.figures) {
      touched.set(`${key.regionCode}:${key.year}`, { regionCode: key.regionCode, year: key.year });
    }
    // Written even after a problem: later chunks are checked against it (the transaction is rolled back anyway).
    const written = await writeFigures(repos.observations, check.figures, check.heads, options);
    add(outcome, written);
    options.onChunk(chunk);
    // Let the server answer between chunks: on PGlite the database runs on this thread, and a big file would
    // otherwise hold every request, even those the read cache could answer, until its last row.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const shares = await sharesOfFile(repos.observations, [...touched.values()], subjects, (key, subject) => {
    const seen = memory.seen.get(key, subject);
    return seen === undefined ? undefined : { at: seen.at, columns };
  });
  outcome.moreErrors += listUpTo(outcome.errors, shares, LISTED);
  return outcome;
}

// The share check once every chunk is written: the stored values are then the file's figures over what was there.
async function sharesOfFile(
  observations: ObservationRepository,
  regionYears: readonly { regionCode: string; year: number }[],
  subjects: SubjectRegistry,
  locate: Parameters<typeof fileShareProblems>[2],
): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  for (let at = 0; at < regionYears.length; at += 1_000) {
    const stored: StoredValues = new Map();
    for (const row of await observations.currentValuesOf(regionYears.slice(at, at + 1_000))) {
      const id = `${row.region_code}:${row.year}`;
      const values = stored.get(id) ?? new Map<string, number>();
      stored.set(id, values.set(row.subject_id, row.value));
    }
    problems.push(...fileShareProblems(stored, subjects, locate));
  }
  return problems;
}

/** Adds to a capped list; returns how many did not fit. */
function listUpTo<T>(list: T[], more: readonly T[], cap: number): number {
  const room = Math.max(0, cap - list.length);
  list.push(...more.slice(0, room));
  return Math.max(0, more.length - room);
}

function add(outcome: StreamOutcome, written: Written): void {
  outcome.created += written.created;
  outcome.revised += written.revised;
  outcome.corrected += written.corrected;
  outcome.unchanged += written.unchanged;
  outcome.submitted += written.submitted;
  outcome.moreItems += listUpTo(outcome.items, written.items, LISTED_ITEMS);
}

/**
 * A file refused for its problems: as errors.batchRejected, with the count of problems beyond the ones listed.
 */
export function fileRejected(outcome: StreamOutcome, fileName: string | undefined): ServiceError {
  const listed = batchRejected(outcome.errors, fileName, outcome.figures);
  if (outcome.moreErrors === 0) return listed;
  const total = outcome.errors.length + outcome.moreErrors;
  const [first] = listed.details;
  const what = fileName === undefined ? '提交的数据' : `文件 ${fileName}`;
  const whatEn = fileName === undefined ? 'The batch' : `The file ${fileName}`;
  const firstZh = first === undefined ? '' : `。第一处：${placeZh(first.at)}：${first.messages.zh}`;
  const firstEn = first === undefined ? '' : `. First: ${placeEn(first.at)}: ${first.messages.en}`;
  return new ServiceError(
    listed.code,
    listed.kind,
    {
      zh: `${what} 共 ${outcome.figures} 行，发现 ${total} 处错误（列出前 ${outcome.errors.length} 处，另有 ${outcome.moreErrors} 处未列出），未保存任何数据：请逐条改正后重新提交${firstZh}`,
      en: `${whatEn} has ${total} problems in ${outcome.figures} rows (the first ${outcome.errors.length} listed, ${outcome.moreErrors} more not), so nothing was stored: fix each and send it again${firstEn}`,
    },
    listed.at,
    { details: listed.details },
  );
}
