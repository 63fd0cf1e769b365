/**
 * Computed reads (a plan's progress, a ranking) kept until the data under them change. Never stale as current:
 *
 * - Every statement that changes figures, plans, the catalogue or regions notifies `eduplan_changes_<schema>` (a trigger), and
 *   PostgreSQL delivers it at commit to every process listening, which drops everything it holds. Triggers, not
 *   services, so an import job, a restore or an edit in SQL counts too.
 * - A write through this process also drops everything before its answer leaves (the HTTP layer and the job runner
 *   call invalidate()), so whoever wrote never reads around their own write while the notification is on its way.
 * - A computation that was running when the data changed returns its answer to its own caller but is not kept.
 * - If the listening connection is lost, nothing is kept until it is back (the server then reads every time).
 *
 * Entries are few and large (one per plan, region, year and basis asked for), so the cache is bounded by count and
 * forgets the least recently used first.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { OpenDatabase } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

/**
 * The channel the change triggers notify for the schema the connection works in (migration
 * 2026-12-07T17-00-00_change_notifications): `eduplan_changes_public` unless the server is given another schema.
 */
export async function changesChannel(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return `eduplan_changes_${rows[0]?.schema ?? 'public'}`;
}

interface Entry {
  readonly generation: number;
  readonly value: Promise<unknown>;
}

export interface ReadCacheStats {
  readonly hits: number;
  readonly misses: number;
  readonly invalidations: number;
  readonly size: number;
}

export class ReadCache {
  private generation = 0;
  private readonly entries = new Map<string, Entry>();
  /**
   * Each kept answer's JSON, written at its first sending: a province's progress is about 130 KB of JSON, and
   * writing it again for every reader of an unchanged answer was most of the cost of serving it. Weak, so it goes
   * with the answer when the cache forgets it.
   */
  private readonly json = new WeakMap<object, string>();
  private readonly kept = new WeakSet<object>();
  private enabled = true;
  private hits = 0;
  private misses = 0;
  private invalidations = 0;

  constructor(private readonly maxEntries = 500) {}

  /** The value kept under `key`, or `compute`'s (shared by everyone who asks while it runs, then kept). */
  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const found = this.entries.get(key);
    if (found !== undefined && found.generation === this.generation) {
      this.hits += 1;
      // Most recently used goes last, so eviction takes the first.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found.value as Promise<T>;
    }
    this.misses += 1;
    const generation = this.generation;
    const value = compute();
    this.entries.set(key, { generation, value });
    this.evict();
    try {
      const result = await value;
      if (typeof result === 'object' && result !== null) this.kept.add(result);
      // Computed across a change: its caller gets it, nobody else.
      if (generation !== this.generation && this.entries.get(key)?.value === value) this.entries.delete(key);
      return result;
    } catch (error) {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
      throw error;
    }
  }

  /**
   * The JSON of an answer this cache computed (written once, then reused), or undefined for any other value. Kept
   * answers are shared by every reader and never changed after they are made, so their JSON never changes either.
   */
  serialized(value: unknown): string | undefined {
    if (typeof value !== 'object' || value === null || !this.kept.has(value)) return undefined;
    let text = this.json.get(value);
    if (text === undefined) {
      text = JSON.stringify(value);
      this.json.set(value, text);
    }
    return text;
  }

  /** Forgets everything: the data under it changed. */
  invalidate(): void {
    this.generation += 1;
    this.invalidations += 1;
    this.entries.clear();
  }

  /** Stops keeping anything (the change feed is lost) or starts again (it is back); both forget everything. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.invalidate();
  }

  stats(): ReadCacheStats {
    return { hits: this.hits, misses: this.misses, invalidations: this.invalidations, size: this.entries.size };
  }

  private evict(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) return;
      this.entries.delete(oldest.value);
    }
  }
}

/**
 * Connects a cache to the database's change notifications. A lost connection turns the cache off and is retried
 * every `retryMs`; resolves to the function that disconnects.
 */
export async function watchChanges(
  database: Pick<OpenDatabase, 'listen'>,
  cache: ReadCache,
  channel: string,
  retryMs = 5_000,
): Promise<() => Promise<void>> {
  let stop: (() => Promise<void>) | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  const connect = async (): Promise<void> => {
    stop = await database.listen(
      channel,
      () => {
        cache.invalidate();
      },
      lost,
    );
    cache.setEnabled(true);
  };
  const retry = (): void => {
    timer = setTimeout(() => {
      timer = null;
      if (!closed) connect().catch(retry);
    }, retryMs);
    timer.unref();
  };
  function lost(): void {
    cache.setEnabled(false);
    const previous = stop;
    stop = null;
    previous?.().catch(() => undefined);
    if (!closed) retry();
  }
  await connect();
  return async () => {
    closed = true;
    if (timer !== null) clearTimeout(timer);
    await stop?.();
  };
}
