/** Numerator <= denominator, over a batch's figures or over a streamed file's stored values once they are final. */
import type { ObservationKey } from '../db/observation.repository.ts';
import { checkShares } from '../domain/observations/checks.ts';
import type { Subject, SubjectRegistry } from '../domain/observations/subjects.ts';
import type { CheckedFigure } from './observation.batch.ts';
import type { ErrorDetail } from './errors.ts';
import { regionYear } from './observation.lookups.ts';
import type { StoredValues } from './observation.lookups.ts';
import { detail } from './observation.problems.ts';
import type { FigurePlace } from './observation.problems.ts';

/**
 * Numerator <= denominator over a batch's figures and what is stored for the same region and year, reported on the
 * numerator where the batch holds it, else on the denominator.
 */
export function shareProblems(
  figures: readonly CheckedFigure[],
  stored: StoredValues,
  subjects: SubjectRegistry,
): ErrorDetail[] {
  const groups = new Map<string, CheckedFigure[]>();
  for (const figure of figures) {
    const id = regionYear(figure.key.regionCode, figure.key.year);
    const group = groups.get(id);
    if (group === undefined) groups.set(id, [figure]);
    else group.push(figure);
  }
  const problems: ErrorDetail[] = [];
  for (const [id, group] of groups) {
    const values = new Map(stored.get(id));
    for (const figure of group) values.set(figure.subject.id, figure.value);
    problems.push(...sharesOf(values, subjects, (subjectId) => group.find((one) => one.subject.id === subjectId)));
  }
  return problems;
}

/**
 * Numerator <= denominator over stored values (a streamed file's, once all its chunks are written), reported where
 * `locate` finds the numerator in the file, else the denominator; a pair the file did not touch is not its problem.
 */
export function fileShareProblems(
  stored: StoredValues,
  subjects: SubjectRegistry,
  locate: (key: ObservationKey, subject: Subject) => FigurePlace | undefined,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  for (const [id, values] of stored) {
    const [regionCode = '', year = ''] = id.split(':');
    problems.push(
      ...sharesOf(values, subjects, (subjectId) => {
        const subject = subjects.byId(subjectId);
        if (subject === undefined) return undefined;
        return locate({ regionCode, subjectKind: subject.kind, subjectId, year: Number(year) }, subject);
      }),
    );
  }
  return problems;
}

function sharesOf(
  values: ReadonlyMap<string, number>,
  subjects: SubjectRegistry,
  place: (subjectId: string) => FigurePlace | undefined,
): ErrorDetail[] {
  const found = checkShares(
    [...values].map(([subjectId, value]) => ({ subjectId, value })),
    subjects,
  );
  const problems: ErrorDetail[] = [];
  for (const share of found) {
    const at = place(share.numeratorId) ?? place(share.denominatorId);
    if (at !== undefined) problems.push(detail(at, share.problem));
  }
  return problems;
}
