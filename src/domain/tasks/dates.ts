/**
 * Calendar dates as 'YYYY-MM-DD' text, the way DATE columns come back from both engines: deadlines are days, not
 * instants, so comparing them as text in this one format is comparing them in time.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

const DAY_MS = 86_400_000;
// China keeps one time zone, UTC+8, without daylight saving: a fixed offset gives the day a deadline is read in.
const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The day it is in China at an instant: a deadline of 31 December has passed from 1 January 00:00 Beijing time,
 * whatever zone the server runs in.
 * @example chinaToday(new Date('2025-12-31T17:00:00Z')) // '2026-01-01'
 */
export function chinaToday(now: Date): IsoDate {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last day of a year: the deadline a plan means by "到2025年". */
export function endOfYear(year: number): IsoDate {
  return `${String(year).padStart(4, '0')}-12-31`;
}

/** The date `days` days after (before, when negative) a date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** Whether text is a real calendar date in the one format ('2025-02-30' is not). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}
