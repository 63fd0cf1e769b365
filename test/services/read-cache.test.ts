/**
 * The cache of computed reads: kept until a change, shared while computing, never kept across a change, bounded,
 * and off while the change feed is lost.
 */
import { describe, expect, it } from 'vitest';
import { ReadCache, watchChanges } from '../../src/services/read-cache.ts';

const deferred = <T>() => {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
};

describe('ReadCache', () => {
  it('computes once, then answers from memory until the data change', async () => {
    const cache = new ReadCache();
    let computed = 0;
    const compute = () => Promise.resolve((computed += 1));
    expect(await cache.get('progress', compute)).toBe(1);
    expect(await cache.get('progress', compute)).toBe(1);
    cache.invalidate();
    expect(await cache.get('progress', compute)).toBe(2);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 2, invalidations: 1 });
  });

  it('lets readers who ask while it computes share the one computation', async () => {
    const cache = new ReadCache();
    const gate = deferred<string>();
    let computed = 0;
    const compute = () => {
      computed += 1;
      return gate.promise;
    };
    const both = Promise.all([cache.get('k', compute), cache.get('k', compute)]);
    gate.resolve('answer');
    expect(await both).toEqual(['answer', 'answer']);
    expect(computed).toBe(1);
  });

  it('gives a computation that ran across a change to its caller only, and keeps nothing of it', async () => {
    const cache = new ReadCache();
    const gate = deferred<string>();
    const first = cache.get('k', () => gate.promise);
    cache.invalidate();
    gate.resolve('before the change');
    expect(await first).toBe('before the change');
    expect(await cache.get('k', () => Promise.resolve('after the change'))).toBe('after the change');
  });

  it('writes a kept answer’s JSON once, and nothing else’s', async () => {
    const cache = new ReadCache();
    const answer = await cache.get('k', () => Promise.resolve({ items: [{ status: 'ahead', value: 96.1 }] }));
    const first = cache.serialized(answer);
    expect(first).toBe('{"items":[{"status":"ahead","value":96.1}]}');
    expect(cache.serialized(answer)).toBe(first);
    expect(cache.serialized({ items: [] })).toBeUndefined();
    expect(cache.serialized('text')).toBeUndefined();
  });

  it('keeps nothing of a failed computation', async () => {
    const cache = new ReadCache();
    await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.get('k', () => Promise.resolve('ok'))).toBe('ok');
  });

  it('forgets the least recently used entry beyond its bound', async () => {
    const cache = new ReadCache(2);
    await cache.get('a', () => Promise.resolve(1));
    await cache.get('b', () => Promise.resolve(2));
    await cache.get('a', () => Promise.resolve(-1));
    await cache.get('c', () => Promise.resolve(3));
    expect(await cache.get('a', () => Promise.resolve(-1))).toBe(1);
    expect(await cache.get('b', () => Promise.resolve(20))).toBe(20);
  });

  it('keeps nothing while the change feed is lost, and starts again when it is back', async () => {
    const cache = new ReadCache();
    let lost: (error: Error) => void = () => undefined;
    let listening = 0;
    const stop = await watchChanges(
      {
        listen: (channel, _onNotify, onLost) => {
          expect(channel).toBe('eduplan_changes_public');
          listening += 1;
          lost = onLost;
          return Promise.resolve(() => Promise.resolve());
        },
      },
      cache,
      'eduplan_changes_public',
      10,
    );
    let computed = 0;
    const compute = () => Promise.resolve((computed += 1));
    await cache.get('k', compute);
    lost(new Error('connection reset'));
    await cache.get('k', compute);
    await cache.get('k', compute);
    expect(computed).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listening).toBe(2);
    await cache.get('k', compute);
    await cache.get('k', compute);
    expect(computed).toBe(4);
    await stop();
  });
});
