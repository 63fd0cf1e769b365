/**
 * The worker thread that writes reports (render-thread.ts starts it): the model's sections, the ECharts SVGs, the
 * Word package and the HTML are all synchronous CPU work of a tenth of a second to half a second each for a province,
 * which on the server's own thread would hold every request — a county's data entry too — until they finish.
 */
import { parentPort } from 'node:worker_threads';
import { isServiceError } from '../../services/errors.ts';
import { planReportModel } from './model.ts';
import { renderPlanReport } from './render.ts';
import type { RenderReply, RenderTask } from './render-thread.ts';

const port = parentPort;
if (port === null) throw new Error('render-worker.ts runs as a worker thread (see render-thread.ts)');

port.on('message', (task: RenderTask) => {
  void render(task).then((reply) => {
    port.postMessage(reply, reply.ok ? [reply.bytes.buffer] : []);
  });
});

async function render({ id, input, format, chromium }: RenderTask): Promise<RenderReply> {
  try {
    const model = planReportModel(input);
    const bytes = await renderPlanReport(model, format, chromium);
    // A copy in a buffer of its own, which can be handed over whole (the writer's may be a view of a pooled one).
    const own = new Uint8Array(bytes);
    return { id, ok: true, bytes: own, fileStem: model.fileStem, year: model.year };
  } catch (error) {
    if (isServiceError(error)) {
      const { code, kind, messages, at, details } = error;
      return { id, ok: false, error: { code, kind, messages, at, details } };
    }
    return {
      id,
      ok: false,
      error: { message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    };
  }
}
