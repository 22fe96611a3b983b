// Foundry's native binaries from npm (@foundry-rs/<tool>-<platform>-<arch>), run
// directly: node_modules/.bin/<tool> is a node wrapper that spawns the binary, and
// killing the wrapper would leave the binary running.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function foundryBinary(tool) {
  const arch = { x64: 'amd64', arm64: 'arm64' }[process.arch];
  const pkg = require.resolve(`@foundry-rs/${tool}-${process.platform}-${arch}/package.json`);
  const bin = path.join(path.dirname(pkg), 'bin', tool);
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run scripts/install-deps.sh`);
  return bin;
}
