/**
 * A portable logical backup: every table's rows as the database itself writes them as JSON (row_to_json), so the
 * same file restores into PGlite or a PostgreSQL server, either way, with values exact (numeric, bytea, timestamps
 * with zone, json, arrays never pass through JavaScript numbers or dates). The tables, their columns, keys and
 * foreign keys are read from the catalogue, so a table added by a later migration is backed up without anyone
 * remembering to list it.
 *
 * The file (gzip'd by the caller) is lines of JSON: a header (format, version, the migrations applied, time), then
 * per table a start line (columns, row count), the rows, and an end line with the SHA-256 of the row lines; last, an
 * end line with the number of tables. A restore checks every hash twice: on the lines read and on the rows stored.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import { migrator } from './migrate.ts';
import type { Database } from './schema.ts';

/** The file format's name and version, in the header. */
export const BACKUP_FORMAT = 'eduplan-backup';
export const BACKUP_VERSION = 1;

/**
 * Not backed up: open sessions and recent sign-in failures are security state of one installation, not records — a
 * restored installation starts with everyone signed out, and a stolen backup holds no live session. The migration
 * bookkeeping is written by the migrator itself.
 */
export const NOT_BACKED_UP: readonly string[] = [
  'sessions',
  'sign_in_failures',
  'kysely_migration',
  'kysely_migration_lock',
];

/** Reference data the migrations load (GB/T 2260 regions): present in a new database, replaced by the backup's. */
const REFERENCE_TABLES: readonly string[] = ['regions'];

/** Rows fetched from the cursor at a time, and inserted per statement: bounded memory whatever the table's size. */
const PAGE = 500;

/** A refused backup or restore, in both languages, saying what to do. */
export class BackupError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'BackupError';
  }
}

/** What the backup knows of a table. */
export interface BackupTable {
  name: string;
  /** Columns in table order, generated columns left out (the database computes them again). */
  columns: string[];
  primaryKey: string[];
  /** Columns GENERATED ALWAYS AS IDENTITY: inserted with OVERRIDING SYSTEM VALUE, their sequences moved past. */
  identity: string[];
  /** Columns referring to the same table (a plan superseded by a later one): filled in after all rows exist. */
  selfReferences: string[];
}

/** The header line. */
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  engine: string;
  migrations: string[];
  notBackedUp: readonly string[];
}

/** How many rows of each table a backup wrote or a restore stored, in order. */
export type TableCounts = { table: string; rows: number }[];

/** The migrations applied to a database, in order (empty when it was never migrated). */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ exists: boolean }>`
    select to_regclass(current_schema() || '.kysely_migration') is not null as exists`.execute(db);
  if (rows[0]?.exists !== true) return [];
  const names = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return names.rows.map((row) => row.name);
}

/** The application's tables in an order where every table comes after those it refers to. */
export async function describeTables(db: Kysely<Database> | Transaction<Database>): Promise<BackupTable[]> {
  const columns = await sql<{ table: string; column: string; identity: string; generated: string }>`
    select table_name as table, column_name as column, is_identity as identity, is_generated as generated
    from information_schema.columns
    where table_schema = current_schema()
    order by table_name, ordinal_position`.execute(db);
  const keys = await sql<{ table: string; column: string }>`
    select cl.relname as table, a.attname as column
    from pg_index i
    join pg_class cl on cl.oid = i.indrelid
    join pg_namespace n on n.oid = cl.relnamespace
    join pg_attribute a on a.attrelid = cl.oid and a.attnum = any(i.indkey)
    where i.indisprimary and n.nspname = current_schema()
    order by cl.relname, array_position(i.indkey::int2[], a.attnum)`.execute(db);
  const references = await sql<{ child: string; parent: string; column: string }>`
    select child.relname as child, parent.relname as parent, a.attname as column
    from pg_constraint c
    join pg_class child on child.oid = c.conrelid
    join pg_class parent on parent.oid = c.confrelid
    join pg_namespace n on n.oid = child.relnamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
  const tables = new Map<string, BackupTable>();
  for (const row of columns.rows) {
    if (NOT_BACKED_UP.includes(row.table)) continue;
    const table = tables.get(row.table) ?? {
      name: row.table,
      columns: [],
      primaryKey: [],
      identity: [],
      selfReferences: [],
    };
    if (row.generated !== 'ALWAYS') table.columns.push(row.column);
    if (row.identity === 'YES') table.identity.push(row.column);
    tables.set(row.table, table);
  }
  for (const row of keys.rows) tables.get(row.table)?.primaryKey.push(row.column);
  const parents = new Map<string, Set<string>>();
  for (const row of references.rows) {
    if (!tables.has(row.child)) continue;
    if (row.child === row.parent) tables.get(row.child)?.selfReferences.push(row.column);
    else parents.set(row.child, (parents.get(row.child) ?? new Set()).add(row.parent));
  }
  return dependencyOrder([...tables.values()], parents);
}

/** Tables sorted so each follows its parents (names break ties, so the order is stable). */
function dependencyOrder(tables: BackupTable[], parents: ReadonlyMap<string, ReadonlySet<string>>): BackupTable[] {
  const ordered: BackupTable[] = [];
  const placed = new Set<string>();
  let remaining = [...tables].sort((a, b) => a.name.localeCompare(b.name));
  while (remaining.length > 0) {
    const ready = remaining.filter((table) =>
      [...(parents.get(table.name) ?? [])].every((parent) => placed.has(parent) || NOT_BACKED_UP.includes(parent)),
    );
    if (ready.length === 0) {
      throw new BackupError(
        `表之间的外键成环，无法排序：${remaining.map((t) => t.name).join('、')}`,
        `foreign keys form a cycle between ${remaining.map((t) => t.name).join(', ')}`,
      );
    }
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

/** The ORDER BY of a table's rows: its primary key, or the whole row for a table without one. */
function rowOrder(table: BackupTable) {
  return table.primaryKey.length > 0
    ? sql.join(table.primaryKey.map((column) => sql.ref(`t.${column}`)))
    : sql`row_to_json(t)::text`;
}

/** A table's rows as JSON text, in key order, a page at a time from a cursor inside the caller's transaction. */
async function* tableRows(trx: Transaction<Database>, table: BackupTable): AsyncGenerator<string> {
  const cursor = sql.id(`backup_${table.name}`);
  // json_build_object of the kept columns in table order, so generated columns stay out.
  const pairs = sql.join(table.columns.map((column) => sql`${sql.lit(column)}, ${sql.ref(`t.${column}`)}`));
  await sql`declare ${cursor} no scroll cursor for
    select json_build_object(${pairs})::text as row
    from ${sql.table(table.name)} as t order by ${rowOrder(table)}`.execute(trx);
  for (;;) {
    const page = await sql<{ row: string }>`fetch ${sql.raw(String(PAGE))} from ${cursor}`.execute(trx);
    for (const { row } of page.rows) yield row;
    if (page.rows.length < PAGE) break;
  }
  await sql`close ${cursor}`.execute(trx);
}

/** The hash of a table's rows as they are stored now, computed as the backup computes it. */
async function storedHash(trx: Transaction<Database>, table: BackupTable): Promise<{ rows: number; sha256: string }> {
  const hash = rowsHash();
  let rows = 0;
  for await (const row of tableRows(trx, table)) {
    hash.add(row);
    rows += 1;
  }
  return { rows, sha256: hash.digest() };
}

/**
 * Writes the backup's lines to `write`, read in one snapshot (REPEATABLE READ, read only), so a server writing
 * meanwhile cannot make two tables disagree. Times are written in UTC so the same rows always give the same text.
 */
export async function writeBackup(
  db: Kysely<Database>,
  write: (line: string) => Promise<void>,
  options: { engine: string; now: Date; onTable?: (table: string, rows: number) => void },
): Promise<TableCounts> {
  const migrations = await appliedMigrations(db);
  if (migrations.length === 0) {
    throw new BackupError('数据库是空的，没有可备份的内容', 'the database is empty: nothing to back up');
  }
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      await sql`set local timezone = 'UTC'`.execute(trx);
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: options.now.toISOString(),
        engine: options.engine,
        migrations,
        notBackedUp: NOT_BACKED_UP,
      };
      await write(JSON.stringify(header));
      const counts: TableCounts = [];
      for (const table of await describeTables(trx)) {
        const { rows } = (
          await sql<{ rows: string }>`select count(*)::text as rows from ${sql.table(table.name)}`.execute(trx)
        ).rows[0] ?? { rows: '0' };
        await write(JSON.stringify({ table: table.name, columns: table.columns, rows: Number(rows) }));
        const hash = rowsHash();
        let written = 0;
        for await (const row of tableRows(trx, table)) {
          hash.add(row);
          await write(row);
          written += 1;
        }
        await write(JSON.stringify({ end: table.name, rows: written, sha256: hash.digest() }));
        counts.push({ table: table.name, rows: written });
        options.onTable?.(table.name, written);
      }
      await write(JSON.stringify({ end: 'backup', tables: counts.length }));
      return counts;
    });
}

/** What a restore reads of each table's start and end lines. */
interface TableStart {
  table: string;
  columns: string[];
  rows: number;
}

/** Pulls the next line, or says the file ended where it should not have. */
async function nextLine(lines: AsyncIterator<string>, where: string): Promise<string> {
  const next = await lines.next();
  if (next.done === true) {
    throw new BackupError(
      `备份文件不完整：在${where}处中断，未写入任何数据`,
      `the backup file is cut short at ${where}: nothing was restored`,
    );
  }
  return next.value;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the line shape it expects
function parseLine<T>(line: string, where: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new BackupError(
      `备份文件已损坏：${where}无法读取，未写入任何数据`,
      `the backup file is damaged at ${where}: nothing was restored`,
    );
  }
}

/** Reads and checks the header: our format, a version we read, migrations this EduPlan knows. */
export async function readHeader(lines: AsyncIterator<string>, known: readonly string[]): Promise<BackupHeader> {
  const header = parseLine<Partial<BackupHeader>>(
    await nextLine(lines, '文件开头 / the start'),
    '文件开头 / the start',
  );
  if (header.format !== BACKUP_FORMAT || !Array.isArray(header.migrations)) {
    throw new BackupError(
      '这不是 EduPlan 的备份文件（用 eduplan backup 生成）',
      'this is not an EduPlan backup (made by eduplan backup)',
    );
  }
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError(
      `备份格式版本 ${String(header.version)} 不受支持（本程序读取版本 ${String(BACKUP_VERSION)}）`,
      `backup format version ${String(header.version)} is not supported (this EduPlan reads ${String(BACKUP_VERSION)})`,
    );
  }
  const unknown = header.migrations.find((name, index) => known[index] !== name);
  if (unknown !== undefined) {
    throw new BackupError(
      `备份来自更新或不同版本的 EduPlan（数据库迁移 ${unknown} 本程序没有）：请先升级 EduPlan 再恢复`,
      `the backup comes from a newer or different EduPlan (migration ${unknown} is unknown here): upgrade EduPlan first`,
    );
  }
  return header as BackupHeader;
}

/** Tables holding rows in the target, other than the reference data a new database has: a restore refuses them. */
export async function occupiedTables(db: Kysely<Database>): Promise<TableCounts> {
  const occupied: TableCounts = [];
  for (const table of await describeTables(db)) {
    if (REFERENCE_TABLES.includes(table.name)) continue;
    const { rows } = (
      await sql<{ rows: string }>`select count(*)::text as rows from ${sql.table(table.name)}`.execute(db)
    ).rows[0] ?? { rows: '0' };
    if (Number(rows) > 0) occupied.push({ table: table.name, rows: Number(rows) });
  }
  return occupied;
}

/** Inserts a page of row lines: the database parses them into the table's own types. */
async function insertRows(trx: Transaction<Database>, table: BackupTable, rows: readonly string[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = sql.join(table.columns.map((column) => sql.id(column)));
  const values = sql.join(
    table.columns.map((column) => (table.selfReferences.includes(column) ? sql`null` : sql.ref(`r.${column}`))),
  );
  const overriding = table.identity.length > 0 ? sql`overriding system value` : sql``;
  await sql`insert into ${sql.table(table.name)} (${columns}) ${overriding}
    select ${values}
    from json_array_elements(${`[${rows.join(',')}]`}::json) as e(v),
      json_populate_record(null::${sql.table(table.name)}, e.v) as r`.execute(trx);
}

/** Sets the self-referring columns once every row of the table exists. */
async function linkRows(trx: Transaction<Database>, table: BackupTable, rows: readonly string[]): Promise<void> {
  if (rows.length === 0 || table.selfReferences.length === 0) return;
  const assignments = sql.join(
    table.selfReferences.map((column) => sql`${sql.id(column)} = ${sql.ref(`r.${column}`)}`),
  );
  const match = sql.join(
    table.primaryKey.map((column) => sql`${sql.ref(`target.${column}`)} = ${sql.ref(`r.${column}`)}`),
    sql` and `,
  );
  await sql`update ${sql.table(table.name)} as target set ${assignments}
    from json_array_elements(${`[${rows.join(',')}]`}::json) as e(v),
      json_populate_record(null::${sql.table(table.name)}, e.v) as r
    where ${match}`.execute(trx);
}

/** Moves each identity sequence past the restored ids, so the next row gets a fresh one. */
async function resetIdentity(trx: Transaction<Database>, table: BackupTable): Promise<void> {
  for (const column of table.identity) {
    await sql`select setval(pg_get_serial_sequence(${table.name}, ${column}),
      coalesce((select max(${sql.ref(column)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(trx);
  }
}

/**
 * Restores the backup's rows into a database already at the backup's migration level and holding no data, in one
 * transaction: a damaged or cut file, a table or column the target does not have, or a stored table whose hash
 * differs from the backup's, rolls everything back.
 */
export async function restoreRows(
  db: Kysely<Database>,
  lines: AsyncIterator<string>,
  onTable?: (table: string, rows: number) => void,
): Promise<TableCounts> {
  return db.transaction().execute(async (trx) => {
    await sql`set local timezone = 'UTC'`.execute(trx);
    const tables = new Map((await describeTables(trx)).map((table) => [table.name, table]));
    for (const name of REFERENCE_TABLES) if (tables.has(name)) await sql`delete from ${sql.table(name)}`.execute(trx);
    const counts: TableCounts = [];
    for (;;) {
      const where =
        counts.length === 0
          ? '第一张表 / the first table'
          : `表 ${counts.at(-1)?.table ?? ''} 之后 / after table ${counts.at(-1)?.table ?? ''}`;
      const line = parseLine<Partial<TableStart> & { end?: string; tables?: number }>(
        await nextLine(lines, where),
        where,
      );
      if (line.end === 'backup') {
        if (line.tables !== counts.length)
          throw new BackupError('备份文件的表数不符', 'the backup file lists a different number of tables');
        return counts;
      }
      const table = line.table === undefined ? undefined : tables.get(line.table);
      if (table === undefined || !Array.isArray(line.columns) || typeof line.rows !== 'number') {
        throw new BackupError(
          `本数据库没有备份中的表 ${String(line.table)}`,
          `this database has no table ${String(line.table)} from the backup`,
        );
      }
      if (line.columns.join(',') !== table.columns.join(',')) {
        throw new BackupError(
          `表 ${table.name} 的列与备份不一致`,
          `table ${table.name} has other columns than the backup`,
        );
      }
      const hash = rowsHash();
      const linked: string[] = [];
      let page: string[] = [];
      for (let index = 0; index < line.rows; index += 1) {
        const row = await nextLine(
          lines,
          `表 ${table.name} 第 ${String(index + 1)} 行 / table ${table.name} row ${String(index + 1)}`,
        );
        hash.add(row);
        page.push(row);
        if (table.selfReferences.length > 0) linked.push(row);
        if (page.length === PAGE) {
          await insertRows(trx, table, page);
          page = [];
        }
      }
      await insertRows(trx, table, page);
      const end = parseLine<{ end?: string; rows?: number; sha256?: string }>(
        await nextLine(lines, `表 ${table.name} 末尾 / the end of table ${table.name}`),
        `表 ${table.name} 末尾 / the end of table ${table.name}`,
      );
      const read = hash.digest();
      if (end.end !== table.name || end.rows !== line.rows || end.sha256 !== read) {
        throw new BackupError(
          `表 ${table.name} 的数据与备份校验值不符（文件已损坏），未写入任何数据`,
          `table ${table.name} does not match its checksum (the file is damaged): nothing was restored`,
        );
      }
      for (let start = 0; start < linked.length; start += PAGE)
        await linkRows(trx, table, linked.slice(start, start + PAGE));
      await resetIdentity(trx, table);
      const stored = await storedHash(trx, table);
      if (stored.sha256 !== read) {
        throw new BackupError(
          `表 ${table.name} 恢复后与备份不一致，未写入任何数据`,
          `table ${table.name} differs from the backup once stored: nothing was restored`,
        );
      }
      counts.push({ table: table.name, rows: line.rows });
      onTable?.(table.name, line.rows);
    }
  });
}

/** SHA-256 of row lines, as the end line of a table carries it. */
export function rowsHash(): { add(line: string): void; digest(): string } {
  const hash = createHash('sha256');
  return {
    add: (line) => hash.update(`${line}\n`),
    digest: () => hash.digest('hex'),
  };
}

/** Migrates the target to a named migration (the backup's level) before rows go in. */
export async function migrateTo(db: Kysely<Database>, name: string): Promise<void> {
  const { error } = await (await migrator(db)).migrateTo(name);
  if (error !== undefined) throw new BackupError(`迁移到 ${name} 失败`, `migrating to ${name} failed`);
}
