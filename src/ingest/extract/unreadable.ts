/**
 * A file the extractors cannot turn into text, with the reason in Chinese and in English. `message` is the English
 * sentence (logs and the CLI print it); `zh` is what a Chinese reader of the import form is shown.
 */
export class UnreadableFileError extends Error {
  readonly zh: string;
  readonly en: string;

  constructor(zh: string, en: string, options?: ErrorOptions) {
    super(en, options);
    this.name = 'UnreadableFileError';
    this.zh = zh;
    this.en = en;
  }
}

/** The reason of any error, in both languages: an UnreadableFileError's own, else the message as it is. */
export function reasonOf(error: unknown): { zh: string; en: string } {
  if (error instanceof UnreadableFileError) return { zh: error.zh, en: error.en };
  const text = error instanceof Error ? error.message : String(error);
  return { zh: text, en: text };
}
