/**
 * The one way the web app talks to the server. Every endpoint is declared once, at module load, with its method and
 * path template: the declaration returns a typed function, and the list of declared routes is checked against the
 * server's OpenAPI description by the test suite (test/web/api-routes.test.ts), so the client cannot call an endpoint
 * that does not exist.
 */
/* eslint-disable @typescript-eslint/no-unnecessary-type-parameters -- a route's parameter, query and body types are
   the declaring module's promise to its callers, named once where the route is declared. */

/** The server's error shape: `{ error: { code, message: { zh, en }, at?, details? } }`. */
export interface ApiErrorBody {
  code: string;
  message: { zh: string; en: string };
  at?: ErrorLocation;
  details?: ApiErrorDetail[];
}

/** Where a problem is: a field, a row of a file (with sheet and column), a line of a document, an item of a batch. */
export interface ErrorLocation {
  field?: string;
  row?: number;
  line?: number;
  file?: string;
  sheet?: string;
  column?: string;
  item?: number;
}

/** One of many problems, each with its own place. */
export interface ApiErrorDetail {
  code: string;
  message: { zh: string; en: string };
  at?: ErrorLocation;
}

/** A refusal or failure answered by the server (or the network), with the server's own words. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message.en);
    this.name = 'ApiError';
  }

  get code(): string {
    return this.body.code;
  }

  get details(): ApiErrorDetail[] {
    return this.body.details ?? [];
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A declared route, as `GET /plans/{id}` (the OpenAPI spelling). */
export interface DeclaredRoute {
  method: Method;
  path: string;
}

const declared: DeclaredRoute[] = [];

/** Every route the client declares (for the test that checks them against the OpenAPI description). */
export function declaredRoutes(): readonly DeclaredRoute[] {
  return declared;
}

/** Called when the server says the session is gone (401), so the app can send the person to sign in. */
let onUnauthenticated: (() => void) | null = null;
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

type PathParams = Record<string, string | number>;
export type Query = Record<string, string | number | boolean | null | undefined>;

function fill(template: string, params: PathParams | undefined): string {
  return template.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}

function queryString(query: Query | undefined): string {
  if (query === undefined) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/** The URL of an endpoint under /api, for links and downloads the browser follows itself. */
export function apiUrl(template: string, params?: PathParams, query?: Query): string {
  return `/api${fill(template, params)}${queryString(query)}`;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { error?: ApiErrorBody };
    if (body.error !== undefined) return new ApiError(response.status, body.error);
  } catch {
    // not JSON: a proxy's page or a dropped connection; fall through to a generic message
  }
  return new ApiError(response.status, {
    code: `HTTP_${response.status}`,
    message: { zh: `服务器返回错误（${response.status}）`, en: `The server answered ${response.status}` },
  });
}

async function send<T>(
  method: Method,
  url: string,
  body?: BodyInit,
  json = false,
  credentials: RequestCredentials = 'same-origin',
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials,
      headers: json
        ? { 'content-type': 'application/json', accept: 'application/json' }
        : { accept: 'application/json' },
      body: body ?? null,
    });
  } catch {
    throw new ApiError(0, {
      code: 'NETWORK',
      message: {
        zh: '无法连接服务器，请检查网络后重试',
        en: 'The server cannot be reached: check the network and retry',
      },
    });
  }
  if (response.status === 401 && onUnauthenticated !== null && !url.startsWith('/api/auth/')) onUnauthenticated();
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function declare(method: Method, template: string): void {
  declared.push({ method, path: template.replace(/:([A-Za-z]+)/g, '{$1}') });
}

/**
 * How a read is sent. `anonymous` leaves the session cookie out, so the server answers as it answers the public
 * (published data only) even to a signed-in person: the public portal's reads.
 */
export interface ReadOptions {
  anonymous?: boolean;
}

/** Declares GET `template`; the returned function takes the path parameters and the query. */
export function get<T, P extends PathParams | undefined = undefined, Q extends Query | undefined = undefined>(
  template: string,
  options: ReadOptions = {},
) {
  declare('GET', template);
  const credentials = options.anonymous === true ? 'omit' : 'same-origin';
  return (params: P, query?: Q): Promise<T> =>
    send<T>('GET', apiUrl(template, params, query), undefined, false, credentials);
}

/** Declares a JSON write (POST, PATCH, PUT, DELETE); the returned function takes the path parameters and the body. */
export function write<T, P extends PathParams | undefined = undefined, B = undefined>(
  method: Exclude<Method, 'GET'>,
  template: string,
) {
  declare(method, template);
  return (params: P, body: B): Promise<T> =>
    send<T>(
      method,
      apiUrl(template, params),
      body === undefined ? undefined : JSON.stringify(body),
      body !== undefined,
    );
}

/** Declares a multipart upload (a file and its fields). */
export function upload<T, P extends PathParams | undefined = undefined>(template: string) {
  declare('POST', template);
  return (params: P, form: FormData): Promise<T> => send<T>('POST', apiUrl(template, params), form);
}

/** Declares a download the browser follows itself (a report, a template); returns its URL. */
export function link<P extends PathParams | undefined = undefined, Q extends Query | undefined = undefined>(
  template: string,
) {
  declare('GET', template);
  return (params: P, query?: Q): string => apiUrl(template, params, query);
}
