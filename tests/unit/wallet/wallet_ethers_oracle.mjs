// Oracle for wallet_ethers_test.cpp: BIP-39 phrases and seeds, BIP-32 keys and EVM
// addresses as ethers (npm, pinned in package-lock.json) computes them. Deterministic:
// entropies and seeds are SHA-256 of a counter, so a failing line can be reproduced.
//
// Usage: node wallet_ethers_oracle.mjs N   (N cases per entropy length; 20 by default)
// Lines:
//   mnemonic <entropy> <passphrase hex or -> | <words joined by ','> <seed> <sk@0> <address@0> <address@3>
//   bip32 <seed> <path> | <secret key> <chain code>
import { createHash } from 'node:crypto';
import { HDNodeWallet, Mnemonic } from 'ethers';

const n = Number(process.argv[2] ?? 20);
const sha256 = (s) => createHash('sha256').update(s).digest();
const hex = (b) => Buffer.from(b).toString('hex');
const strip = (h) => h.replace(/^0x/, '');

for (const len of [16, 20, 24, 28, 32]) {
  for (let i = 0; i < n; ++i) {
    const entropy = sha256(`dusk wallet oracle ${len} ${i}`).subarray(0, len);
    // A third of the cases without passphrase; the others with spaces and capitals.
    const pass = i % 3 === 0 ? '' : `Pass phrase ${len}-${i}!`;
    const m = Mnemonic.fromEntropy(entropy, pass);
    const seed = strip(m.computeSeed());
    const w0 = HDNodeWallet.fromPhrase(m.phrase, pass, "m/44'/60'/0'/0/0");
    const w3 = HDNodeWallet.fromPhrase(m.phrase, pass, "m/44'/60'/0'/0/3");
    console.log(`mnemonic ${hex(entropy)} ${pass ? hex(Buffer.from(pass)) : '-'} | ` +
                `${m.phrase.split(' ').join(',')} ${seed} ${strip(w0.privateKey)} ${w0.address} ${w3.address}`);
  }
}

// BIP-32 paths mixing hardened and normal steps, from seeds of 16, 32 and 64 bytes.
const paths = ['m', "m/0'", "m/0'/1", "m/0'/1/2'", "m/0'/1/2'/2", "m/44'/60'/0'/0/7", 'm/1/2/3', "m/2147483647'/0"];
for (let i = 0; i < n; ++i) {
  const seed = Buffer.concat([sha256(`dusk bip32 ${i} a`), sha256(`dusk bip32 ${i} b`)]).subarray(0, [16, 32, 64][i % 3]);
  const master = HDNodeWallet.fromSeed(seed);
  for (const p of paths) {
    const k = p === 'm' ? master : master.derivePath(p.slice(2));
    console.log(`bip32 ${hex(seed)} ${p} | ${strip(k.privateKey)} ${strip(k.chainCode)}`);
  }
}
