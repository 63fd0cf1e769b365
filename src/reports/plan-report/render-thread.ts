/**
 * Reports written off the server's thread: one worker (render-worker.ts) builds each report's model and writes its
 * HTML, Word or PDF, so the request thread keeps answering while a province's report is drawn. One worker for the
 * process: the CPU-heavy steps take turns there (the machine has two cores, one for serving), and its module state
 * (the limit of two Chromiums at once) holds for every report. The worker starts on the first report, does not keep
 * the process alive when idle, and is started again if it dies.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ServiceError } from '../../services/errors.ts';
import type { BilingualMessage, ErrorDetail, ErrorLocation, ServiceErrorKind } from '../../services/errors.ts';
import type { ChromiumOptions } from './chromium.ts';
import type { PlanReportInput, ReportFormat } from './types.ts';

/** A report to write, as posted to the worker. */
export interface RenderTask {
  id: number;
  input: PlanReportInput;
  format: ReportFormat;
  chromium: ChromiumOptions;
}

/** A ServiceError as it crosses to the main thread (structured clone keeps no class). */
interface ServiceErrorData {
  code: string;
  kind: ServiceErrorKind;
  messages: BilingualMessage;
  at: ErrorLocation;
  details: readonly ErrorDetail[];
}

/** The worker's answer: the file and what names it, or the error. */
export type RenderReply =
  | { id: number; ok: true; bytes: Uint8Array<ArrayBuffer>; fileStem: string; year: number }
  | { id: number; ok: false; error: ServiceErrorData | { message: string } };

/** A written report: its bytes and the stem and year its file is named by. */
export interface RenderedReport {
  bytes: Uint8Array;
  fileStem: string;
  year: number;
}

interface Pending {
  resolve: (report: RenderedReport) => void;
  reject: (error: unknown) => void;
}

// The worker runs the TypeScript sources as the server does, through tsx, registered in the worker before its module
// loads (Node 20 does not carry `--import` hooks into a worker's entry). tsx is resolved from here, not from the
// working directory, so `eduplan serve` run from anywhere finds it; vitest's own loader does not reach workers.
const TSX_API = new URL(
  'dist/esm/api/index.mjs',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json')),
);
const WORKER = new URL('./render-worker.ts', import.meta.url);
const BOOT = `import(${JSON.stringify(TSX_API.href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER.href)}); });`;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function started(): Worker {
  if (worker !== null) return worker;
  const created = new Worker(BOOT, { eval: true });
  created.on('message', (reply: RenderReply) => {
    settle(reply);
  });
  const fail = (error: unknown): void => {
    if (worker === created) worker = null;
    for (const [id, one] of pending) {
      pending.delete(id);
      one.reject(error);
    }
  };
  created.on('error', fail);
  created.on('exit', (code) => {
    fail(new Error(`the report worker exited (code ${String(code)})`));
  });
  worker = created;
  return created;
}

function settle(reply: RenderReply): void {
  const waiting = pending.get(reply.id);
  if (waiting === undefined) return;
  pending.delete(reply.id);
  if (pending.size === 0) worker?.unref();
  if (reply.ok) {
    waiting.resolve({ bytes: reply.bytes, fileStem: reply.fileStem, year: reply.year });
  } else if ('code' in reply.error) {
    const { code, kind, messages, at, details } = reply.error;
    waiting.reject(new ServiceError(code, kind, messages, at, { details }));
  } else {
    waiting.reject(new Error(`report worker: ${reply.error.message}`));
  }
}

/**
 * Builds the report's model from its input and writes it in a format, on the report worker.
 * @example const { bytes } = await renderInWorker(input, 'docx');
 */
export function renderInWorker(
  input: PlanReportInput,
  format: ReportFormat,
  chromium: ChromiumOptions = {},
): Promise<RenderedReport> {
  const thread = started();
  const id = nextId;
  nextId += 1;
  return new Promise<RenderedReport>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.ref();
    thread.postMessage({ id, input, format, chromium } satisfies RenderTask);
  });
}

/** Stops the worker (reports still being written fail); the next report starts a new one. */
export async function stopReportWorker(): Promise<void> {
  const current = worker;
  worker = null;
  await current?.terminate();
}
