/** The part of autocannon (8.x, which ships no types) the load benchmark uses. */
declare module 'autocannon' {
  export interface Percentiles {
    average: number;
    p50: number;
    p99: number;
    max: number;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    headers?: Record<string, string>;
  }
  export interface Result {
    /** Requests per second. */
    requests: Percentiles & { total: number };
    /** Milliseconds. */
    latency: Percentiles;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
