// The JavaScript client from Node:
//   node node.mjs http://127.0.0.1:8080 selfie.mp4
//   node node.mjs --test-vector      (prints the manual's test vector: 7EWZ/NONkYfOjH/m+K3KKsDO4CZ/)
// Key and IV from PARAM_DECRYPT_KEY / PARAM_DECRYPT_IV, else the manual's published defaults.
import { readFile } from 'node:fs/promises';
import { webcrypto } from 'node:crypto';
import { checkLiveness, encryptVideo, MANUAL_IV, MANUAL_KEY } from './liveness.js';

const key = process.env.PARAM_DECRYPT_KEY ?? MANUAL_KEY;
const iv = process.env.PARAM_DECRYPT_IV ?? MANUAL_IV;
// Node 18 has WebCrypto in node:crypto but not yet on globalThis.
const subtle = webcrypto.subtle;
const args = process.argv.slice(2);

if (args.length === 1 && args[0] === '--test-vector') {
  console.log(await encryptVideo(new TextEncoder().encode('hello'), key, iv, subtle));
} else if (args.length === 2) {
  const answer = await checkLiveness(args[0], await readFile(args[1]), { key, iv, subtle });
  console.log(JSON.stringify(answer));
  process.exitCode = answer.code === 1000 ? 0 : 2;
} else {
  console.error('usage: node node.mjs URL VIDEO | --test-vector');
  process.exitCode = 2;
}
