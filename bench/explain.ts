/**
 * The query plans behind the figures: EXPLAIN ANALYZE of the queries a province's evaluation and the API's reads
 * make, on a SYNTHETIC dataset of several provinces (bench/synthetic/national.ts), so an index is added or dropped
 * by looking at what PostgreSQL does rather than by guessing. Prints each plan; docs/scale.md quotes them.
 *
 * Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test node --import tsx bench/explain.ts [provinces]
 * (PGlite without DATABASE_URL). It works in a schema of its own and drops it at the end.
 */
import { sql } from 'kysely';
import { regionRepository } from '../src/db/region.repository.ts';
import { createPlanService } from '../src/services/plan.service.ts';
import { benchDatabase } from './databases.ts';
import { INDICATORS, ELEMENTS, loadNationalDataset } from './synthetic/national.ts';

const provinces = (process.argv[2] ?? '13,21,22,23').split(',');
const database = await benchDatabase(process.env.DATABASE_URL === undefined ? 'pglite' : 'postgresql');
try {
  const started = Date.now();
  const loaded = await loadNationalDataset(database.db, createPlanService(database.db), {
    seed: 1,
    provinces,
    observations: 'published',
  });
  await sql`analyze`.execute(database.db);
  process.stdout.write(
    `# ${database.kind}: ${String(loaded.regions)} regions, ${String(loaded.plans)} plans, ${String(loaded.observations)} figures (loaded in ${String(Math.round((Date.now() - started) / 1000))} s)\n\n`,
  );
  const province = `${provinces[0] ?? '13'}0000`;
  const codes = (await regionRepository(database.db).subtree(province)).map((region) => region.code);
  const subjects = [...INDICATORS, ...ELEMENTS].map((subject) => subject.id);
  const queries: [string, ReturnType<typeof sql>][] = [
    [
      'a province subtree (regions)',
      sql`with recursive tree as (select code, parent_code from regions where code = ${province}
          union all select r.code, r.parent_code from regions r join tree t on r.parent_code = t.code)
          select count(*) from tree`,
    ],
    [
      "every figure a province's evaluation reads (observations.series)",
      sql`select o.id, o.region_code, o.subject_id, o.year, v.value, v.qualifier
          from observations o join observation_versions v on v.observation_id = o.id and v.version = o.published_version
          where o.region_code in (${sql.join(codes)}) and o.subject_id in (${sql.join(subjects)})
            and o.year >= 2015 and o.year <= 2030 order by o.year`,
    ],
    [
      "one county's figures of one year (the import's checks)",
      sql`select o.subject_id, v.value from observations o
          join observation_versions v on v.observation_id = o.id and v.version = o.current_version
          where o.region_code = ${codes[codes.length - 1] ?? province} and o.year = 2024`,
    ],
    [
      'the published plans of a subtree',
      sql`select id from plans where status = 'published' and region_code in (${sql.join(codes)})`,
    ],
    [
      'one subject across every region of a year (rankings, aggregation)',
      sql`select o.region_code, v.value from observations o
          join observation_versions v on v.observation_id = o.id and v.version = o.published_version
          where o.subject_id = 'preschool-quality-rate' and o.year = 2024`,
    ],
  ];
  for (const [what, query] of queries) {
    const { rows } = await sql<Record<string, string>>`explain (analyze, buffers off, costs off) ${query}`.execute(
      database.db,
    );
    process.stdout.write(`## ${what}\n\n${rows.map((row) => Object.values(row)[0] ?? '').join('\n')}\n\n`);
  }
} finally {
  await database.close();
}
