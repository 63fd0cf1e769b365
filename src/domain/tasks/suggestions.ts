/**
 * Task suggestions (分工方案) from a plan's outline. The five sample plans all run: background (发展基础、面临形势),
 * the general approach that states the goals (总体思路 / 发展思路 with 指导思想、主要目标、基本原则), then one chapter per
 * field of work, and last how the plan is carried out (规划实施 / 保障措施 / 落实方案). The work chapters are the
 * 主要任务 even where no heading says so, and their sub-headings are what a 任务分工方案 assigns to departments.
 */
import type { Bilingual } from './status.ts';

/** A heading of the plan's outline, as stored. */
export interface OutlineSection {
  position: number;
  /** 1 for chapters (一、 or 第一章), 2 for the next level, … */
  level: number;
  number: string;
  title: string;
  line: number;
}

/** A heading proposed as a task, with the chapter (and, for a third-level heading, the section) above it. */
export interface TaskSuggestion {
  section: OutlineSection;
  chapter: OutlineSection;
  /** The second-level heading above a third-level one; null for a second-level suggestion. */
  parent: OutlineSection | null;
}

/** The rule, as the API states it beside the suggestions. */
export const SUGGESTION_RULE: Bilingual = {
  zh:
    '取“主要目标”（或指导思想、基本原则）所在章之后、规划实施（保障措施、落实方案）章之前的各章为主要任务；' +
    '每章的二级标题各为一项任务，二级标题下有三级标题的，取各三级标题；无下级标题的章本身为一项任务。',
  en:
    'The chapters after the one stating the goals (or guiding thought, principles) and before the closing chapter on ' +
    'implementation (safeguards, carrying out) are the main tasks; each second-level heading in them is a task, or ' +
    'each of its third-level headings where it has some; a chapter without sub-headings is a task itself.',
};

// A heading that states the plan's goals or approach: the task chapters start after the chapter holding it.
const GOALS = /主要目标|发展目标|总体目标|目标任务|指导思想|基本原则|总体思路|发展思路|总体要求/;
// A closing chapter on carrying the plan out; every sample ends with one (完善规划实施机制, 保障措施, 细化规划落实方案,
// 完善实施保障机制).
const IMPLEMENTATION = /实施|保障措施|落实方案|组织领导/;
// Without a goals heading, chapters like these are still not tasks.
const PREAMBLE = /发展基础|面临形势|形势|成效|回顾|总体思路|发展思路|总体要求|指导思想|主要目标|发展目标/;

/**
 * The headings that become suggested tasks, in document order.
 * @example suggestTasks(sections).map((s) => s.section.title) // ['牢牢掌握党对教育工作的领导权', …]
 */
export function suggestTasks(sections: readonly OutlineSection[]): TaskSuggestion[] {
  const chapters = chaptersOf(sections);
  return taskChapters(chapters).flatMap(({ chapter, below }) => suggestionsIn(chapter, below));
}

interface Chapter {
  chapter: OutlineSection;
  /** Every heading below it, up to the next chapter. */
  below: OutlineSection[];
}

function chaptersOf(sections: readonly OutlineSection[]): Chapter[] {
  const chapters: Chapter[] = [];
  for (const section of sections) {
    if (section.level === 1) chapters.push({ chapter: section, below: [] });
    else chapters.at(-1)?.below.push(section);
  }
  return chapters;
}

function taskChapters(chapters: readonly Chapter[]): Chapter[] {
  let end = chapters.length;
  while (end > 0 && IMPLEMENTATION.test(chapters[end - 1]?.chapter.title ?? '')) end -= 1;
  const statesGoals = (entry: Chapter) =>
    GOALS.test(entry.chapter.title) || entry.below.some((section) => GOALS.test(section.title));
  const goals = chapters.slice(0, end).findLastIndex(statesGoals);
  if (goals >= 0) return chapters.slice(goals + 1, end);
  return chapters.slice(0, end).filter((entry) => !PREAMBLE.test(entry.chapter.title));
}

function suggestionsIn(chapter: OutlineSection, below: readonly OutlineSection[]): TaskSuggestion[] {
  const seconds = below.filter((section) => section.level === 2);
  if (seconds.length === 0) return [{ section: chapter, chapter, parent: null }];
  return seconds.flatMap((second): TaskSuggestion[] => {
    const thirds = childrenOf(second, below).filter((section) => section.level === 3);
    if (thirds.length === 0) return [{ section: second, chapter, parent: null }];
    return thirds.map((third) => ({ section: third, chapter, parent: second }));
  });
}

/** The headings between a section and the next one of its level or above. */
function childrenOf(section: OutlineSection, below: readonly OutlineSection[]): OutlineSection[] {
  const start = below.indexOf(section) + 1;
  const next = below.findIndex((other, index) => index >= start && other.level <= section.level);
  return below.slice(start, next < 0 ? below.length : next);
}
