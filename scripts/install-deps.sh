#!/usr/bin/env bash
# Installs every Debian package the build, tests and benchmarks need.
# Idempotent: when everything is present it only runs one dpkg-query and exits.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build ccache make pkg-config
  # libraries and test frameworks
  libgtest-dev libgmock-dev libbenchmark-dev nlohmann-json3-dev
  # the node's database (src/storage)
  librocksdb-dev
  # command lines of the tools in apps/ (header-only)
  libcli11-dev
  # DuskDS genesis files (src/duskds/genesis.*, header-only TOML parser)
  libtomlplusplus-dev
  # ecrecover (the EVM's precompile 0x01) and transaction sender recovery
  libsecp256k1-dev
  # OpenSSL's BIGNUM for the EVM's modexp precompile (0x05); PBKDF2/HMAC-SHA512 for
  # the wallet's BIP-39 seeds
  libssl-dev
  # the node's HTTP API and WebSocket stream (Boost.Asio and Boost.Beast, header-only)
  libboost-dev
  # the wallet's keys at rest (Argon2id and XChaCha20-Poly1305)
  libsodium-dev
  # WebAssembly: wast2json for the spec suite, clang + lld + wasi-libc for test programs,
  # clang's runtimes for libFuzzer and the wasm32 builtins
  wabt clang lld wasi-libc libclang-rt-14-dev libclang-rt-14-dev-wasm32
  # test data archives
  zstd
  # scripts/bench.sh times runs with it (it falls back to a shell loop without)
  hyperfine
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
# Node.js runs the V8 side of the benchmarks and the differential-test oracles; any
# installed node will do (Debian's is 18, enough for the pinned packages). Debian ships
# npm as its own package; other builds of node (NodeSource) bundle it.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}" >&2
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "install-deps: done" >&2
fi

# npm packages for tests and benchmarks (@noble/curves, @chainsafe/blst, ...), exactly as
# pinned in package-lock.json. `npm ci` runs only when node_modules/ was installed from a
# different lock file (or not at all), so this stays instant on a warm tree.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
lock_sum=$(sha256sum "$root/package-lock.json" | cut -d' ' -f1)
stamp="$root/node_modules/.installed-from-lock"
if [[ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]]; then
  echo "install-deps: npm ci (package-lock.json)" >&2
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_sum" >"$stamp"
fi
