// For the JSON-RPC end-to-end tests: a `duskd --dev` the test starts itself on free
// loopback ports with its own data directory, and stops at the end, pass or fail. The
// child runs under `setpriv --pdeathsig KILL`, so it dies with the test process even when
// that is killed; stop() also kills it (SIGKILL after 5 s of SIGTERM).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DEV_KEYS = [
  // The development accounts of `duskd --dev` (and anvil): the phrase "test test ... junk".
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
  '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d',
  '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a',
  '0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6',
];

export function duskdBinary() {
  const bin = process.env.DUSKD;
  if (!bin || !fs.existsSync(bin)) throw new Error('set DUSKD to the duskd binary (CTest does)');
  return bin;
}

// Starts a process under setpriv and waits for `readyPattern` on stdout.
export async function startProcess(binary, args, { name, readyPattern, timeoutMs = 60000, dir }) {
  const out = fs.openSync(path.join(dir, `${name}.out`), 'w');
  const err = fs.openSync(path.join(dir, `${name}.err`), 'w');
  const child = spawn('setpriv', ['--pdeathsig', 'KILL', '--', binary, ...args], {
    stdio: ['ignore', out, err],
  });
  const outPath = path.join(dir, `${name}.out`);
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  for (;;) {
    const text = fs.readFileSync(outPath, 'utf8');
    const m = text.match(readyPattern);
    if (m) {
      return {
        child, match: m,
        log: () => fs.readFileSync(outPath, 'utf8') + fs.readFileSync(path.join(dir, `${name}.err`), 'utf8'),
        async stop() {
          if (exited) return;
          const done = new Promise((resolve) => child.once('exit', resolve));
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await done;
          clearTimeout(timer);
        },
      };
    }
    if (exited) {
      throw new Error(`${name} exited (${JSON.stringify(exited)}) before it was ready:\n` +
        fs.readFileSync(path.join(dir, `${name}.err`), 'utf8'));
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

// `duskd --dev` on free ports; blocks on demand unless `blockTime` is given.
export async function startDuskd({ blockTime = '0', extraArgs = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dusk-rpc-e2e-'));
  const args = ['--dev', '--datadir', path.join(dir, 'data'), '--api', '127.0.0.1:0', '--rpc', '127.0.0.1:0',
    '--block-time', blockTime, '--log-level', 'warn', ...extraArgs];
  const p = await startProcess(duskdBinary(), args,
    { name: 'duskd', readyPattern: /duskd ready: api (\S+) rpc (\S+)/, dir });
  const [, api, rpc] = p.match;
  // The development accounts' DuskDS public keys, as duskd printed them.
  const dsKeys = [...fs.readFileSync(path.join(dir, 'duskd.out'), 'utf8').matchAll(/^\((\d+)\) DuskDS\s+([0-9a-f]+)/gm)]
    .map((m) => m[2]);
  return {
    dir,
    dsKeys,
    pid: p.child.pid,
    apiUrl: `http://${api}`,
    rpcUrl: `http://${rpc}`,
    wsUrl: `ws://${rpc}`,
    log: p.log,
    async stop() {
      await p.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A raw JSON-RPC request (or batch) over HTTP: { status, body (parsed when JSON) }.
export async function rawRpc(url, body, { contentType = 'application/json' } = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed = text;
  try { parsed = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, body: parsed };
}
