/**
 * The readers of the load suite (load.test.ts), in a process of their own so that their client
 * work does not weigh on the contributors' timings: autocannon with `connections` connections
 * asking `paths` in turn for `seconds`, then one JSON line of what they got.
 *
 *   node cms/tests/load-readers.mjs <plan.json>   (plan: { url, connections, seconds, paths })
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const { url, connections, seconds, paths } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let next = 0;
const times = [];
const statuses = {};
const failures = [];
const instance = autocannon({
  url,
  connections,
  duration: seconds,
  timeout: 10,
  requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
});
instance.on('response', (_client, status, _bytes, ms) => {
  times.push(ms);
  statuses[status] = (statuses[status] ?? 0) + 1;
});
instance.on('reqError', (error) => failures.length < 5 && failures.push(error.message));
const result = await instance;
times.sort((a, b) => a - b);
const percentile = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
console.log(
  JSON.stringify({
    requests: times.length,
    seconds: result.duration,
    perSecond: times.length / result.duration,
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    max: times.at(-1) ?? 0,
    statuses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    bytes: result.throughput.total,
    asked: Math.min(next, paths.length),
    failures,
  }),
);
