/**
 * Data import throughput: a city's SYNTHETIC figures (bench/synthetic/monitoring-data.ts: 14 counties, 5 years, 10
 * data elements) imported from CSV through the full path (read, resolve, check, store with versions and events,
 * audit), against a baseline measured in the same run on the same database: the same rows in one plain INSERT
 * into a bare table, the least any import must do. Appends its section to bench/results.md. Run: npm run bench
 */
import { appendFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { regionRepository } from '../src/db/region.repository.ts';
import { seedSamplePlans } from '../src/server.ts';
import { SYSTEM_CONTEXT } from '../src/services/audit.ts';
import { importDataFile } from '../src/services/observation.import.ts';
import { createObservationService } from '../src/services/observation.service.ts';
import { createPlanService } from '../src/services/plan.service.ts';
import { syntheticCsv, syntheticFigures } from './synthetic/monitoring-data.ts';
import { median } from './stats.ts';

const RUNS = 3;

const importSeconds: number[] = [];
const baselineSeconds: number[] = [];
let rows = 0;
for (let run = 0; run < RUNS; run += 1) {
  const database = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://' });
  await seedSamplePlans(createPlanService(database.db));
  const counties = (await regionRepository(database.db).listChildren('140900')).map((region) => region.code);
  const figures = syntheticFigures({ seed: run + 1, regions: counties, years: [2021, 2022, 2023, 2024, 2025] });
  rows = figures.length;
  const bytes = new TextEncoder().encode(syntheticCsv(figures));

  await sql`create table bare (region text, indicator text, year int, value float8, unit text, source text)`.execute(
    database.db,
  );
  let start = process.hrtime.bigint();
  await database.db.transaction().execute(async (trx) => {
    await sql`insert into bare values ${sql.join(
      figures.map((f) => sql`(${f.region}, ${f.indicator}, ${f.year}, ${f.value}, ${f.unit}, ${f.source})`),
    )}`.execute(trx);
  });
  baselineSeconds.push(Number(process.hrtime.bigint() - start) / 1e9);

  start = process.hrtime.bigint();
  const result = await importDataFile(
    createObservationService(database.db),
    { bytes, fileName: 'synthetic.csv', submit: true },
    SYSTEM_CONTEXT,
  );
  importSeconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  if (result.created !== rows) throw new Error(`stored ${result.created} of ${rows}`);
  await database.close();
}

const rate = rows / median(importSeconds);
const baseline = rows / median(baselineSeconds);
const report = [
  '## Data import (npm run bench)',
  '',
  `PGlite in memory, ${RUNS} runs of ${rows} SYNTHETIC figures from CSV (one city's 14 counties × 5 years × 10 elements), medians.`,
  '',
  '| what | median | rows/s | ratio to baseline |',
  '|---|---|---|---|',
  `| import through validation, versions, events and audit | ${(median(importSeconds) * 1000).toFixed(0)} ms | ${rate.toFixed(0)} | ${(baseline / rate).toFixed(1)}× slower |`,
  `| baseline: one INSERT of the same rows into a bare table | ${(median(baselineSeconds) * 1000).toFixed(0)} ms | ${baseline.toFixed(0)} | 1× |`,
  '',
  `Peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB.`,
  '',
].join('\n');
process.stdout.write(report);
appendFileSync(new URL('./results.md', import.meta.url), `\n${report}`);
