import { extractText, UnreadableFileError } from './extract/index.ts';
import { isPlanLike, parsePlanText } from './parse.ts';
import type { ParsedPlan, SourceFormat } from './types.ts';

/** The input is not a plan document: a binary, an empty file, or text without a plan's structure. */
export class NotAPlanError extends Error {
  /** The sentence in Chinese and in English, for callers that show one language at a time (the API). */
  readonly zh: string;
  readonly en: string;

  constructor(zh: string, en: string) {
    super(`${zh} (${en})`);
    this.name = 'NotAPlanError';
    this.zh = zh;
    this.en = en;
  }
}

/** A document read: the text the reader worked on (the line numbers refer to it) and the plan found in it. */
export interface ReadDocument {
  format: SourceFormat;
  text: string;
  plan: ParsedPlan;
}

/**
 * Reads a plan document (.txt .md .docx .pdf, told apart by content) into a structured plan.
 * Throws NotAPlanError, with one sentence a person can act on, when the file is not a plan.
 */
export async function readPlanDocument(bytes: Uint8Array, fileName: string): Promise<ReadDocument> {
  const { format, text } = await extractText(bytes, fileName).catch((error: unknown) => {
    if (error instanceof UnreadableFileError) throw new NotAPlanError(error.zh, error.en);
    const reason = error instanceof Error ? error.message : String(error);
    throw new NotAPlanError(`${fileName} 不是可读的规划文件（支持 .txt .md .docx .pdf）`, reason);
  });
  if (text.trim() === '') {
    throw new NotAPlanError(
      `${fileName} 没有可读的文字，不是规划文件`,
      `${fileName} has no text, so it is not a plan document.`,
    );
  }
  const plan = parsePlanText(text, format);
  if (!isPlanLike(plan)) {
    throw new NotAPlanError(
      `${fileName} 读不出规划的结构（标题、章节、指标表或专栏），不是规划文件`,
      `${fileName} has no plan title, chapters, indicator table or 专栏 boxes, so it is not a plan document.`,
    );
  }
  return { format, text, plan };
}
