// Runs a wasm32-wasi command module under Node's WASI (preview1):
//   node [V8 flags] run-wasi.mjs FILE.wasm [ARGS...]
// The program sees argv = [FILE's base name, ARGS...], an empty environment and no
// preopened directories; its exit code becomes this process's exit code. Used by
// scripts/bench.sh to time V8's baseline (Liftoff) and optimizing (TurboFan) tiers, and
// to cross-check the test programs' output against their native builds.
//
// Two workarounds for Node 20, both needed by tests/programs:
// - The module runs in a worker thread with a 64 MiB stack. The main thread's V8 stack
//   limit (about 1 MiB) is too small for tests/programs/recursion.c, which nests
//   Ackermann calls tens of thousands deep, and --stack-size cannot safely exceed the
//   thread's real stack.
// - Every WASI import is wrapped in a plain JS function. Called directly from wasm,
//   node:wasi's fast-call path can use the memory's old backing store after memory.grow
//   and crash (SIGSEGV) or lose output; through the wrapper it takes the ordinary call
//   path, which looks the memory up on every call.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Worker, isMainThread, workerData } from 'node:worker_threads';

const STACK_MB = 64;

if (isMainThread) {
  const [file, ...args] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node run-wasi.mjs FILE.wasm [ARGS...]\n');
    process.exit(2);
  }
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { file, args },
    resourceLimits: { stackSizeMb: STACK_MB },
    stdout: false,
    stderr: false,
  });
  worker.on('error', (error) => {
    process.stderr.write(`run-wasi: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  });
  worker.on('exit', (code) => {
    if (process.exitCode === undefined) process.exitCode = code;
  });
} else {
  // node:wasi warns that it is experimental on every load; keep stderr for the program.
  const emitWarning = process.emitWarning;
  process.emitWarning = (warning, ...rest) => {
    const text = typeof warning === 'string' ? warning : warning?.message ?? '';
    if (!text.includes('WASI')) emitWarning.call(process, warning, ...rest);
  };
  const { WASI } = await import('node:wasi');

  const { file, args } = workerData;
  const wasi = new WASI({
    version: 'preview1',
    args: [basename(file), ...args],
    env: {},
    returnOnExit: true,
  });
  const imports = wasi.getImportObject();
  for (const namespace of Object.values(imports)) {
    for (const [name, fn] of Object.entries(namespace)) {
      namespace[name] = (...params) => fn(...params);
    }
  }
  const module = await WebAssembly.compile(await readFile(file));
  const instance = await WebAssembly.instantiate(module, imports);
  process.exit(wasi.start(instance));
}
