#!/usr/bin/env node
// A stand-in for a native `solc` binary, for forge (foundry.toml `solc = "<wrapper>"`):
// the npm solc (soljson, pinned in package-lock.json) behind the two command lines forge
// uses, so that forge never downloads a compiler.
//   solc --version          "solc, the solidity compiler commandline interface\nVersion: X"
//                           where X is solc.version() with the native platform suffix
//                           (".Emscripten.clang" -> ".Linux.g++"), as a release build prints.
//   solc [options] --standard-json
//                           Standard JSON in on stdin, out on stdout. Imports a source does
//                           not carry are read below --base-path and the --include-path
//                           directories (forge passes every source's content anyway).
// Other options forge adds (--allow-paths, --no-import-callback, ...) are accepted and ignored.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const solc = require('solc');

const args = process.argv.slice(2);

function nativeVersion() {
  return solc.version().replace(/\.Emscripten\.clang$/, '.Linux.g++');
}

function optionValues(name) {
  const values = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name && i + 1 < args.length) values.push(args[++i]);
    else if (args[i].startsWith(name + '=')) values.push(args[i].slice(name.length + 1));
  }
  return values;
}

if (args.includes('--version')) {
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${nativeVersion()}\n`);
  process.exit(0);
}

if (!args.includes('--standard-json')) {
  process.stderr.write('solc-standard-json.mjs: only --version and --standard-json are supported\n');
  process.exit(1);
}

const roots = [...optionValues('--base-path'), ...optionValues('--include-path')];
if (roots.length === 0) roots.push(process.cwd());
const noCallback = args.includes('--no-import-callback');

function findImports(importPath) {
  if (noCallback) return { error: 'import callback disabled' };
  for (const root of roots) {
    const file = path.resolve(root, importPath);
    if (fs.existsSync(file)) return { contents: fs.readFileSync(file, 'utf8') };
  }
  return { error: `File not found: ${importPath}` };
}

const input = fs.readFileSync(0, 'utf8');
process.stdout.write(solc.compile(input, { import: findImports }));
process.stdout.write('\n');
