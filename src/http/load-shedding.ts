/**
 * Load shedding: when the server is past what it can serve well — its event loop lagging, its heap or its memory
 * near the limit — a request is refused at once with 503 SERVER_BUSY and Retry-After, in the API's one error shape,
 * rather than queued behind the others until every client times out. @fastify/under-pressure samples the process;
 * GET /api/health is refused the same way, so a load balancer or an operator reads there what is wrong.
 */
import { constrainedMemory } from 'node:process';
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance } from 'fastify';
import { RETRY_AFTER_SECONDS, serverBusy } from './errors.ts';

/** When the server refuses work (0 turns a check off), and how often it looks. */
export interface LoadLimits {
  /**
   * The mean event-loop delay over one sample above which requests are refused, in ms. Measured (bench/results.md,
   * "Under load"): 50 clients reading 山西's progress flat out read 300-500 ms at worst, 600 ms with big imports
   * running; the limit sits above that, so a busy server keeps serving and only one held for seconds sheds load.
   */
  maxEventLoopDelayMs: number;
  /** The V8 heap in use above which requests are refused. */
  maxHeapUsedBytes: number;
  /** The process's resident memory (PGlite's WASM heap counts here, not in the V8 heap) above which they are. */
  maxRssBytes: number;
  /** How often the process is sampled. */
  sampleIntervalMs: number;
  /** What Retry-After tells a refused client. */
  retryAfterSeconds: number;
}

// Without a cgroup limit the constraint reads 0 (or, in some containers, an unbounded 2^63): the machine's memory.
const MEMORY = Math.min(constrainedMemory() || Infinity, totalmem());

/**
 * The limits the server runs with: an event loop a second behind (past what full load measured), 90 % of the
 * V8 heap limit (past it, garbage collection alone stalls the loop before the process dies), 80 % of the memory the
 * process may use (its cgroup's limit, else the machine's).
 */
export const DEFAULT_LOAD_LIMITS: Readonly<LoadLimits> = {
  maxEventLoopDelayMs: 1000,
  maxHeapUsedBytes: Math.round(getHeapStatistics().heap_size_limit * 0.9),
  maxRssBytes: Math.round(MEMORY * 0.8),
  sampleIntervalMs: 1000,
  retryAfterSeconds: RETRY_AFTER_SECONDS,
};

/** Registers load shedding on the app (all routes, the web app's files too). */
export async function registerLoadShedding(app: FastifyInstance, limits: Partial<LoadLimits> = {}): Promise<void> {
  const chosen = { ...DEFAULT_LOAD_LIMITS, ...limits };
  await app.register(underPressure, {
    maxEventLoopDelay: chosen.maxEventLoopDelayMs,
    maxHeapUsedBytes: chosen.maxHeapUsedBytes,
    maxRssBytes: chosen.maxRssBytes,
    sampleInterval: chosen.sampleIntervalMs,
    retryAfter: chosen.retryAfterSeconds,
    // A rejection goes to the app's error handler: the one error shape, 503 for its kind.
    pressureHandler: (_request, reply, type, value) => {
      const measure = type === 'eventLoopDelay' ? 'eventLoopDelay' : type === 'heapUsedBytes' ? 'heap' : 'rss';
      const limit =
        measure === 'eventLoopDelay'
          ? chosen.maxEventLoopDelayMs
          : measure === 'heap'
            ? chosen.maxHeapUsedBytes
            : chosen.maxRssBytes;
      // No sample at all in a window (under-pressure says Infinity) means the loop was held for all of it.
      const measured = value === undefined ? 0 : Number.isFinite(value) ? value : chosen.sampleIntervalMs;
      void reply.header('retry-after', String(chosen.retryAfterSeconds));
      return Promise.reject(serverBusy(measure, measured, limit, chosen.retryAfterSeconds));
    },
  });
}
