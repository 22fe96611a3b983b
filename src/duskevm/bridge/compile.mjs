// Compiles DuskBridge.sol with the solc package of node_modules (solc-js 0.8.30, pinned
// in package-lock.json) and prints its runtime bytecode as hex: what
// src/duskevm/bridge_contract.cpp embeds and tests/unit/duskevm/bridge_contract_test.cpp
// compares it with.
//
//   node src/duskevm/bridge/compile.mjs [SOURCE.sol]
//
// Settings: EVM version cancun (the oldest fork DuskEVM runs, so the code runs on every
// one), optimizer on with 200 runs, no metadata appended (the bytecode then depends on
// the source and these settings only). Fails on any compiler error.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = process.argv[2] ?? join(here, 'DuskBridge.sol');
const require = createRequire(import.meta.url);
const solc = require('solc');
const file = 'DuskBridge.sol';
const input = {
  language: 'Solidity',
  sources: { [file]: { content: readFileSync(source, 'utf8') } },
  settings: {
    evmVersion: 'cancun',
    optimizer: { enabled: true, runs: 200 },
    metadata: { appendCBOR: false },
    outputSelection: { [file]: { DuskBridge: ['evm.deployedBytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
let failed = false;
for (const e of output.errors ?? []) {
  console.error(e.formattedMessage ?? e.message);
  if (e.severity === 'error') failed = true;
}
const code = output.contracts?.[file]?.DuskBridge?.evm?.deployedBytecode?.object;
if (failed || !code) {
  console.error('compile.mjs: no runtime bytecode for DuskBridge');
  process.exit(1);
}
if (solc.version().split('+')[0] !== '0.8.30') {
  console.error(`compile.mjs: solc ${solc.version()}, 0.8.30 expected`);
  process.exit(1);
}
console.log(code);
