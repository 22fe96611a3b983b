// Bad input on the JSON-RPC: malformed JSON, invalid requests, unknown methods, wrong
// parameter types, oversized bodies and batches, replayed, underpriced, wrongly signed
// and wrong-chain transactions get geth's error codes and messages, and change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import net from 'node:net';
import { ethers } from 'ethers';
import { DEV_KEYS, rawRpc, startDuskd } from './support/duskd.mjs';

const GWEI = 10n ** 9n;

describe('the JSON-RPC refuses bad input', () => {
  let node, provider, owner;
  const call = (method, params = [], id = 1) => rawRpc(node.rpcUrl, { jsonrpc: '2.0', id, method, params });
  const errorOf = async (method, params) => {
    const { status, body } = await call(method, params);
    assert.equal(status, 200);
    assert.ok(body.error, `${method} ${JSON.stringify(params)} answered ${JSON.stringify(body)}`);
    return body.error;
  };
  // What must not change: the chain, the pool, the sender's account.
  const snapshot = async () => ({
    block: (await call('eth_blockNumber')).body.result,
    nonce: (await call('eth_getTransactionCount', [owner.address, 'pending'])).body.result,
    balance: (await call('eth_getBalance', [owner.address, 'latest'])).body.result,
    pool: (await (await fetch(`${node.apiUrl}/v1/metrics`)).json()).mempool,
  });

  before(async () => {
    node = await startDuskd();
    provider = new ethers.JsonRpcProvider(node.rpcUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
    provider.pollingInterval = 50;
    owner = new ethers.Wallet(DEV_KEYS[0], provider);
  });

  after(async () => {
    provider?.destroy();
    await node?.stop();
  });

  it('answers malformed requests with JSON-RPC errors', async () => {
    const before = await snapshot();
    let r = await rawRpc(node.rpcUrl, '{"jsonrpc":"2.0","id":1,"method":');
    assert.deepEqual(r.body, { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } });
    r = await rawRpc(node.rpcUrl, '"just a string"');
    assert.equal(r.body.error.code, -32600);
    r = await rawRpc(node.rpcUrl, { jsonrpc: '2.0', id: 7, params: [] });
    assert.deepEqual(r.body.error, { code: -32600, message: 'invalid request' });
    r = await rawRpc(node.rpcUrl, { jsonrpc: '1.0', id: 7, method: 'eth_chainId' });
    assert.equal(r.body.error.code, -32600);
    r = await rawRpc(node.rpcUrl, []);
    assert.deepEqual(r.body.error, { code: -32600, message: 'empty batch' });
    r = await rawRpc(node.rpcUrl, { jsonrpc: '2.0', id: 7, method: 'eth_chainId', params: { a: 1 } });
    assert.equal(r.body.error.code, -32602);
    // Deeply nested JSON is refused before it is parsed.
    r = await rawRpc(node.rpcUrl, '['.repeat(5000) + ']'.repeat(5000));
    assert.equal(r.body.error.code, -32700);

    let e = await errorOf('eth_noSuchMethod', []);
    assert.deepEqual(e, { code: -32601, message: 'the method eth_noSuchMethod does not exist/is not available' });
    e = await errorOf('eth_getBalance', ['0xZZ', 'latest']);
    assert.equal(e.code, -32602);
    assert.match(e.message, /^invalid argument 0: /);
    e = await errorOf('eth_getBalance', [owner.address, '0x01']);
    assert.deepEqual(e, { code: -32602, message: 'invalid argument 1: hex number with leading zero digits' });
    e = await errorOf('eth_getBlockByNumber', ['latest', 'yes']);
    assert.equal(e.code, -32602);
    e = await errorOf('eth_getBalance', []);
    assert.deepEqual(e, { code: -32602, message: 'missing value for required argument 0' });
    e = await errorOf('eth_blockNumber', [1, 2]);
    assert.deepEqual(e, { code: -32602, message: 'too many arguments, want at most 0' });
    e = await errorOf('eth_getBalance', [owner.address, '0xffffff']);
    assert.deepEqual(e, { code: -32000, message: 'header not found' });
    e = await errorOf('eth_getLogs', [{ fromBlock: '0x0', toBlock: '0x0', blockHash: ethers.ZeroHash }]);
    assert.equal(e.code, -32602);
    e = await errorOf('eth_sendRawTransaction', ['0x1234']);
    assert.equal(e.code, -32000);
    e = await errorOf('eth_sendTransaction', [{ from: owner.address, to: owner.address }]);
    assert.equal(e.code, -32000);
    // A notification gets no answer at all.
    r = await rawRpc(node.rpcUrl, { jsonrpc: '2.0', method: 'eth_chainId' });
    assert.equal(r.status, 200);
    assert.equal(r.body, '');
    assert.deepEqual(await snapshot(), before);
  });

  it('bounds bodies and batches', async () => {
    // A batch answers every request, errors in their place.
    let r = await rawRpc(node.rpcUrl, [
      { jsonrpc: '2.0', id: 1, method: 'eth_chainId' },
      { jsonrpc: '2.0', id: 2, method: 'nope' },
      { jsonrpc: '2.0', method: 'eth_chainId' },
      7,
    ]);
    assert.equal(r.body.length, 3);
    assert.equal(r.body[0].result, '0x539');
    assert.equal(r.body[1].error.code, -32601);
    assert.equal(r.body[2].error.code, -32600);
    const big = Array.from({ length: 1001 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'eth_chainId' }));
    r = await rawRpc(node.rpcUrl, big);
    assert.equal(r.body.error.code, -32600);
    assert.match(r.body.error.message, /batch too large/);
    // Above the body limit (5 MiB): HTTP 413 before the body is read.
    // (A raw socket: the server answers from the Content-Length and closes, so a client
    // still sending the body would see a reset instead of the answer.)
    const url = new URL(node.rpcUrl);
    const answer = await new Promise((resolve, reject) => {
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.write(`POST / HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: ${6 * 1024 * 1024}\r\n\r\n{`);
      });
      let text = '';
      socket.on('data', (d) => { text += d; });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
      setTimeout(() => { socket.destroy(); resolve(text); }, 5000);
    });
    assert.match(answer, /^HTTP\/1\.1 413 /);
    // A range that ends beyond the head stops there (as geth); one that starts beyond it is empty.
    r = await call('eth_getLogs', [{ fromBlock: '0x0', toBlock: '0x100000' }]);
    assert.deepEqual(r.body.result, []);
    const e = await errorOf('eth_getLogs', [{ fromBlock: '0x10', toBlock: '0x1' }]);
    assert.equal(e.code, -32602);
  });

  it('refuses replayed, underpriced and wrongly signed transactions', async () => {
    const to = ethers.Wallet.createRandom().address;
    const nonce = await provider.getTransactionCount(owner.address, 'pending');
    const base = { to, value: 1n, gasLimit: 21000n, chainId: 1337n, type: 2, maxFeePerGas: 20n * GWEI, maxPriorityFeePerGas: 2n * GWEI };
    const raw = await owner.signTransaction({ ...base, nonce });
    const hash = (await call('eth_sendRawTransaction', [raw])).body.result;
    assert.equal(hash, ethers.keccak256(raw));
    await provider.waitForTransaction(hash);
    // On demand, more blocks follow until that one is final; then the chain rests.
    for (let last = -1, i = 0; i < 50; i++) {
      const head = await provider.getBlockNumber();
      if (head === last) break;
      last = head;
      await new Promise((res) => setTimeout(res, 200));
    }
    const before = await snapshot();

    let e = await errorOf('eth_sendRawTransaction', [raw]);  // replayed after inclusion
    assert.deepEqual(e, { code: -32000, message: 'nonce too low' });
    e = await errorOf('eth_sendRawTransaction', [await owner.signTransaction({ ...base, nonce: nonce + 1, maxPriorityFeePerGas: 0n })]);
    assert.deepEqual(e, { code: -32000, message: 'transaction gas price below minimum: gas tip cap 0, minimum needed 1' });
    e = await errorOf('eth_sendRawTransaction', [await owner.signTransaction({ ...base, nonce: nonce + 1, maxFeePerGas: 1n, maxPriorityFeePerGas: 1n })]);
    assert.equal(e.code, -32000);
    e = await errorOf('eth_sendRawTransaction', [await owner.signTransaction({ ...base, nonce: nonce + 1, chainId: 1n })]);
    assert.equal(e.code, -32000);
    assert.match(e.message, /chain id/);
    e = await errorOf('eth_sendRawTransaction', [await owner.signTransaction({ ...base, nonce: nonce + 1, gasLimit: 20000n })]);
    assert.deepEqual(e, { code: -32000, message: 'intrinsic gas too low' });
    e = await errorOf('eth_sendRawTransaction', [await owner.signTransaction({ ...base, nonce: nonce + 1, value: ethers.parseEther('1000000') })]);
    assert.deepEqual(e, { code: -32000, message: 'insufficient funds for gas * price + value' });
    // A signature that does not verify: s flipped to the upper half.
    const signed = await owner.signTransaction({ ...base, nonce: nonce + 1 });
    const fields = ethers.decodeRlp('0x' + signed.slice(4));
    const n = BigInt('0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141');
    fields[11] = ethers.toBeHex(n - BigInt(fields[11]));  // (r, n - s): malleable, EIP-2 refuses it
    fields[9] = fields[9] === '0x' ? '0x01' : '0x';
    e = await errorOf('eth_sendRawTransaction', ['0x02' + ethers.encodeRlp(fields).slice(2)]);
    assert.equal(e.code, -32000);
    assert.deepEqual(await snapshot(), before);

    // Replacement: the same nonce needs 10% more on both fee caps.
    const pending = await owner.signTransaction({ ...base, nonce: nonce + 5 });  // a gap: stays pooled
    assert.equal((await call('eth_sendRawTransaction', [pending])).body.result, ethers.keccak256(pending));
    e = await errorOf('eth_sendRawTransaction', [pending]);
    assert.deepEqual(e, { code: -32000, message: 'already known' });
    e = await errorOf('eth_sendRawTransaction', [await owner.signTransaction({ ...base, nonce: nonce + 5, maxPriorityFeePerGas: 2n * GWEI + 1n })]);
    assert.deepEqual(e, { code: -32000, message: 'replacement transaction underpriced' });
  });
});
