/** Builds the web app once before the browser tests (skipped when web/dist is newer than its sources). */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build-web.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
}
