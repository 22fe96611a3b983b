// The timing rule of op_timer.h for the JavaScript references: one warm-up call, batches
// doubled until they take DUSK_BENCH_BATCH_SECONDS (default 0.2 s), the best average of
// five batches; prints "NAME NANOSECONDS". DUSK_BENCH_FILTER=substring selects operations.
const filter = process.env.DUSK_BENCH_FILTER ?? '';
const batchSeconds = Number(process.env.DUSK_BENCH_BATCH_SECONDS) > 0 ? Number(process.env.DUSK_BENCH_BATCH_SECONDS) : 0.2;
const now = () => Number(process.hrtime.bigint()) / 1e9;

export function run(name, fn) {
  if (filter !== '' && !name.includes(filter)) return;
  fn();
  let n = 1;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < n; ++i) fn();
    if (now() - t0 >= batchSeconds || n >= 2 ** 30) break;
    n *= 2;
  }
  let best = Infinity;
  for (let b = 0; b < 5; ++b) {
    const t0 = now();
    for (let i = 0; i < n; ++i) fn();
    best = Math.min(best, (now() - t0) / n);
  }
  console.log(`${name} ${Math.round(best * 1e9)}`);
}

// The same rule for an async operation (awaited call by call), e.g. snarkjs's verify.
export async function runAsync(name, fn) {
  if (filter !== '' && !name.includes(filter)) return;
  await fn();
  let n = 1;
  for (;;) {
    const t0 = now();
    for (let i = 0; i < n; ++i) await fn();
    if (now() - t0 >= batchSeconds || n >= 2 ** 30) break;
    n *= 2;
  }
  let best = Infinity;
  for (let b = 0; b < 5; ++b) {
    const t0 = now();
    for (let i = 0; i < n; ++i) await fn();
    best = Math.min(best, (now() - t0) / n);
  }
  console.log(`${name} ${Math.round(best * 1e9)}`);
}
