/**
 * Backup and restore, round trip, between every pair of engines the run has (PGlite -> PGlite always; with
 * DATABASE_URL also PGlite -> PostgreSQL, PostgreSQL -> PGlite and PostgreSQL -> PostgreSQL): an installation with the
 * five sample plans, figures through the whole workflow with a correction, a task with progress and an evidence file,
 * an answered public message and the audit trail of it all comes back row for row identical, and a damaged or cut
 * file restores nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  occupiedTables,
  readHeader,
  restoreRows,
  writeBackup,
} from '../../src/db/backup.ts';
import { migrationNames } from '../../src/db/migrate.ts';
import type { TableCounts } from '../../src/db/backup.ts';
import type { OpenDatabase } from '../../src/db/database.ts';
import { seedSamplePlans } from '../../src/server.ts';
import { createAccountService } from '../../src/services/account.service.ts';
import { SYSTEM_CONTEXT } from '../../src/services/audit.ts';
import type { ReportResult } from '../../src/services/observation.service.ts';
import { testDialects } from './dialects.ts';
import type { TestDialect } from './dialects.ts';
import { multipart, openApi } from '../http/fixture.ts';
import type { ApiFixture } from '../http/fixture.ts';
import { tinyPdf } from '../http/evidence.files.ts';

const LEAD = '省教育厅基础教育处';

/** Every line of a backup of the database, the header's time and engine aside. */
async function backupOf(database: OpenDatabase): Promise<{ lines: string[]; counts: TableCounts }> {
  const lines: string[] = [];
  const counts = await writeBackup(
    database.db,
    (line) => {
      lines.push(line);
      return Promise.resolve();
    },
    { engine: database.kind, now: new Date('2026-11-23T00:00:00Z') },
  );
  return { lines: [JSON.stringify({ ...JSON.parse(lines[0] ?? '{}'), engine: '' }), ...lines.slice(1)], counts };
}

function iterate(lines: readonly string[]): AsyncIterator<string> {
  return (async function* () {
    // Read as a file is read: one line at a time, each a turn of the event loop.
    for (const line of lines) yield await Promise.resolve(line);
  })();
}

/** An installation that has been used: every kind of record the issue names. */
async function usedInstallation(api: ApiFixture): Promise<void> {
  await seedSamplePlans(api.plans);
  const county = await api.signedIn('xinfu', 'county_reporter', '140902');
  const city = await api.signedIn('xinzhou', 'city_admin', '140900');
  const province = await api.signedIn('shanxi', 'province_admin', '140000');
  const sent = await api.request<ReportResult>('POST', '/api/observations', county, {
    items: [{ region: '140902', indicator: 'kindergarten-children', year: 2024, value: 9_120 }],
    submit: true,
  });
  expect(sent.status).toBe(201);
  const [item] = sent.body.items;
  const approved = await api.request<{ lock: number }>('POST', `/api/observations/${String(item?.id)}/approve`, city, {
    lock: item?.lock,
  });
  expect(approved.status).toBe(200);
  const published = await api.request('POST', `/api/observations/${String(item?.id)}/publish`, province, {
    lock: approved.body.lock,
  });
  expect(published.status).toBe(200);
  const corrected = await api.request('POST', '/api/observations', county, {
    items: [
      { region: '140902', indicator: 'kindergarten-children', year: 2024, value: 9_125, reason: '核对学籍系统后更正' },
    ],
  });
  expect(corrected.status).toBe(201);

  const plans = await api.request<{ plans: { id: number; region: { code: string } }[] }>('GET', '/api/plans', null);
  const shanxi = plans.body.plans.find((plan) => plan.region.code === '140000');
  const suggestions = await api.request<{ items: { sectionPosition: number }[] }>(
    'GET',
    `/api/plans/${String(shanxi?.id)}/task-suggestions`,
    province,
  );
  const task = await api.request<{ id: number; lock: number }>(
    'POST',
    `/api/plans/${String(shanxi?.id)}/tasks`,
    province,
    {
      sectionPosition: suggestions.body.items[0]?.sectionPosition,
      leadUnit: LEAD,
      regions: ['140900'],
      deadline: '2025-06-30',
    },
  );
  expect(task.status).toBe(201);
  const lead = await api.unitAccount('jichu', LEAD, '140000');
  const progress = await api.request('POST', `/api/tasks/${String(task.body.id)}/progress`, lead, {
    progress: 40,
    note: '已印发方案',
    lock: task.body.lock,
  });
  expect(progress.status).toBe(200);
  const file = multipart({ name: '方案.pdf', bytes: tinyPdf('学前教育扩容实施方案') }, { note: '印发稿' });
  const upload = await api.app.inject({
    method: 'POST',
    url: `/api/tasks/${String(task.body.id)}/evidence`,
    payload: file.payload,
    headers: { ...file.headers, cookie: lead },
  });
  expect(upload.statusCode).toBe(201);

  const message = await api.app.inject({
    method: 'POST',
    url: '/api/feedback',
    payload: { planId: shanxi?.id, message: '建议公开各县学前教育毛入园率的年度数据。' },
  });
  expect(message.statusCode).toBe(202);
}

const dialects = testDialects();
const pairs = dialects.flatMap((source) => dialects.map((target) => ({ source, target })));

describe.each(pairs)('backup on $source.kind, restore on $target.kind', ({ source, target }) => {
  let api: ApiFixture;
  let original: { lines: string[]; counts: TableCounts };

  beforeAll(async () => {
    api = await openApi(source);
    await usedInstallation(api);
    original = await backupOf(api.database);
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  async function fresh(dialect: TestDialect, work: (database: OpenDatabase) => Promise<void>): Promise<void> {
    const database = await dialect.open();
    try {
      await work(database);
    } finally {
      await database.close();
    }
  }

  it('brings back every plan, figure, version, task, file, message and audit entry, row for row', async () => {
    const counts = Object.fromEntries(original.counts.map(({ table, rows }) => [table, rows]));
    for (const table of [
      'plans',
      'plan_indicators',
      'observations',
      'observation_versions',
      'observation_events',
      'tasks',
      'task_updates',
      'evidence',
      'feedback',
      'users',
      'audit_log',
    ]) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
    expect(counts.plans).toBe(5);
    expect(counts.observation_versions).toBeGreaterThanOrEqual(2);
    expect(original.lines.join('\n')).not.toContain('"token_hash"');

    await fresh(target, async (database) => {
      const restored = await restoreRows(database.db, iterate(original.lines.slice(1)));
      expect(restored).toEqual(original.counts);
      // The restored database backs up to the same lines: the same rows, the same values, the same order.
      expect((await backupOf(database)).lines).toEqual(original.lines);
      const evidence = await database.db.selectFrom('evidence').select('content').where('kind', '=', 'file').execute();
      expect(evidence.map((row) => Buffer.from(row.content ?? []))).toEqual([
        Buffer.from(tinyPdf('学前教育扩容实施方案')),
      ]);
      // A new record after the restore gets an id of its own, past every restored one.
      const accounts = createAccountService(database.db);
      const { user } = await accounts.createUser(
        { username: 'after-restore', displayName: '恢复后新建', role: 'evaluator', regionCode: '140000' },
        SYSTEM_CONTEXT,
      );
      expect(user.id).toBeGreaterThan(counts.users ?? 0);
    });
  });

  it('restores nothing from a cut file or a damaged row, and says which table', async () => {
    const cut = original.lines.slice(1, Math.floor(original.lines.length / 2));
    const damaged = original.lines.slice(1).map((line) => line.replace('9125', '9126'));
    expect(damaged).not.toEqual(original.lines.slice(1));
    await fresh(target, async (database) => {
      await expect(restoreRows(database.db, iterate(cut))).rejects.toThrow(BackupError);
      await expect(restoreRows(database.db, iterate(cut))).rejects.toThrow(/cut short/);
      await expect(restoreRows(database.db, iterate(damaged))).rejects.toThrow(/observation_versions.*checksum/);
      expect(await occupiedTables(database.db)).toEqual([]);
    });
  });

  it('finds the used installation occupied, so a restore never lands on data', async () => {
    const occupied = await occupiedTables(api.database.db);
    expect(occupied.map((table) => table.table)).toEqual(expect.arrayContaining(['plans', 'users', 'audit_log']));
  });
});

describe('a backup this EduPlan cannot read', () => {
  const header = (fields: Record<string, unknown>) =>
    iterate([JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, ...fields })]);

  it('is refused when a newer EduPlan made it, naming the migration this one lacks', async () => {
    const known = await migrationNames();
    const future = '2099-01-01T00-00-00_from_a_newer_eduplan';
    await expect(readHeader(header({ migrations: [...known, future] }), known)).rejects.toThrow(future);
    await expect(readHeader(header({ migrations: known, version: BACKUP_VERSION + 1 }), known)).rejects.toThrow(
      `version ${String(BACKUP_VERSION + 1)}`,
    );
    await expect(readHeader(header({ migrations: known.slice(0, 3) }), known)).resolves.toMatchObject({
      migrations: known.slice(0, 3),
    });
  });
});
