// Differential: the same signed transactions sent to anvil (@foundry-rs/anvil, npm) and
// to `duskd --dev`, one at a time; receipts, logs, gas used, balances, nonces, code,
// storage and storage proofs must agree field by field. The transactions are signed
// once (anvil runs with duskd's chain id, 1337, so even the transaction hashes agree)
// with fixed gas limits and fees, so nothing depends on either node's estimates.
// Fields that must differ, and are not compared:
//   blockHash, blockNumber (duskd also makes blocks that only finalize others),
//   blockTimestamp; the coinbase's balance (anvil's miner, duskd's bridge contract); the
//   state root and account proofs (duskd's genesis also holds the bridge contract).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ethers } from 'ethers';
import { compileContracts } from './support/solidity.mjs';
import { DEV_KEYS, startDuskd, startProcess } from './support/duskd.mjs';
import { foundryBinary } from './support/foundry.mjs';

const ANVIL = foundryBinary('anvil');
const GWEI = 10n ** 9n;

async function startAnvil() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dusk-anvil-'));
  const p = await startProcess(ANVIL, ['--port', '0', '--chain-id', '1337', '--hardfork', 'prague',
    '--block-base-fee-per-gas', '1000000000', '--gas-limit', '30000000', '--no-request-size-limit'],
  { name: 'anvil', readyPattern: /Listening on (\S+)/, dir });
  return { rpcUrl: `http://${p.match[1]}`, async stop() { await p.stop(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

// The fields of a receipt both nodes must agree on.
function comparable(r) {
  return {
    transactionHash: r.transactionHash, transactionIndex: r.transactionIndex, type: r.type, status: r.status,
    from: r.from, to: r.to, contractAddress: r.contractAddress, gasUsed: r.gasUsed,
    cumulativeGasUsed: r.cumulativeGasUsed, effectiveGasPrice: r.effectiveGasPrice, logsBloom: r.logsBloom,
    blobGasUsed: r.blobGasUsed,
    logs: r.logs.map((l) => ({ address: l.address, topics: l.topics, data: l.data, logIndex: l.logIndex,
      transactionIndex: l.transactionIndex, transactionHash: l.transactionHash, removed: l.removed })),
  };
}

describe('duskd --dev and anvil agree', () => {
  let anvil, dusk, artifacts;
  const nodes = {};

  before(async () => {
    artifacts = compileContracts();
    [anvil, dusk] = await Promise.all([startAnvil(), startDuskd()]);
    nodes.anvil = new ethers.JsonRpcProvider(anvil.rpcUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
    nodes.dusk = new ethers.JsonRpcProvider(dusk.rpcUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
  });

  after(async () => {
    for (const p of Object.values(nodes)) p.destroy();
    await Promise.all([anvil?.stop(), dusk?.stop()]);
  });

  it('executes the same transactions alike', async () => {
    const wallets = DEV_KEYS.map((k) => new ethers.Wallet(k));
    const [owner, alice, bob, eoa] = wallets;
    const nonces = new Map();
    const token = new ethers.Interface(artifacts.Token.abi);
    const delegate = new ethers.Interface(artifacts.Delegate.abi);
    const tokenAddress = ethers.getCreateAddress({ from: owner.address, nonce: 0 });
    const delegateAddress = ethers.getCreateAddress({ from: owner.address, nonce: 1 });
    const fees = { type: 2, maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: 10n * GWEI, chainId: 1337n };
    const next = (w) => { const n = nonces.get(w.address) ?? 0; nonces.set(w.address, n + 1); return n; };
    const sign = async (w, tx) => w.signTransaction({ ...fees, gasLimit: 300000n, ...tx, nonce: next(w) });

    const steps = [];
    const ctor = ethers.AbiCoder.defaultAbiCoder().encode(['uint256'], [ethers.parseEther('1000000')]);
    steps.push(['deploy Token', await sign(owner, { data: artifacts.Token.bytecode + ctor.slice(2), gasLimit: 3000000n })]);
    steps.push(['deploy Delegate', await sign(owner, { data: artifacts.Delegate.bytecode, gasLimit: 1000000n })]);
    steps.push(['transfer', await sign(owner, { to: tokenAddress, data: token.encodeFunctionData('transfer', [alice.address, ethers.parseEther('500')]) })]);
    steps.push(['approve', await sign(alice, { to: tokenAddress, data: token.encodeFunctionData('approve', [bob.address, ethers.parseEther('100')]) })]);
    steps.push(['transferFrom', await sign(bob, { to: tokenAddress, data: token.encodeFunctionData('transferFrom', [alice.address, bob.address, ethers.parseEther('60')]) })]);
    steps.push(['transferFrom beyond the allowance (reverts)', await sign(bob, { to: tokenAddress, data: token.encodeFunctionData('transferFrom', [alice.address, bob.address, ethers.parseEther('60')]) })]);
    steps.push(['transfer beyond the balance (custom error)', await sign(bob, { to: tokenAddress, data: token.encodeFunctionData('transfer', [alice.address, ethers.parseEther('61')]) })]);
    steps.push(['note', await sign(alice, { to: tokenAddress, data: token.encodeFunctionData('note', [42n, 'hello from both nodes']) })]);
    steps.push(['mint', await sign(owner, { to: tokenAddress, data: token.encodeFunctionData('mint', [bob.address, 7n]) })]);
    steps.push(['value transfer', await sign(alice, { to: eoa.address, value: ethers.parseEther('1.5'), gasLimit: 21000n })]);
    steps.push(['legacy transfer', await sign(bob, { type: 0, gasPrice: 10n * GWEI, maxFeePerGas: undefined, maxPriorityFeePerGas: undefined, to: alice.address, value: 12345n, gasLimit: 21000n })]);
    steps.push(['access-list transaction', await sign(owner, { type: 1, gasPrice: 10n * GWEI, maxFeePerGas: undefined, maxPriorityFeePerGas: undefined, to: tokenAddress,
      data: token.encodeFunctionData('transfer', [bob.address, 1n]),
      accessList: [{ address: tokenAddress, storageKeys: [ethers.ZeroHash] }] })]);
    const eoaNonce = next(eoa);
    const auth = await eoa.authorize({ address: delegateAddress, nonce: eoaNonce + 1, chainId: 1337n });
    steps.push(['EIP-7702 set code and ping', await eoa.signTransaction({ ...fees, type: 4, gasLimit: 300000n, nonce: eoaNonce,
      to: eoa.address, data: delegate.encodeFunctionData('ping'), authorizationList: [auth] })]);
    nonces.set(eoa.address, eoaNonce + 2);
    steps.push(['ping the delegated EOA', await sign(alice, { to: eoa.address, data: delegate.encodeFunctionData('ping') })]);
    steps.push(['out of gas', await sign(owner, { to: tokenAddress, data: token.encodeFunctionData('note', [1n, 'x'.repeat(32)]), gasLimit: 24000n })]);

    for (const [name, raw] of steps) {
      const receipts = {};
      for (const [which, provider] of Object.entries(nodes)) {
        const hash = await provider.send('eth_sendRawTransaction', [raw]);
        assert.equal(hash, ethers.keccak256(raw), `${name}: ${which} returned another hash`);
        const deadline = Date.now() + 20000;
        let r = null;
        while (!r && Date.now() < deadline) {
          r = await provider.send('eth_getTransactionReceipt', [hash]);
          if (!r) await new Promise((res) => setTimeout(res, 20));
        }
        assert.ok(r, `${name}: no receipt from ${which}`);
        receipts[which] = r;
      }
      assert.deepEqual(comparable(receipts.dusk), comparable(receipts.anvil), name);
    }

    // The state both reached.
    const accounts = [...wallets.map((w) => w.address), tokenAddress, delegateAddress];
    for (const a of accounts) {
      for (const method of ['eth_getBalance', 'eth_getTransactionCount', 'eth_getCode']) {
        const [x, y] = await Promise.all([nodes.dusk.send(method, [a, 'latest']), nodes.anvil.send(method, [a, 'latest'])]);
        assert.equal(x, y, `${method} ${a}`);
      }
    }
    const slot = (key, index) => ethers.solidityPackedKeccak256(['uint256', 'uint256'], [key, index]);
    const slots = [ethers.toBeHex(0, 32), ...wallets.map((w) => slot(w.address, 1)),
      ethers.solidityPackedKeccak256(['uint256', 'uint256'], [bob.address, slot(alice.address, 2)])];
    for (const s of slots) {
      const [x, y] = await Promise.all([nodes.dusk.send('eth_getStorageAt', [tokenAddress, s, 'latest']),
        nodes.anvil.send('eth_getStorageAt', [tokenAddress, s, 'latest'])]);
      assert.equal(x, y, `slot ${s}`);
    }
    assert.equal(await nodes.dusk.send('eth_getStorageAt', [eoa.address, '0x0', 'latest']),
      await nodes.anvil.send('eth_getStorageAt', [eoa.address, '0x0', 'latest']));
    // The token's storage trie is the same trie: same root, same proofs.
    const [px, py] = await Promise.all([nodes.dusk.send('eth_getProof', [tokenAddress, slots, 'latest']),
      nodes.anvil.send('eth_getProof', [tokenAddress, slots, 'latest'])]);
    assert.equal(px.storageHash, py.storageHash);
    assert.equal(px.codeHash, py.codeHash);
    assert.equal(px.balance, py.balance);
    assert.equal(px.nonce, py.nonce);
    assert.deepEqual(px.storageProof.map((s) => [s.value, s.proof]), py.storageProof.map((s) => [s.value, s.proof]));

    // Calls and estimates on the same state agree too.
    const call = { from: alice.address, to: tokenAddress, data: token.encodeFunctionData('balanceOf', [bob.address]) };
    assert.equal(await nodes.dusk.send('eth_call', [call, 'latest']), await nodes.anvil.send('eth_call', [call, 'latest']));
    const failing = { from: bob.address, to: tokenAddress, data: token.encodeFunctionData('transfer', [alice.address, ethers.parseEther('1000')]) };
    const errors = {};
    for (const [which, provider] of Object.entries(nodes)) {
      try { await provider.send('eth_call', [failing, 'latest']); } catch (e) { errors[which] = e.error ?? e.info?.error ?? { code: e.code, data: e.data }; }
    }
    assert.equal(errors.dusk.code, errors.anvil.code);
    assert.equal(errors.dusk.data, errors.anvil.data);
  });
});
