/**
 * What a visitor's 意见建议 may be: the lengths, the clean-up of what was typed, and a simple content check that
 * turns away the two kinds of junk a public form attracts (link spam and keyboard mashing) with a reason a person
 * can act on. Pure: the service stores what this returns; HTML stays text, because nothing ever renders it.
 */

/** The message's length in characters (not bytes: a Chinese character counts one). */
export const MESSAGE_MIN = 5;
export const MESSAGE_MAX = 2000;
/** The optional name and contact: a name, an e-mail address or a telephone number, not an essay. */
export const NAME_MAX = 50;
export const CONTACT_MAX = 100;
/** More links than this reads as advertising, not as a comment on a plan. */
export const MAX_LINKS = 2;
/** The same character this many times in a row is a key held down, not a word. */
const MAX_REPEAT = 20;

/** Something wrong with what was sent, with the field at fault and what to do, in both languages. */
export interface FeedbackProblem {
  readonly code: string;
  readonly field: string;
  readonly zh: string;
  readonly en: string;
}

/** What a visitor typed, as the API receives it. */
export interface FeedbackDraft {
  message: string;
  name?: string | null | undefined;
  contact?: string | null | undefined;
}

/** The draft cleaned up and accepted: blank optional fields become null. */
export interface CleanFeedback {
  message: string;
  name: string | null;
  contact: string | null;
}

// Control characters other than tab and newline (a pasted NUL or escape code), and the invisible ones that hide
// words from any check.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g;
const LINK = /\b(?:https?:\/\/|www\.)\S+/gi;

/** Characters in code points, as PostgreSQL's char_length counts them (the table's checks): 一 or 😀 count one. */
export const lengthOf = (text: string): number => Array.from(text).length;

/** Text without control or invisible characters, with Windows line ends made plain, trimmed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim();
}

const blankToNull = (text: string | null | undefined): string | null => {
  const cleaned = cleanText(text ?? '').replace(/\s+/g, ' ');
  return cleaned === '' ? null : cleaned;
};

function lengthProblem(field: string, label: { zh: string; en: string }, length: number, max: number) {
  return length > max
    ? {
        code: 'FEEDBACK_TOO_LONG',
        field,
        zh: `${label.zh}最多 ${max} 个字，现有 ${length} 个字`,
        en: `The ${label.en} may have at most ${max} characters; it has ${length}`,
      }
    : null;
}

/** The content check of a message already cleaned: link spam, or one character held down. */
export function contentProblem(message: string): FeedbackProblem | null {
  const links = message.match(LINK)?.length ?? 0;
  if (links > MAX_LINKS) {
    return {
      code: 'FEEDBACK_TOO_MANY_LINKS',
      field: 'message',
      zh: `意见中的链接过多（${links} 个，最多 ${MAX_LINKS} 个）：请用文字说明您的意见`,
      en: `The message has too many links (${links}, at most ${MAX_LINKS}): say what you think in words`,
    };
  }
  if (new RegExp(`(.)\\1{${MAX_REPEAT - 1}}`, 'su').test(message)) {
    return {
      code: 'FEEDBACK_REPEATED',
      field: 'message',
      zh: `意见中同一个字符连续出现 ${MAX_REPEAT} 次以上：请删去重复的字符后再提交`,
      en: `The same character repeats ${MAX_REPEAT} times or more in a row: remove the repetition and send it again`,
    };
  }
  if (!/[\p{L}\p{N}]/u.test(message.replace(LINK, ''))) {
    return {
      code: 'FEEDBACK_NO_WORDS',
      field: 'message',
      zh: '意见中没有文字：请写下您的意见或建议',
      en: 'The message has no words: write down your comment or suggestion',
    };
  }
  return null;
}

/**
 * The draft cleaned, or every problem found (each with its field), so the form can mark them all at once.
 * @example checkFeedback({ message: '  建议公布各县的入园率  ' }) // { ok: true, value: { message: '建议公布各县的入园率', … } }
 */
export function checkFeedback(
  draft: FeedbackDraft,
): { ok: true; value: CleanFeedback } | { ok: false; problems: FeedbackProblem[] } {
  const message = cleanText(draft.message);
  const name = blankToNull(draft.name);
  const contact = blankToNull(draft.contact);
  const problems: FeedbackProblem[] = [];
  const length = lengthOf(message);
  if (length < MESSAGE_MIN) {
    problems.push({
      code: 'FEEDBACK_TOO_SHORT',
      field: 'message',
      zh: `意见至少需要 ${MESSAGE_MIN} 个字，现有 ${length} 个字`,
      en: `The message needs at least ${MESSAGE_MIN} characters; it has ${length}`,
    });
  } else {
    const tooLong = lengthProblem('message', { zh: '意见', en: 'message' }, length, MESSAGE_MAX);
    const content = tooLong === null ? contentProblem(message) : null;
    if (tooLong !== null) problems.push(tooLong);
    if (content !== null) problems.push(content);
  }
  const nameProblem = lengthProblem('name', { zh: '称呼', en: 'name' }, lengthOf(name ?? ''), NAME_MAX);
  const contactProblem = lengthProblem(
    'contact',
    { zh: '联系方式', en: 'contact' },
    lengthOf(contact ?? ''),
    CONTACT_MAX,
  );
  if (nameProblem !== null) problems.push(nameProblem);
  if (contactProblem !== null) problems.push(contactProblem);
  return problems.length === 0 ? { ok: true, value: { message, name, contact } } : { ok: false, problems };
}
