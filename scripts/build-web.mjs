// Builds the web app into web/dist when it is missing or older than its sources, so `npm start` (and the browser
// tests) always serve the app as it is in the checkout. `--force` rebuilds regardless. EDUPLAN_WEB_DIST builds elsewhere
// (the browser tests of two checkouts, or two people, then never overwrite each other's build).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const webDir = fileURLToPath(new URL('../web/', import.meta.url));
const outDir = process.env.EDUPLAN_WEB_DIST || join(webDir, 'dist');
const builtIndex = join(outDir, 'index.html');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const force = process.argv.includes('--force');
if (!force && existsSync(builtIndex) && statSync(builtIndex).mtimeMs >= newestSource(webDir)) {
  console.log('web/dist is up to date');
} else {
  console.log('building the web app (web/dist)…');
  // A production build whatever the caller's NODE_ENV (vitest sets "test", which would bundle React's development
  // build, slower and with development-only ids).
  process.env.NODE_ENV = 'production';
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn', build: { outDir } });
}
