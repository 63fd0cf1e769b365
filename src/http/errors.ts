/**
 * One wire shape for every error: `{ error: { code, message: { zh, en }, at } }`. A ServiceError keeps its code and
 * location and gets the status of its kind; a request the schemas refuse becomes REQUEST_INVALID naming the field;
 * anything else is a bug: a 500 with a correlation id in the log and nothing internal in the answer.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_UPLOAD_BYTES } from './limits.ts';
import { ServiceError } from '../services/errors.ts';
import type { ErrorLocation, ServiceErrorKind } from '../services/errors.ts';

const location = z.object({
  field: z.string().optional(),
  row: z.number().optional(),
  line: z.number().optional(),
  file: z.string().optional(),
  sheet: z.string().optional(),
  column: z.string().optional(),
  item: z.number().optional(),
});

const message = z.object({ zh: z.string(), en: z.string() });

/** The error body, as the OpenAPI description shows it. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message,
    at: location,
    /** Every problem when there are several (each bad row of a file). */
    details: z
      .array(z.object({ code: z.string(), severity: z.enum(['error', 'warning']), message, at: location }))
      .optional(),
    correlationId: z.string().optional(),
  }),
});

/** The error body's type. */
export type ErrorBody = z.infer<typeof errorBody>;

const STATUS: Readonly<Record<ServiceErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'rate-limited': 429,
  unavailable: 503,
};

/** The status a kind of service error is answered with. */
export const statusOf = (kind: ServiceErrorKind): number => STATUS[kind];

/** The body of a ServiceError. */
export function errorJson(error: ServiceError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: { ...error.messages }, at: { ...error.at } } };
  if (error.details.length > 0) {
    body.error.details = error.details.map((detail) => ({
      code: detail.code,
      severity: detail.severity,
      message: { ...detail.messages },
      at: { ...detail.at },
    }));
  }
  return body;
}

/** The request does not fit its schema: names the first field at fault. */
export function requestInvalid(field: string | undefined, detail: string): ServiceError {
  const at: ErrorLocation = field === undefined || field === '' ? {} : { field };
  const where = field === undefined || field === '' ? '' : `：${field}`;
  return new ServiceError(
    'REQUEST_INVALID',
    'invalid',
    {
      zh: `请求有误${where}（${detail}）`,
      en: `The request is invalid${field === undefined || field === '' ? '' : `: ${field}`} (${detail})`,
    },
    at,
  );
}

/** How long a client refused for the server being busy (429, 503 SERVER_BUSY) should wait before trying again. */
export const RETRY_AFTER_SECONDS = 10;

const LOAD_MEASURES = {
  eventLoopDelay: { zh: '事件循环延迟', en: 'event-loop delay', unit: 'ms', scale: 1 },
  heap: { zh: '堆内存', en: 'heap in use', unit: 'MB', scale: 1024 * 1024 },
  rss: { zh: '常驻内存', en: 'resident memory', unit: 'MB', scale: 1024 * 1024 },
} as const;

/**
 * The server is past a load limit (load-shedding.ts): which measure, its value and its limit, so the operator reading
 * GET /api/health sees what is wrong, and when to try again.
 */
export function serverBusy(
  measure: keyof typeof LOAD_MEASURES,
  value: number,
  limit: number,
  retryAfterSeconds: number,
): ServiceError {
  const { zh, en, unit, scale } = LOAD_MEASURES[measure];
  const shown = (amount: number) => `${String(Math.round(amount / scale))} ${unit}`;
  return new ServiceError(
    'SERVER_BUSY',
    'unavailable',
    {
      zh: `服务器繁忙（${zh} ${shown(value)}，上限 ${shown(limit)}），请 ${String(retryAfterSeconds)} 秒后再试`,
      en: `The server is busy (${en} ${shown(value)}, limit ${shown(limit)}): try again in ${String(retryAfterSeconds)} s`,
    },
    { field: measure },
  );
}

/** Signing in is needed for this. */
export function unauthenticated(): ServiceError {
  return new ServiceError('UNAUTHENTICATED', 'unauthenticated', {
    zh: '请先登录',
    en: 'Sign in first',
  });
}

// Fastify's own 4xx errors (a body that is not JSON, an upload that is not multipart, a file too large) keep their
// status and become REQUEST_INVALID: the client sent something wrong, and the message says what.
function fastifyClientError(error: FastifyError): { status: number; body: ErrorBody } | null {
  const status = error.statusCode;
  if (status === undefined || status < 400 || status >= 500) return null;
  if (status === 413) return { status, body: errorJson(tooLarge()) };
  const field = error.code.includes('MULTIPART') || error.code.includes('FILE') ? 'file' : undefined;
  return { status, body: errorJson(requestInvalid(field, error.message)) };
}

/** One schema issue as fastify-type-provider-zod reports it. */
interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** The field a schema issue is about; an unknown field has no path of its own (the issue is on the object). */
function issueField(issue: SchemaIssue, context: string | undefined): string {
  const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const keys = issue.keyword === 'unrecognized_keys' ? issue.params.keys : undefined;
  const unknown = Array.isArray(keys) ? keys.map(String).join(', ') : '';
  if (unknown !== '') return [path, unknown].filter((part) => part !== '').join('.');
  return path === '' ? (context ?? '') : path;
}

/**
 * A request its schema refuses: the first field in `at` and the message, and every problem in `details`, so a
 * client fixes them all at once rather than one per round trip.
 */
function schemaRefusal(issues: readonly SchemaIssue[], context: string | undefined): ServiceError {
  const refusals = issues.map((issue) => requestInvalid(issueField(issue, context), issue.message ?? issue.keyword));
  const [first] = refusals;
  if (first === undefined) return requestInvalid(context, 'does not fit the schema');
  if (refusals.length === 1) return first;
  return new ServiceError(first.code, first.kind, first.messages, first.at, {
    details: refusals.map((refusal) => ({
      code: refusal.code,
      severity: 'error',
      messages: refusal.messages,
      at: refusal.at,
    })),
  });
}

/** An upload or body over the limit: says the limit and what to do, in both languages. */
function tooLarge(): ServiceError {
  const megabytes = String(MAX_UPLOAD_BYTES / 1024 / 1024);
  return new ServiceError(
    'UPLOAD_TOO_LARGE',
    'invalid',
    {
      zh: `上传的文件超过 ${megabytes} MB 上限，未保存任何内容；请压缩、拆分或去掉图片后再上传`,
      en: `The upload is over the ${megabytes} MB limit and nothing was stored: compress it, split it or remove images`,
    },
    { field: 'file' },
  );
}

/** Fastify's error handler: every error in the one shape. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof ServiceError) {
    // A refusal for being busy says when to come back; the rate limiter has set its own by then.
    if (error.kind === 'rate-limited' && !reply.hasHeader('retry-after')) {
      void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    }
    return reply.status(statusOf(error.kind)).send(errorJson(error));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    return reply.status(400).send(errorJson(schemaRefusal(error.validation, error.validationContext)));
  }
  const client = fastifyClientError(error);
  if (client !== null) return reply.status(client.status).send(client.body);
  const correlationId = randomUUID();
  request.log.error({ err: error, correlationId }, 'unexpected error');
  return reply.status(500).send({
    error: {
      code: 'INTERNAL',
      message: {
        zh: `服务器内部错误，请稍后再试；如需报告，请附上编号 ${correlationId}`,
        en: `Internal error: try again later; if you report it, quote ${correlationId}`,
      },
      at: {},
      correlationId,
    },
  } satisfies ErrorBody);
}

/** The answer for a URL no route serves. */
export function handleNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const error = new ServiceError('ROUTE_NOT_FOUND', 'not-found', {
    zh: `没有此接口：${request.method} ${request.url}`,
    en: `No such endpoint: ${request.method} ${request.url}`,
  });
  return reply.status(404).send(errorJson(error));
}
