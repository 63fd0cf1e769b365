import type { SourceLine } from './normalise.ts';

/** Prose with its source: a sentence broken across lines or pages is one paragraph that remembers each line. */
export interface Paragraph {
  text: string;
  /** Offsets in `text` where each source line starts, in order. */
  starts: { offset: number; line: number }[];
}

const SENTENCE_END = /[。！？!?；;：:]["”’」』）)]*$/;
const OPENS_NEW_BLOCK = /^(——|[-*+]\s|\||专栏)/;

/** The source line of a character offset in a paragraph. */
export function lineOf(paragraph: Paragraph, offset: number): number {
  // Binary search: a paragraph joined across many broken lines is asked for every match it holds.
  let low = 0;
  let high = paragraph.starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((paragraph.starts[mid]?.offset ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return paragraph.starts[low]?.line ?? 0;
}

/**
 * Joins lines into paragraphs, undoing the breaks that page layout put inside sentences: a prose line that does not
 * end a sentence continues on the next prose line, across at most two blank lines (a page break in the seeds).
 * `isBlock` marks lines that are never joined (headings, table rows, box titles).
 */
export function buildParagraphs(lines: readonly SourceLine[], isBlock: (line: SourceLine) => boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let open: Paragraph | null = null;
  let blanks = 0;
  for (const line of lines) {
    const text = line.text.replace(/\t/g, ' ').trim();
    if (text === '') {
      blanks += 1;
      continue;
    }
    if (isBlock(line)) {
      paragraphs.push({ text, starts: [{ offset: 0, line: line.no }] });
      open = null;
      blanks = 0;
      continue;
    }
    if (open && blanks <= 2 && !OPENS_NEW_BLOCK.test(text)) {
      open.starts.push({ offset: open.text.length, line: line.no });
      open.text += text;
    } else {
      open = { text, starts: [{ offset: 0, line: line.no }] };
      paragraphs.push(open);
    }
    blanks = 0;
    if (!continues(open.text)) open = null;
  }
  return paragraphs;
}

function continues(text: string): boolean {
  if (SENTENCE_END.test(text)) return false;
  // A short line without a comma is a caption or a title, not a sentence cut by the page.
  return text.length >= 20 || /[，、]/.test(text);
}
