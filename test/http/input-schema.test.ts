/**
 * Every input is validated by a schema and unknown fields are refused, for every route the app serves: the cases are
 * generated from the OpenAPI description (itself generated from the route schemas), so a new route is covered the
 * day it is added. List routes are paged with a bounded limit, or say here why their answer is bounded anyway.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/http/errors.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from './fixture.ts';
import type { ApiFixture } from './fixture.ts';

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  maximum?: number;
  additionalProperties?: unknown;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  schema?: JsonSchema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}

interface Route {
  method: string;
  path: string;
  operation: Operation;
}

/**
 * GET routes without `limit`, and what bounds their answer. A new GET route that answers a list must page it or say
 * here why it need not: the test fails until it does one or the other.
 */
const BOUNDED: Readonly<Record<string, string>> = {
  'GET /api/health': 'one object',
  'GET /api/regions': 'the children of one region: at most ~200 (a province has ~120 counties)',
  'GET /api/regions/{code}': 'one region and its ancestors',
  'GET /api/indicators': 'the catalogue: ~100 entries, maintained by the province',
  'GET /api/plans/{id}': 'one plan',
  'GET /api/plans/{id}/source': "one plan's text, bounded by the 20 MB upload limit",
  'GET /api/plans/{id}/alignment': "one plan's indicator rows",
  'GET /api/me': 'one user',
  'GET /api/users':
    "the accounts of the manager's region subtree: a province's bureaus, a few per county (~1,000), the user " +
    'screen filters by region and role',
  'GET /api/users/grants': 'the roles one may grant: at most six',
  'GET /api/observations/{id}/history': "one figure's versions and steps",
  'GET /api/aggregates': 'one region and year: one row per catalogue subject',
  'GET /api/datasets': 'one region and year: the data elements its plans need (~100)',
  'GET /api/templates': 'one region and year: one workbook of the data elements (~100 rows)',
  'GET /api/plans/{id}/progress': "one plan's indicators (~50) for one region and year, with their series",
  'GET /api/plans/{id}/indicators/{rowNo}/rankings': 'the child regions of one region (~120 at most)',
  'GET /api/plans/{id}/region-lists': 'the child regions of one region (~120 at most)',
  'GET /api/plans/{id}/reports/{kind}': "one report of one plan and year, built by the job queue's rules",
  'GET /api/plans/{id}/report': "one report of one plan and year, built by the job queue's rules",
  'GET /api/jobs/{id}': 'one job',
  'GET /api/jobs/{id}/result': "one job's file",
  'GET /api/plans/{id}/next-plan': "one plan's indicator rows",
  'GET /api/plans/{id}/commitments': "one plan's 专栏 commitments (~100)",
  'GET /api/plans/{id}/commitments/{position}/history': "one commitment's versions",
  'GET /api/plans/{id}/task-suggestions': "one plan's chapters",
  'GET /api/plans/{id}/tasks': "one plan's tasks (hundreds at most); GET /api/tasks pages across plans",
  'GET /api/tasks/{id}': 'one task',
  'GET /api/tasks/{id}/history': "one task's versions",
  'GET /api/plans/{id}/checklist': "one plan's commitments and tasks",
  'GET /api/evidence/{id}': 'one file, bounded by the upload limit',
};

/** The largest page any list answers, whatever the client asks. */
const MAX_PAGE = 1000;

/** A value each path parameter's schema accepts, so the request reaches the body and query checks. */
function pathValue(parameter: Parameter): string {
  const schema = parameter.schema ?? {};
  const [first] = schema.enum ?? [];
  if (typeof first === 'string' || typeof first === 'number') return String(first);
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  if (parameter.name === 'code') return '140000';
  return '1';
}

/** Every field a refusal names: the first in `at`, all of them in `details`. */
function fieldsOf(body: ErrorBody): string[] {
  return [body.error.at.field, ...(body.error.details ?? []).map((detail) => detail.at.field)].filter(
    (field): field is string => field !== undefined,
  );
}

function urlOf(route: Route): string {
  const parameters = route.operation.parameters ?? [];
  return route.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const parameter = parameters.find((p) => p.in === 'path' && p.name === name);
    if (parameter === undefined) throw new Error(`${route.method} ${route.path}: {${name}} has no schema`);
    return pathValue(parameter);
  });
}

async function routesOf(app: FastifyInstance): Promise<Route[]> {
  await app.ready();
  const document = app.swagger() as { paths: Record<string, Record<string, Operation>> };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

describe.each(testDialects())('input validation on $kind', (dialect) => {
  let api: ApiFixture;
  let routes: Route[];

  beforeAll(async () => {
    api = await openApi(dialect);
    routes = await routesOf(api.app);
  });
  afterAll(async () => {
    await api.close();
  });

  it('describes every API route, with a schema for each of its path parameters', () => {
    expect(routes.length).toBeGreaterThan(50);
    for (const route of routes) {
      const named = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      const described = (route.operation.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      expect(described.sort(), `${route.method} ${route.path}`).toEqual(named.sort());
    }
  });

  it('refuses an unknown field in every JSON body, naming it, and documents additionalProperties: false', async () => {
    const withBody = routes.filter((route) => route.operation.requestBody?.content['application/json'] !== undefined);
    expect(withBody.length).toBeGreaterThan(15);
    for (const route of withBody) {
      const label = `${route.method} ${route.path}`;
      expect(route.operation.requestBody?.content['application/json']?.schema?.additionalProperties, label).toBe(false);
      const response = await api.app.inject({
        method: route.method as 'POST' | 'PATCH',
        url: urlOf(route),
        payload: { probeUnknownField: 1 },
      });
      expect(response.statusCode, label).toBe(400);
      const body = response.json<ErrorBody>();
      expect(body.error.code, label).toBe('REQUEST_INVALID');
      expect(fieldsOf(body), label).toContain('probeUnknownField');
    }
  });

  it('refuses an unknown query parameter, naming it, so a misspelt filter never widens a list', async () => {
    // Fastify checks the body before the query: routes with a JSON body are covered by the same hook (strict-input.ts)
    // but would answer for their missing body fields first.
    const withoutBody = routes.filter((route) => route.operation.requestBody === undefined);
    expect(withoutBody.length).toBeGreaterThan(40);
    for (const route of withoutBody) {
      const label = `${route.method} ${route.path}`;
      const response = await api.app.inject({
        method: route.method as 'GET' | 'POST' | 'PATCH',
        url: `${urlOf(route)}?regoin=140900`,
      });
      expect(response.statusCode, label).toBe(400);
      expect(fieldsOf(response.json<ErrorBody>()), label).toContain('regoin');
    }
  });

  it(`pages every list with a limit of at most ${String(MAX_PAGE)}, or says why its answer is bounded`, async () => {
    const gets = routes.filter((route) => route.method === 'GET');
    const unaccounted: string[] = [];
    for (const route of gets) {
      const label = `${route.method} ${route.path}`;
      const limit = (route.operation.parameters ?? []).find((p) => p.in === 'query' && p.name === 'limit');
      if (limit === undefined) {
        if (BOUNDED[label] === undefined) unaccounted.push(label);
        continue;
      }
      const maximum = limit.schema?.maximum;
      expect(maximum, label).toBeDefined();
      expect(maximum ?? Infinity, label).toBeLessThanOrEqual(MAX_PAGE);
      const response = await api.app.inject({
        method: 'GET',
        url: `${urlOf(route)}?limit=${String((maximum ?? 0) + 1)}`,
      });
      expect(response.statusCode, label).toBe(400);
      expect(fieldsOf(response.json<ErrorBody>()), label).toContain('limit');
    }
    expect(unaccounted, 'GET routes that neither page nor say why they are bounded').toEqual([]);
    const stale = Object.keys(BOUNDED).filter((label) => !gets.some((route) => `GET ${route.path}` === label));
    expect(stale, 'entries of BOUNDED for routes that no longer exist').toEqual([]);
  });
});
