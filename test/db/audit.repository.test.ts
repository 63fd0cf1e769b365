import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/audit.repository.ts';
import type { AuditRepository } from '../../src/db/audit.repository.ts';
import type { OpenDatabase } from '../../src/db/database.ts';
import { testDialects } from './dialects.ts';

const AT = new Date('2026-03-02T01:00:00Z');

describe.each(testDialects())('audit_log on $kind', (dialect) => {
  let database: OpenDatabase;
  let audit: AuditRepository;
  beforeAll(async () => {
    database = await dialect.open();
    audit = auditRepository(database.db);
  });
  afterAll(() => database.close());

  const entry = (entityId: string, regionCode: string | null) => ({
    at: AT,
    actor_user_id: null,
    actor_ip: '203.0.113.7',
    action: 'test.write',
    entity: 'test',
    entity_id: entityId,
    region_code: regionCode,
    before: JSON.stringify({ value: 1 }),
    after: JSON.stringify({ value: 2, list: [1, '二'] }),
  });

  it('appends an entry and gives back what it stored, JSON included', async () => {
    const stored = await audit.append(entry('a', '140902'));
    expect(stored).toMatchObject({ action: 'test.write', actor_ip: '203.0.113.7', region_code: '140902' });
    expect(stored.at.toISOString()).toBe(AT.toISOString());
    expect(stored.before).toEqual({ value: 1 });
    expect(stored.after).toEqual({ value: 2, list: [1, '二'] });
  });

  it('refuses UPDATE, DELETE and TRUNCATE: history cannot be rewritten, even with plain SQL', async () => {
    const { id } = await audit.append(entry('b', null));
    const db = database.db;
    await expect(db.updateTable('audit_log').set({ action: 'forged' }).where('id', '=', id).execute()).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(db.deleteFrom('audit_log').where('id', '=', id).execute()).rejects.toThrow(/append-only: DELETE/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only: TRUNCATE refused/);
    const kept = await db.selectFrom('audit_log').select('action').where('id', '=', id).executeTakeFirst();
    expect(kept?.action).toBe('test.write');
  });

  it('reads a region and everything below it, newest first, a page at a time', async () => {
    for (const [id, region] of [
      ['x1', '140900'],
      ['x2', '140902'],
      ['x3', '140302'],
      ['x4', '140000'],
    ] as const) {
      await audit.append({ ...entry(id, region), entity: 'scoped' });
    }
    const xinzhou = await audit.list({ withinRegion: '140900', entity: 'scoped', limit: 10 });
    expect(xinzhou.map((e) => e.entity_id)).toEqual(['x2', 'x1']);
    const shanxi = await audit.list({ withinRegion: '140000', entity: 'scoped', limit: 2 });
    expect(shanxi.map((e) => e.entity_id)).toEqual(['x4', 'x3']);
    const next = await audit.list({ withinRegion: '140000', entity: 'scoped', limit: 2, beforeId: shanxi[1]?.id });
    expect(next.map((e) => e.entity_id)).toEqual(['x2', 'x1']);
    expect(await audit.list({ entity: 'scoped', entityId: 'x3', limit: 10 })).toHaveLength(1);
  });
});
