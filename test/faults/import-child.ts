/**
 * The process the kill test kills: imports a data file as `eduplan import-data` does, on the database the environment
 * names. With EDUPLAN_PAUSE_IN_TRANSACTION set it says INSIDE on stdout at the first insert of a figure, inside the
 * import's transaction, and holds still for a few seconds, so the parent's SIGKILL lands mid-transaction every time.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { KyselyPlugin } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/database.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import { importDataFile } from '../../src/services/observation.import.ts';
import { createObservationService } from '../../src/services/observation.service.ts';

const [file] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: import-child.ts <file.csv>');

let announced = false;
const pause: KyselyPlugin = {
  transformQuery(args) {
    const node = args.node;
    if (!announced && node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'observations') {
      announced = true;
      // Pipes are written synchronously on Linux: the parent reads INSIDE before the sleep below begins.
      process.stdout.write('INSIDE\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
    }
    return node;
  },
  transformResult: (args) => Promise.resolve(args.result),
};

const database = await openDatabase(loadConfig());
const db = process.env.EDUPLAN_PAUSE_IN_TRANSACTION === undefined ? database.db : database.db.withPlugin(pause);
const result = await importDataFile(
  createObservationService(db),
  { bytes: await readFile(file), fileName: basename(file), submit: true },
  SYSTEM_CONTEXT,
);
process.stdout.write(`DONE ${String(result.created)}\n`);
await database.close();
