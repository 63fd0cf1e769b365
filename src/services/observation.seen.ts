/**
 * The figures of a file seen so far, for the duplicate check across the chunks of a streamed file: a figure's key
 * packed into one number (region code, subject, year) in an open-addressing table of typed arrays, beside the row it
 * came from. 12 bytes a slot at a load of at most one half: about 24 MB for a million rows, where a Map of string
 * keys would take some 150 MB.
 */
import type { ObservationKey } from '../db/observation.repository.ts';
import type { Subject, SubjectRegistry } from '../domain/observations/subjects.ts';
import type { SeenFigure, SeenFigures } from './observation.batch.ts';

const SUBJECTS = 2 ** 20;
const YEARS = 256;
const FIRST_YEAR = 1900;

/** The seen set of one file; its figures' places are rows of that file (a CSV has no sheet). */
export function fileSeenFigures(subjects: SubjectRegistry, file: string): SeenFigures {
  const index = new Map<Subject, number>(subjects.subjects.map((subject, at) => [subject, at]));
  let keys = new Float64Array(1 << 16);
  let rows = new Int32Array(1 << 16);
  let size = 0;
  // A region code is six digits and a year lies in 1949-2100 (as the check of years requires), so the packed key is
  // below 2^48, exact in a double, and never 0 (the empty slot).
  const pack = (key: ObservationKey, subject: Subject): number =>
    (Number(key.regionCode) * SUBJECTS + (index.get(subject) ?? SUBJECTS - 1)) * YEARS + (key.year - FIRST_YEAR);
  const slotOf = (table: Float64Array, packed: number): number => {
    const mask = table.length - 1;
    let slot = Math.imul((packed >>> 0) ^ Math.imul(Math.floor(packed / 2 ** 32), 0x9e3779b1), 0x85ebca6b) & mask;
    while (table[slot] !== 0 && table[slot] !== packed) slot = (slot + 1) & mask;
    return slot;
  };
  const grow = (): void => {
    const [oldKeys, oldRows] = [keys, rows];
    keys = new Float64Array(oldKeys.length * 2);
    rows = new Int32Array(oldRows.length * 2);
    oldKeys.forEach((packed, at) => {
      if (packed === 0) return;
      const slot = slotOf(keys, packed);
      keys[slot] = packed;
      rows[slot] = oldRows[at] ?? 0;
    });
  };
  return {
    get(key, subject) {
      const slot = slotOf(keys, pack(key, subject));
      const row = rows[slot] ?? 0;
      return keys[slot] === 0 ? undefined : { at: { file, row: Math.abs(row) }, commented: row < 0 };
    },
    add(key, subject, figure: SeenFigure) {
      if ((size + 1) * 2 > keys.length) grow();
      const packed = pack(key, subject);
      const slot = slotOf(keys, packed);
      if (keys[slot] === 0) size += 1;
      keys[slot] = packed;
      const row = figure.at.row ?? 0;
      rows[slot] = figure.commented ? -row : row;
    },
  };
}
