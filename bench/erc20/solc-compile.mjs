// Compiles one Solidity file with the solc package of node_modules (solc-js, the compiler
// `solcjs` wraps) and writes the creation bytecode of one of its contracts as hex.
// The solcjs command line has no --evm-version, so this goes through the standard-JSON
// interface, which has.
//
//   node solc-compile.mjs SOURCE.sol CONTRACT EVM_VERSION OUT.hex
//
// Optimizer on, 200 runs (solc's default). Fails on any compiler error.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const [source, contract, evmVersion, out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node solc-compile.mjs SOURCE.sol CONTRACT EVM_VERSION OUT.hex');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const solc = require('solc');
const file = basename(source);
const input = {
  language: 'Solidity',
  sources: { [file]: { content: readFileSync(source, 'utf8') } },
  settings: {
    evmVersion,
    optimizer: { enabled: true, runs: 200 },
    outputSelection: { [file]: { [contract]: ['evm.bytecode.object'] } },
  },
};
const output = JSON.parse(solc.compile(JSON.stringify(input)));
let failed = false;
for (const e of output.errors ?? []) {
  console.error(e.formattedMessage ?? e.message);
  if (e.severity === 'error') failed = true;
}
const bytecode = output.contracts?.[file]?.[contract]?.evm?.bytecode?.object;
if (failed || !bytecode) {
  console.error(`solc-compile: no bytecode for ${contract} in ${source}`);
  process.exit(1);
}
writeFileSync(out, bytecode + '\n');
console.log(`solc ${solc.version()}: ${contract} (${evmVersion}), ${bytecode.length / 2} bytes of creation code`);
