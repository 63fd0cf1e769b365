import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;

/** A port nothing listens on now (PORT must be 1-65535, so the server cannot pick one itself). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('npm start (eduplan serve)', () => {
  it('boots on a fresh embedded database with the sample plans and statistics, prints the accounts and the URL', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'eduplan-serve-'));
    const child = spawn(process.execPath, [join(root, 'bin/eduplan.js'), 'serve'], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: '',
        EDUPLAN_DATA: dataDir,
        PORT: String(await freePort()),
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no URL within 25 s:\n${output}`));
        }, 25_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const found = /listening on (http:\/\/localhost:\d+)/.exec(output);
          if (found?.[1] !== undefined) {
            clearTimeout(timer);
            resolve(found[1]);
          }
        });
        child.on('exit', (code) => {
          reject(new Error(`exited with ${String(code)}:\n${output}`));
        });
      });
      expect(output).toMatch(/admin\s+\S{12,}\s+system_admin/);
      for (const demo of ['demo-province', 'demo-city', 'demo-county', 'demo-evaluator'])
        expect(output).toContain(demo);
      expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok', database: 'pglite' });
      const { plans } = (await (await fetch(`${url}/api/plans`)).json()) as { plans: { region: { code: string } }[] };
      expect(plans.map((plan) => plan.region.code).sort()).toEqual(['140000', '140300', '140600', '140900', '411200']);
      // The real published statistics are loaded too: 山西省's, with their sources, for anybody.
      expect(output).toMatch(/loaded 308 published statistics/);
      const { items } = (await (await fetch(`${url}/api/observations?region=140000`)).json()) as {
        items: { source: string | null; status: string }[];
      };
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((item) => item.status === 'published' && item.source !== null)).toBe(true);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);
});
