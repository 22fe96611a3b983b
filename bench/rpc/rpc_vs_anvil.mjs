#!/usr/bin/env node
// The JSON-RPC side by side with anvil (@foundry-rs/anvil from npm), in one run on the
// same machine: each node started fresh in its development mode (duskd --dev with blocks
// on demand, anvil automining), then
//   1. ERC-20 transfers per second into blocks: --senders x --per-sender transfers signed
//      beforehand, sent over JSON-RPC (eth_sendRawTransaction, --concurrency requests in
//      flight, --batch transactions per request), counted from the first send until every
//      receipt is there;
//   2. eth_call (balanceOf) requests per second, --concurrency in flight, for --seconds;
//   3. time from submission to receipt of one transfer at a time (--latency-samples),
//      polling the receipt every millisecond.
// Prints each figure for both nodes and the ratios. Bounded: it stops by itself.
//
//   DUSKD=build/release/apps/duskd/duskd node bench/rpc/rpc_vs_anvil.mjs [--senders 100]
//     [--per-sender 40] [--concurrency 16] [--seconds 5] [--latency-samples 50]
import http from 'node:http';
import { parseArgs } from 'node:util';
import { ethers } from 'ethers';
import { compileContracts } from '../../tests/e2e/rpc/support/solidity.mjs';
import { DEV_KEYS, startDuskd, startProcess } from '../../tests/e2e/rpc/support/duskd.mjs';
import { foundryBinary } from '../../tests/e2e/rpc/support/foundry.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const { values: opt } = parseArgs({ options: {
  senders: { type: 'string', default: '100' }, 'per-sender': { type: 'string', default: '40' },
  concurrency: { type: 'string', default: '16' }, seconds: { type: 'string', default: '5' },
  'latency-samples': { type: 'string', default: '50' },
  batch: { type: 'string', default: '1' },  // transactions per JSON-RPC request (a batch above 1)
  only: { type: 'string' },  // "duskd" or "anvil": one side (for profiling)
} });
const SENDERS = Number(opt.senders), PER = Number(opt['per-sender']), CONC = Number(opt.concurrency);
const SECONDS = Number(opt.seconds), SAMPLES = Number(opt['latency-samples']), BATCH = Number(opt.batch);
const GWEI = 10n ** 9n;

async function startAnvil() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dusk-bench-anvil-'));
  const p = await startProcess(foundryBinary('anvil'),
    ['--port', '0', '--chain-id', '1337', '--hardfork', 'prague'],
    { name: 'anvil', readyPattern: /Listening on (\S+)/, dir });
  return { rpcUrl: `http://${p.match[1]}`, async stop() { await p.stop(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

// A lean client, so that the load generator (on the same 2 cores) costs little: node's
// http with kept-alive connections, request bodies serialized before the clock starts.
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function post(url, body) {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: '/', method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString()));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let nextId = 1;
async function rpc(url, method, params) {
  const body = JSON.parse(await post(url, JSON.stringify({ jsonrpc: '2.0', id: nextId++, method, params })));
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

// Several transactions in one JSON-RPC batch; their hashes in order.
async function sendBody(url, body) {
  const answer = JSON.parse(await post(url, body));
  const list = Array.isArray(answer) ? answer : [answer];
  return list.map((b) => { if (b.error) throw new Error(`eth_sendRawTransaction: ${b.error.message}`); return b.result; });
}

async function pool(items, concurrency, fn) {
  let i = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (i < items.length) { const k = i++; await fn(items[k], k); }
  }));
}

// A receipt, or an error after 60 s (a node that dropped the transaction must not hang
// the benchmark).
async function waitReceipt(url, hash, pollMs = 1) {
  const deadline = performance.now() + 60000;
  for (;;) {
    const r = await rpc(url, 'eth_getTransactionReceipt', [hash]);
    if (r) return r;
    if (performance.now() > deadline) throw new Error(`no receipt for ${hash} within 60 s`);
    await new Promise((res) => setTimeout(res, pollMs));
  }
}

async function measure(name, url) {
  const artifacts = compileContracts();
  const token = new ethers.Interface(artifacts.Token.abi);
  const owner = new ethers.Wallet(DEV_KEYS[0]);
  let ownerNonce = Number(await rpc(url, 'eth_getTransactionCount', [owner.address, 'pending']));
  const fee = { type: 2, chainId: 1337n, maxFeePerGas: 50n * GWEI, maxPriorityFeePerGas: 2n * GWEI };
  // Setup (not timed): the token, and senders with DUSK for gas and tokens to send.
  const ctor = ethers.AbiCoder.defaultAbiCoder().encode(['uint256'], [10n ** 30n]);
  let raw = await owner.signTransaction({ ...fee, nonce: ownerNonce++, gasLimit: 3_000_000n, data: artifacts.Token.bytecode + ctor.slice(2) });
  const deployed = await waitReceipt(url, await rpc(url, 'eth_sendRawTransaction', [raw]));
  const tokenAddress = deployed.contractAddress;
  const senders = Array.from({ length: SENDERS }, (_, i) => new ethers.Wallet(ethers.keccak256(ethers.toUtf8Bytes(`bench sender ${i}`))));
  const setup = [];
  for (const s of senders) {
    setup.push(await owner.signTransaction({ ...fee, nonce: ownerNonce++, gasLimit: 21_000n, to: s.address, value: 10n ** 18n }));
    setup.push(await owner.signTransaction({ ...fee, nonce: ownerNonce++, gasLimit: 100_000n, to: tokenAddress,
      data: token.encodeFunctionData('transfer', [s.address, 10n ** 24n]) }));
  }
  // In nonce order, a window at a time (pools cap pending transactions per sender).
  for (let i = 0; i < setup.length; i += 32) {
    const hashes = await Promise.all(setup.slice(i, i + 32).map((r) => rpc(url, 'eth_sendRawTransaction', [r])));
    await waitReceipt(url, hashes[hashes.length - 1]);
  }

  // 1. Transfers, signed beforehand.
  const txs = [];
  for (let n = 0; n < PER; n++) {
    for (const s of senders) {
      txs.push(await s.signTransaction({ ...fee, nonce: n, gasLimit: 60_000n, to: tokenAddress,
        data: token.encodeFunctionData('transfer', [owner.address, 1n]) }));
    }
  }
  // The request bodies, one transaction or a batch of BATCH each.
  const bodies = [];
  for (let i = 0; i < txs.length; i += BATCH) {
    const requests = txs.slice(i, i + BATCH).map((r) => ({ jsonrpc: '2.0', id: nextId++, method: 'eth_sendRawTransaction', params: [r] }));
    bodies.push({ at: i, text: JSON.stringify(BATCH <= 1 ? requests[0] : requests) });
  }
  const start = performance.now();
  const hashes = new Array(txs.length);
  await pool(bodies, CONC, async ({ at, text }) => {
    const got = await sendBody(url, text);
    got.forEach((h, j) => { hashes[at + j] = h; });
  });
  const sent = performance.now();
  for (let k = hashes.length - 1; k >= 0; k -= SENDERS) await waitReceipt(url, hashes[k], 5);  // each sender's last
  await Promise.all(hashes.slice(0, 64).map((h) => waitReceipt(url, h, 5)));
  const done = performance.now();
  const tps = txs.length / ((done - start) / 1000);

  // 2. eth_call.
  const call = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_call',
    params: [{ to: tokenAddress, data: token.encodeFunctionData('balanceOf', [owner.address]) }, 'latest'] });
  let calls = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONC }, async () => {
    while (performance.now() < until) {
      const answer = JSON.parse(await post(url, call));
      if (answer.error) throw new Error(`eth_call: ${answer.error.message}`);
      calls++;
    }
  }));
  const cps = calls / SECONDS;

  // 3. Submission to receipt, one at a time.
  const lat = [];
  let n = PER;
  for (let i = 0; i < SAMPLES; i++) {
    const s = senders[i % SENDERS];
    const r = await s.signTransaction({ ...fee, nonce: n + Math.floor(i / SENDERS), gasLimit: 60_000n, to: tokenAddress,
      data: token.encodeFunctionData('transfer', [owner.address, 1n]) });
    const t0 = performance.now();
    await waitReceipt(url, await rpc(url, 'eth_sendRawTransaction', [r]), 1);
    lat.push(performance.now() - t0);
  }
  lat.sort((a, b) => a - b);
  const q = (p) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))];
  const out = { name, transfers: txs.length, tps, send_s: (sent - start) / 1000, calls_per_s: cps,
    latency_ms: { p50: q(0.5), p90: q(0.9), p99: q(0.99) } };
  console.log(`${name}: ${txs.length} ERC-20 transfers in ${((done - start) / 1000).toFixed(2)} s = ${tps.toFixed(0)}/s` +
    ` (sending took ${out.send_s.toFixed(2)} s); eth_call ${cps.toFixed(0)}/s; submission to receipt p50 ` +
    `${out.latency_ms.p50.toFixed(1)} ms, p90 ${out.latency_ms.p90.toFixed(1)} ms, p99 ${out.latency_ms.p99.toFixed(1)} ms`);
  return out;
}

const dusk = opt.only === 'anvil' ? null : await startDuskd();
const anvil = opt.only === 'duskd' ? null : await startAnvil();
try {
  if (dusk) console.log(`duskd pid ${dusk.pid}`);
  const d = dusk ? await measure('duskd', dusk.rpcUrl) : null;
  const a = anvil ? await measure('anvil', anvil.rpcUrl) : null;
  if (d && a) console.log(`ratios duskd/anvil: transfers/s ${(d.tps / a.tps).toFixed(2)}x, eth_call/s ${(d.calls_per_s / a.calls_per_s).toFixed(2)}x,` +
    ` latency p50 ${(d.latency_ms.p50 / a.latency_ms.p50).toFixed(2)}x`);
} finally {
  agent.destroy();
  await Promise.all([dusk?.stop(), anvil?.stop()]);
}
