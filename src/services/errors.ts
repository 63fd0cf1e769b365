/**
 * The one error shape services throw for anything a person must act on. It carries a stable code (what the web app
 * and the tests switch on), the message in Chinese and English, and the field, row or line at fault. It knows no
 * HTTP: `kind` says what went wrong in words the HTTP layer maps to a status (invalid → 400/422, not-found → 404,
 * conflict → 409, unauthenticated → 401, forbidden → 403, rate-limited → 429, unavailable → 503: something the server
 * needs, such as Chromium for a PDF, is missing or overloaded). Anything else thrown is a bug, shown as a 500.
 */

/** What kind of failure it is, for the HTTP layer to map to a status. */
export type ServiceErrorKind =
  'invalid' | 'not-found' | 'conflict' | 'unauthenticated' | 'forbidden' | 'rate-limited' | 'unavailable';

/**
 * Where the fault is: the request field, the indicator row, the source line, or the file, sheet, spreadsheet row and
 * column of an uploaded data file (any that apply).
 */
export interface ErrorLocation {
  readonly field?: string;
  readonly row?: number;
  readonly line?: number;
  readonly file?: string;
  readonly sheet?: string;
  /** The column as the user sees it: a spreadsheet letter with its header ("I 本年数值"), or a CSV header. */
  readonly column?: string;
  /** The position of an item in a batch sent to the API (0-based). */
  readonly item?: number;
}

/** One of several problems found at once (every bad row of a file), each with its own place. */
export interface ErrorDetail {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly messages: BilingualMessage;
  readonly at: ErrorLocation;
}

/** A message in both languages people read: Chinese first (DESIGN.md: Chinese UI first). */
export interface BilingualMessage {
  readonly zh: string;
  readonly en: string;
}

/** An error a person can act on, with a stable code. */
export class ServiceError extends Error {
  readonly code: string;
  readonly kind: ServiceErrorKind;
  readonly messages: BilingualMessage;
  readonly at: ErrorLocation;
  /** Every problem, when the error stands for several (a file refused for its bad rows); empty otherwise. */
  readonly details: readonly ErrorDetail[];

  constructor(
    code: string,
    kind: ServiceErrorKind,
    messages: BilingualMessage,
    at: ErrorLocation = {},
    options?: ErrorOptions & { details?: readonly ErrorDetail[] },
  ) {
    super(`${messages.zh} / ${messages.en}`, options);
    this.name = 'ServiceError';
    this.code = code;
    this.kind = kind;
    this.messages = messages;
    this.at = at;
    this.details = options?.details ?? [];
  }
}

/** Whether a value is a ServiceError with this code (for tests and the HTTP layer's mapping). */
export function isServiceError(value: unknown, code?: string): value is ServiceError {
  return value instanceof ServiceError && (code === undefined || value.code === code);
}
