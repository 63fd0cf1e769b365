/**
 * Long work (a report, a big import) as a job the caller follows: started at once with an id, run in the
 * background a few at a time, reporting its stage and how far it got; the result (or the error a person can act
 * on) is kept for an hour. Jobs live in the server's memory: a restart loses unfinished ones, and the caller starts
 * them again. A job belongs to whoever started it; the public's jobs are reached only by their unguessable id.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from './audit.ts';
import { isServiceError, ServiceError } from './errors.ts';
import type { BilingualMessage, ErrorDetail, ErrorLocation } from './errors.ts';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

/** How far a job got: a stage people read and, where countable, the steps done of the total. */
export interface JobProgress {
  stage: BilingualMessage;
  done: number;
  total: number;
}

/** What a job produces: a file to download, or a JSON answer. */
export type JobResult =
  | { kind: 'file'; fileName: string; asciiFileName: string; contentType: string; bytes: Uint8Array }
  | { kind: 'json'; value: unknown };

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress: JobProgress;
  /** Where the result is, once done. */
  resultUrl: string | null;
  error: { code: string; message: BilingualMessage; at: ErrorLocation; details: readonly ErrorDetail[] } | null;
  createdAt: string;
  finishedAt: string | null;
}

interface Job {
  id: string;
  kind: string;
  owner: number | 'public' | 'system';
  status: JobStatus;
  progress: JobProgress;
  result: JobResult | null;
  error: JobView['error'];
  createdAt: Date;
  finishedAt: Date | null;
  work: (report: (progress: JobProgress) => void) => Promise<JobResult>;
}

export interface JobRunnerOptions {
  /** Jobs run at once; the rest wait in order. Two on the 2-core reference machine. */
  concurrency?: number;
  /** Jobs waiting beyond this are refused (429): the queue is bounded. */
  maxQueued?: number;
  /** How long a finished job's result is kept. */
  keepMs?: number;
  now?: () => Date;
  /** Called when a job has finished, before anyone can see it finished (the server forgets its cached reads). */
  onSettled?: () => void;
}

const ownerOf = (actor: Actor | null): Job['owner'] =>
  actor === null ? 'public' : actor === 'system' ? 'system' : actor.id;

const QUEUED: BilingualMessage = { zh: '排队等待', en: 'queued' };

/** The jobs of one server. */
export class JobRunner {
  private readonly jobs = new Map<string, Job>();
  private readonly queue: Job[] = [];
  private running = 0;
  private readonly concurrency: number;
  private readonly maxQueued: number;
  private readonly keepMs: number;
  private readonly now: () => Date;
  private readonly onSettled: () => void;

  constructor(options: JobRunnerOptions = {}) {
    this.concurrency = options.concurrency ?? 2;
    this.maxQueued = options.maxQueued ?? 50;
    this.keepMs = options.keepMs ?? 60 * 60 * 1000;
    this.now = options.now ?? (() => new Date());
    this.onSettled = options.onSettled ?? (() => undefined);
  }

  /** Queues work and returns its job at once. */
  start(
    kind: string,
    actor: Actor | null,
    work: (report: (progress: JobProgress) => void) => Promise<JobResult>,
  ): JobView {
    this.forgetExpired();
    if (this.queue.length >= this.maxQueued) {
      throw new ServiceError('JOBS_BUSY', 'rate-limited', {
        zh: `当前排队的任务已达 ${String(this.maxQueued)} 个，请稍后再试`,
        en: `${String(this.maxQueued)} jobs are already waiting: try again shortly`,
      });
    }
    const job: Job = {
      id: randomUUID(),
      kind,
      owner: ownerOf(actor),
      status: 'queued',
      progress: { stage: QUEUED, done: 0, total: 0 },
      result: null,
      error: null,
      createdAt: this.now(),
      finishedAt: null,
      work,
    };
    this.jobs.set(job.id, job);
    this.queue.push(job);
    this.pump();
    return this.view(job);
  }

  /** A job as its owner (or, for the public's jobs, anyone with the id) sees it. */
  get(id: string, actor: Actor | null): JobView {
    return this.view(this.find(id, actor));
  }

  /** A finished job's result. */
  result(id: string, actor: Actor | null): JobResult {
    const job = this.find(id, actor);
    if (job.result === null) {
      throw new ServiceError('JOB_NOT_DONE', 'conflict', {
        zh: `任务尚未完成（${job.status === 'failed' ? '已失败' : job.progress.stage.zh}）`,
        en: `The job has not finished (${job.status === 'failed' ? 'it failed' : job.progress.stage.en})`,
      });
    }
    return job.result;
  }

  /** Waits for every running and queued job (for tests and an orderly shutdown). */
  async idle(): Promise<void> {
    while (this.running > 0 || this.queue.length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }

  private find(id: string, actor: Actor | null): Job {
    this.forgetExpired();
    const job = this.jobs.get(id);
    const owner = ownerOf(actor);
    if (job === undefined || (job.owner !== 'public' && job.owner !== owner && owner !== 'system')) {
      throw new ServiceError('JOB_NOT_FOUND', 'not-found', {
        zh: '没有这个任务（或已过期，结果保留一小时）',
        en: 'No such job (or it has expired: results are kept for an hour)',
      });
    }
    return job;
  }

  private pump(): void {
    while (this.running < this.concurrency) {
      const job = this.queue.shift();
      if (job === undefined) return;
      this.running += 1;
      job.status = 'running';
      void this.run(job).finally(() => {
        this.running -= 1;
        this.pump();
      });
    }
  }

  private async run(job: Job): Promise<void> {
    try {
      job.result = await job.work((progress) => {
        job.progress = progress;
      });
      this.onSettled();
      job.status = 'done';
      job.progress = { ...job.progress, stage: { zh: '已完成', en: 'done' }, done: job.progress.total };
    } catch (error) {
      job.status = 'failed';
      job.error = isServiceError(error)
        ? { code: error.code, message: error.messages, at: error.at, details: error.details }
        : {
            code: 'INTERNAL',
            message: { zh: '任务执行出错，请稍后再试', en: 'The job failed: try again later' },
            at: {},
            details: [],
          };
    } finally {
      job.finishedAt = this.now();
    }
  }

  private forgetExpired(): void {
    const limit = this.now().getTime() - this.keepMs;
    for (const [id, job] of this.jobs)
      if (job.finishedAt !== null && job.finishedAt.getTime() < limit) this.jobs.delete(id);
  }

  private view(job: Job): JobView {
    return {
      id: job.id,
      kind: job.kind,
      status: job.status,
      progress: job.progress,
      resultUrl: job.status === 'done' ? `/api/jobs/${job.id}/result` : null,
      error: job.error,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
    };
  }
}
