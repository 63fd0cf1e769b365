/**
 * The sentence around a position in a paragraph. Looks at most MAX_REACH characters each way: a Chinese sentence is
 * far shorter, and a paragraph with no full stop at all (a mangled file) must not make every look-up scan it whole.
 */
const MAX_REACH = 400;

/** Start and end of the sentence (up to 。 or ；) that holds `index`. */
export function sentenceSpan(text: string, index: number, ends = '。；'): { start: number; end: number } {
  const from = Math.max(0, index - MAX_REACH);
  const before = text.slice(from, index);
  const start = from + Math.max(...Array.from(ends, (mark) => before.lastIndexOf(mark) + 1));
  const after = text.slice(index, index + MAX_REACH);
  const stops = Array.from(ends, (mark) => after.indexOf(mark)).filter((at) => at !== -1);
  return { start, end: index + (stops.length > 0 ? Math.min(...stops) : after.length) };
}

/** The sentence that holds `index`, without its closing mark. */
export function sentenceAt(text: string, index: number): string {
  const { start, end } = sentenceSpan(text, index);
  return text.slice(start, end);
}

/** The part of the sentence before `index`. */
export function sentenceBefore(text: string, index: number): string {
  return text.slice(sentenceSpan(text, index).start, index);
}
