/**
 * The web app (web/dist, built by Vite) served at / beside the API: hashed assets cached for a year, index.html never
 * cached, and any other GET outside /api answered with index.html so the browser's router can show the screen
 * (a bookmarked /plans/5 works). Without a build, / says how to make one instead of a bare 404.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { handleNotFound } from './errors.ts';

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>EduPlan</title>
<p>网页应用尚未构建：请运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建）。</p>
<p>The web app is not built: run <code>npm run build:web</code> (<code>npm start</code> builds it).</p>
<p>API: <a href="/api/docs">/api/docs</a></p></html>`;

function isPageRequest(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '';
  return !path.startsWith('/api/') && path !== '/api';
}

/** Serves the built web app from `root` (a directory holding index.html and assets/). */
export async function registerWebApp(app: FastifyInstance, root: string | undefined): Promise<void> {
  const built = root !== undefined && existsSync(join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      // The caching rule is ours (setHeaders): immutable hashed assets, index.html revalidated.
      cacheControl: false,
      setHeaders: (response, path) => {
        response.setHeader(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    if (!isPageRequest(request)) return handleNotFound(request, reply);
    if (!built) return reply.status(200).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
