/**
 * The HTTP side of the read cache (src/services/read-cache.ts). A write answered by this process drops the computed reads it keeps before its answer leaves, so the writer's next
 * read is computed from what they wrote. (Other processes hear of it from the database's change notification, which
 * may arrive a moment after the commit; see src/services/read-cache.ts.)
 */
import type { FastifyInstance } from 'fastify';
import type { ReadCache } from '../services/read-cache.ts';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sends a kept answer's JSON as written the first time (ReadCache.serialized), and any other answer as Fastify
 * would. Only for routes without a response schema, which is every route today.
 */
export function sendKeptAnswersAsWritten(app: FastifyInstance, cache: ReadCache): void {
  app.setReplySerializer((payload) => cache.serialized(payload) ?? JSON.stringify(payload));
}

export function forgetReadsOnWrite(app: FastifyInstance, cache: ReadCache): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!READS.has(request.method) && reply.statusCode < 400) cache.invalidate();
    return payload;
  });
}
