/**
 * Data import against PostgreSQL's own COPY: SYNTHETIC national figures (bench/synthetic/national.ts) written to a
 * CSV file on disk, imported through the full path (importDataFile: the file streamed in chunks, every row resolved
 * and checked, heads, versions and events stored, one audit entry, one transaction), against COPY of the same file
 * into a bare table with the same columns, on the same database in the same run. Each run on a fresh
 * database with the regions and published plans of the provinces the rows come from. Memory: the process's RSS
 * sampled every 50 ms during the import (PGlite in memory holds the database itself in the process, so its RSS grows
 * with the rows stored; the JS heap shows what the import itself holds).
 *
 * Run: node --import tsx bench/import.bench.ts [--quick] [--rows n] [--runs n] [--floor] [--out file.json]
 * (default: 1,000,000 rows once, on PostgreSQL when DATABASE_URL is set, else PGlite; --quick: 50,000 rows three
 * times on every engine; --floor adds the same rows written with no check, the storage's own cost.)
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { Database } from '../src/db/schema.ts';
import { pgliteParsers } from '../src/db/type-parsers.ts';
import { SYSTEM_CONTEXT } from '../src/services/audit.ts';
import { importDataFile } from '../src/services/observation.import.ts';
import { createObservationService } from '../src/services/observation.service.ts';
import { createPlanService } from '../src/services/plan.service.ts';
import { onServer } from './databases.ts';
import { ALL_PROVINCES, loadNationalDataset, nationalFigures } from './synthetic/national.ts';
import { handOver } from './output.ts';
import { median } from './stats.ts';

const SEED = 20_261_207;
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean' },
    out: { type: 'string' },
    rows: { type: 'string' },
    runs: { type: 'string' },
    floor: { type: 'boolean' },
  },
});
const quick = args.quick === true;
// What fits the runner's 15 minutes on the 2-core reference machine: the import runs at 3,000-8,000 rows/s there,
// so the full run imports the million rows once, on PostgreSQL when DATABASE_URL is set (the COPY the issue names),
// else on PGlite; --quick imports 50,000 three times on every engine.
const RUNS = Number(args.runs ?? (quick ? 3 : 1));
const wanted = Number(args.rows ?? (quick ? 50_000 : 1_000_000));

/** One engine's database for one run, with COPY into a bare table of it. */
interface BenchDatabase {
  db: Kysely<Database>;
  copy(file: string): Promise<void>;
  close(): Promise<void>;
}

/** An engine: a template database with the regions and plans, loaded once, and a fresh copy of it for each run. */
interface Engine {
  name: 'pglite' | 'postgres';
  label: string;
  prepare(load: (db: Kysely<Database>) => Promise<void>): Promise<void>;
  open(run: number): Promise<BenchDatabase>;
  dispose(): Promise<void>;
}

const BARE = sql`create table bare (region text, indicator text, year int, value float8, unit text, source text)`;

// Opened as database.ts opens it (same parsers, migrations run on the template), so that COPY can be given the file
// as a blob; each run starts from the template's data directory, dumped once.
function pgliteEngine(): Engine {
  let template: Blob | File | null = null;
  return {
    name: 'pglite',
    label: 'PGlite in memory',
    prepare: async (load) => {
      const pglite = await PGlite.create('memory://', { parsers: pgliteParsers });
      const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
      await migrateToLatest(db);
      await load(db);
      await BARE.execute(db);
      template = await pglite.dumpDataDir('none');
      await db.destroy();
    },
    open: async () => {
      if (template === null) throw new Error('prepare first');
      const pglite = await PGlite.create('memory://', { parsers: pgliteParsers, loadDataDir: template });
      const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
      return {
        db,
        copy: async (file) => {
          const blob = new Blob([readFileSync(file)]);
          await pglite.query("copy bare from '/dev/blob' with (format csv, header true)", [], { blob });
        },
        close: () => db.destroy(),
      };
    },
    dispose: () => Promise.resolve(),
  };
}

// Throwaway databases (a template, then one copy of it per run), so the bench never touches the test database.
function postgresEngine(url: string): Engine {
  const { host } = new URL(url);
  const prefix = `eduplan_bench_${String(process.pid)}`;
  const at = (name: string): string => {
    const scoped = new URL(url);
    scoped.pathname = `/${name}`;
    return scoped.href;
  };
  const created: string[] = [];
  return {
    name: 'postgres',
    label: `PostgreSQL (${host})`,
    prepare: async (load) => {
      await onServer(url, `create database ${prefix}_template`);
      created.push(`${prefix}_template`);
      const opened = await openDatabase({ databaseUrl: at(`${prefix}_template`), dataDir: 'memory://' });
      await load(opened.db);
      await BARE.execute(opened.db);
      await opened.close();
    },
    open: async (run) => {
      const name = `${prefix}_${String(run)}`;
      await onServer(url, `create database ${name} template ${prefix}_template`);
      created.push(name);
      const opened = await openDatabase({ databaseUrl: at(name), dataDir: 'memory://' });
      return {
        db: opened.db,
        copy: (file) => {
          const copied = spawnSync(
            'psql',
            [at(name), '-v', 'ON_ERROR_STOP=1', '-c', `\\copy bare from '${file}' with (format csv, header true)`],
            { encoding: 'utf8' },
          );
          if (copied.status !== 0) throw new Error(`psql \\copy failed: ${copied.stderr}`);
          return Promise.resolve();
        },
        close: () => opened.close(),
      };
    },
    dispose: async () => {
      for (const name of created.reverse()) await onServer(url, `drop database if exists ${name}`);
    },
  };
}

/**
 * What the tables cost without any check: heads, versions and create events written from the bare table by three
 * INSERT ... SELECT statements in one transaction, on a fresh copy of the template (so the import's run is untouched).
 */
async function storageFloor(engine: Engine, run: number, file: string): Promise<number> {
  const database = await engine.open(run);
  try {
    await database.copy(file);
    const start = process.hrtime.bigint();
    await database.db.transaction().execute(async (trx) => {
      await sql`insert into observations (region_code, subject_kind, subject_id, year, status, current_version,
          created_at, updated_at)
        select region, 'element', indicator, year, 'draft', 1, now(), now() from bare`.execute(trx);
      await sql`insert into observation_versions (observation_id, version, value, unit, qualifier, source, origin,
          file_name, created_at)
        select o.id, 1, b.value, b.unit, 'exact', b.source, 'file', 'synthetic-national.csv', now()
        from bare b join observations o on (o.region_code, o.subject_kind, o.subject_id, o.year)
          = (b.region, 'element', b.indicator, b.year)`.execute(trx);
      await sql`insert into observation_events (observation_id, version, action, to_status, at)
        select id, 1, 'create', 'draft', now() from observations`.execute(trx);
    });
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    await database.close();
  }
}

/** The provinces whose figures make up the rows (the largest first), and the CSV of exactly that many rows. */
async function writeCsv(file: string, rows: number): Promise<{ provinces: string[]; rows: number }> {
  const provinces: string[] = [];
  const out = createWriteStream(file);
  out.write('region,indicator,year,value,unit,source\n');
  let written = 0;
  for (const province of ALL_PROVINCES) {
    if (written >= rows) break;
    provinces.push(province);
    for (const figure of nationalFigures({ seed: SEED, provinces: [province] })) {
      if (written >= rows) break;
      const line = `${figure.region},${figure.indicator},${String(figure.year)},${String(figure.value)},${figure.unit},"${figure.source}"\n`;
      if (!out.write(line)) await once(out, 'drain');
      written += 1;
    }
  }
  out.end();
  await once(out, 'finish');
  return { provinces, rows: written };
}

interface RunResult {
  importSeconds: number;
  copySeconds: number;
  rssBeforeMB: number;
  peakRssMB: number;
  /** RSS and JS heap when 100,000 rows had been read, and at the end. */
  at100k: { rssMB: number; heapMB: number } | null;
  atEnd: { rssMB: number; heapMB: number };
}

const MB = 1024 * 1024;
const memory = (): { rssMB: number; heapMB: number } => {
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMB: rss / MB, heapMB: heapUsed / MB };
};

async function runOnce(engine: Engine, run: number, file: string, data: { provinces: string[]; rows: number }) {
  const database = await engine.open(run);
  try {
    let start = process.hrtime.bigint();
    await database.copy(file);
    const copySeconds = Number(process.hrtime.bigint() - start) / 1e9;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    let at100k: RunResult['at100k'] = null;
    const size = statSync(file).size;
    // The progress counts bytes read; the rows are of even length, so 100,000 rows are this share of the file.
    const bytesAt100k = (size * 100_000) / data.rows;
    start = process.hrtime.bigint();
    const result = await importDataFile(
      createObservationService(database.db),
      { bytes: createReadStream(file), fileName: 'synthetic-national.csv', submit: false, size },
      SYSTEM_CONTEXT,
      (progress) => {
        if (at100k === null && data.rows >= 100_000 && progress.done >= bytesAt100k) at100k = memory();
      },
    );
    const importSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    clearInterval(sampler);
    const atEnd = memory();
    peak = Math.max(peak, atEnd.rssMB * MB);
    if (result.created !== data.rows) throw new Error(`stored ${String(result.created)} of ${String(data.rows)}`);
    return {
      importSeconds,
      copySeconds,
      rssBeforeMB: rssBefore / MB,
      peakRssMB: peak / MB,
      at100k,
      atEnd,
    };
  } finally {
    await database.close();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'eduplan-import-bench-'));
const file = join(dir, 'synthetic-national.csv');
const data = await writeCsv(file, wanted);
const megabytes = statSync(file).size / 1e6;
const url = process.env.DATABASE_URL;
const serverGiven = url !== undefined && url !== '';
const engines = quick
  ? [pgliteEngine(), ...(serverGiven ? [postgresEngine(url)] : [])]
  : [serverGiven ? postgresEngine(url) : pgliteEngine()];
const results: { engine: Engine; runs: RunResult[]; floorSeconds: number | null }[] = [];
const load = async (db: Kysely<Database>): Promise<void> => {
  await loadNationalDataset(db, createPlanService(db), { seed: SEED, provinces: data.provinces, observations: 'none' });
};
try {
  for (const engine of engines) {
    try {
      await engine.prepare(load);
      const runs: RunResult[] = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await runOnce(engine, run, file, data));
      // After the runs, so that its memory does not count in theirs.
      const floorSeconds = args.floor === true ? await storageFloor(engine, RUNS, file) : null;
      results.push({ engine, runs, floorSeconds });
    } finally {
      await engine.dispose();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const mb = (value: number): string => value.toFixed(0);
const summary = results.map(({ engine, runs, floorSeconds }) => {
  const importSeconds = median(runs.map((run) => run.importSeconds));
  const copySeconds = median(runs.map((run) => run.copySeconds));
  const worst = runs.reduce((a, b) => (b.peakRssMB > a.peakRssMB ? b : a));
  return { engine, importSeconds, copySeconds, floorSeconds, worst, ratio: importSeconds / copySeconds };
});
const lines = [
  '## Data import against COPY (bench/import.bench.ts)',
  '',
  `${String(data.rows)} SYNTHETIC figures (bench/synthetic/national.ts, seed ${String(SEED)}: provinces ${data.provinces.join(', ')}; ${megabytes.toFixed(1)} MB of CSV on disk), ${String(RUNS)} run${RUNS === 1 ? '' : 's (medians)'} on a fresh database with those provinces' regions and published plans. Import: \`importDataFile\` streaming the file (chunks of 5,000 rows, every check, heads, versions and create events as drafts, the default of \`eduplan import-data\` and of the API, one audit entry, one transaction). Baseline: COPY of the same file into a bare table with the same six columns, same database, same run.`,
  '',
  '| engine | import | rows/s | COPY | rows/s | import / COPY |',
  '|---|---|---|---|---|---|',
  ...summary.map(
    ({ engine, importSeconds, copySeconds, ratio }) =>
      `| ${engine.label} | ${importSeconds.toFixed(1)} s | ${(data.rows / importSeconds).toFixed(0)} | ${copySeconds.toFixed(2)} s | ${(data.rows / copySeconds).toFixed(0)} | ${ratio.toFixed(1)}× |`,
  ),
  '',
  ...summary.flatMap(({ engine, floorSeconds, copySeconds }) =>
    floorSeconds === null
      ? []
      : [
          `Storage floor on ${engine.label} (one run): the same rows written into observations, observation_versions and observation_events by three INSERT ... SELECT from the bare table, no check: ${floorSeconds.toFixed(1)} s, ${(data.rows / floorSeconds).toFixed(0)} rows/s, ${(floorSeconds / copySeconds).toFixed(1)}× COPY.`,
          '',
        ],
  ),
  'Memory during the import (the run with the highest peak; RSS sampled every 50 ms; heap = V8 heap used):',
  '',
  '| engine | RSS before | peak RSS | RSS / heap at 100,000 rows | RSS / heap at the end |',
  '|---|---|---|---|---|',
  ...summary.map(({ engine, worst }) => {
    const at = worst.at100k === null ? '–' : `${mb(worst.at100k.rssMB)} / ${mb(worst.at100k.heapMB)} MB`;
    return `| ${engine.label} | ${mb(worst.rssBeforeMB)} MB | ${mb(worst.peakRssMB)} MB | ${at} | ${mb(worst.atEnd.rssMB)} / ${mb(worst.atEnd.heapMB)} MB |`;
  }),
  '',
  'PGlite in memory keeps the database in the process, so its RSS grows with the rows stored whatever the import does; the heap is what the import holds.',
  '',
];
const section = lines.join('\n');
// The headline is the server's when there is one: PostgreSQL's COPY is the baseline the issue names.
const first = summary.find((one) => one.engine.name === 'postgres') ?? summary[0];
const figures = {
  importVsCopyRatio: first?.ratio ?? null,
  importRowsPerSecond: first === undefined ? null : data.rows / first.importSeconds,
  copyRowsPerSecond: first === undefined ? null : data.rows / first.copySeconds,
  peakRssMB: first?.worst.peakRssMB ?? null,
  rows: data.rows,
  engine: first?.engine.name ?? 'pglite',
  engines: summary.map(({ engine, importSeconds, copySeconds, floorSeconds, ratio, worst }) => ({
    engine: engine.name,
    importSeconds,
    copySeconds,
    floorSeconds,
    importVsCopyRatio: ratio,
    importRowsPerSecond: data.rows / importSeconds,
    copyRowsPerSecond: data.rows / copySeconds,
    rssBeforeMB: worst.rssBeforeMB,
    peakRssMB: worst.peakRssMB,
    at100k: worst.at100k,
    atEnd: worst.atEnd,
  })),
};
handOver(section, figures, { quick, out: args.out });
