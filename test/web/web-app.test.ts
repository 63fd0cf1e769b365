/**
 * The web app as the server sees it: every endpoint the browser client declares exists in the API's OpenAPI
 * description with that method (so a renamed route breaks the suite, not a user's screen), and the built app is
 * served at / with the browser's router taking any other page address.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWebApp } from '../../src/http/web.ts';
import { testDialects } from '../db/dialects.ts';
import { openApi } from '../http/fixture.ts';
import type { ApiFixture } from '../http/fixture.ts';

const API_DIR = fileURLToPath(new URL('../../web/src/api/', import.meta.url));

interface DeclaredRoute {
  method: string;
  path: string;
}

/** Loads every module of the web client (declaring its routes) and answers what they declared. */
async function clientRoutes(): Promise<DeclaredRoute[]> {
  const files = (await readdir(API_DIR)).filter((name) => name.endsWith('.ts')).sort();
  for (const name of files) await import(pathToFileURL(join(API_DIR, name)).href);
  const http = (await import(pathToFileURL(join(API_DIR, 'http.ts')).href)) as {
    declaredRoutes(): DeclaredRoute[];
  };
  return http.declaredRoutes();
}

describe('the web client against the API', () => {
  let api: ApiFixture;
  beforeAll(async () => {
    const [first] = testDialects();
    if (first === undefined) throw new Error('no test dialect');
    api = await openApi(first);
  });
  afterAll(async () => {
    await api.close();
  });

  it('calls only endpoints the OpenAPI description has, with their methods', async () => {
    const spec = (await api.app.inject('/api/docs/json')).json<{ paths: Record<string, Record<string, unknown>> }>();
    const routes = await clientRoutes();
    expect(routes.length).toBeGreaterThan(5);
    const missing = routes.filter(
      (route) => spec.paths[`/api${route.path}`]?.[route.method.toLowerCase()] === undefined,
    );
    expect(missing).toEqual([]);
  });
});

describe('the built web app at /', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'eduplan-web-'));
    await mkdir(join(root, 'assets'));
    await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('answers a bookmarked screen with the app, assets for a year, and unknown API addresses in the error shape', async () => {
    const app = Fastify();
    await registerWebApp(app, root);
    const page = await app.inject('/plans/5?line=44');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    const api = await app.inject('/api/nothing-here');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    expect((await app.inject({ method: 'POST', url: '/plans' })).statusCode).toBe(404);
    await app.close();
  });

  it('says how to build the app when it is not built, instead of a bare 404', async () => {
    const app = Fastify();
    await registerWebApp(app, join(root, 'missing'));
    const page = await app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('npm run build:web');
    await app.close();
  });
});
