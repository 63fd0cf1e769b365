import type { SourceLine } from './normalise.ts';
import { headingMatch } from './headings.ts';

const TOC_TITLE = /^目\s*[录次]$/;
const PAGE_NUMBER_END = /(\s|…|\.{2,}|·{2,}|-{2,})\s*\d{1,3}$/;
const LIST_MARKER = /^[-*+]\s+/;

/**
 * Finds the lines of a table of contents, which repeats the headings with page numbers and must not be read as the
 * body: the block under 目录, and anywhere a heading-like line that ends in a page number.
 */
export function findTocLines(lines: readonly SourceLine[]): Set<number> {
  const toc = new Set<number>();
  let inToc = false;
  for (const line of lines) {
    const text = line.text.replace(LIST_MARKER, '').trim();
    if (TOC_TITLE.test(text)) {
      inToc = true;
      toc.add(line.no);
      continue;
    }
    if (inToc) {
      if (text === '' || isTocEntry(text)) {
        toc.add(line.no);
        continue;
      }
      inToc = false;
    }
    if (isPagedHeading(text)) toc.add(line.no);
  }
  return toc;
}

function isTocEntry(text: string): boolean {
  if (/^\|.*\|$/.test(text)) return true;
  if (isPagedHeading(text)) return true;
  const cells = text.split('\t').map((cell) => cell.trim());
  return headingMatch(cells.join(' ')) !== null && text.length <= 60;
}

function isPagedHeading(text: string): boolean {
  if (!PAGE_NUMBER_END.test(text) || text.length > 70) return false;
  const withoutPage = text.replace(PAGE_NUMBER_END, '').replace(/[.…·\s-]+$/, '');
  return headingMatch(withoutPage) !== null;
}
