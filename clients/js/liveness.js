// A SenseID client for browsers and Node 18+, on WebCrypto: encrypt a video with AES-256-GCM and post it.
//   import { checkLiveness } from './liveness.js';
//   const answer = await checkLiveness('http://127.0.0.1:8080', videoBytes, { returnStatus: true });
// In a browser, videoBytes comes from a File (await file.arrayBuffer()); the page must be served by the host's
// origin or the front must allow it (CORS).

export const ROUTE = '/liveness/silent_detection/stateless';

/** The manual's published key and IV, which the server falls back to without PARAM_DECRYPT_KEY / PARAM_DECRYPT_IV. */
export const MANUAL_KEY = 'dcbbad6765e14139a07d34b92292a672';
export const MANUAL_IV = 'df25d188a061';

const utf8 = new TextEncoder();

/** Base64 (standard alphabet, padded) of bytes, in chunks: String.fromCharCode takes a bounded number of arguments. */
function toBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** AES-256-GCM, key and IV as UTF-8, the 128-bit tag appended (WebCrypto's output, as Java's AES/GCM/NoPadding), Base64. */
export async function encryptVideo(video, key = MANUAL_KEY, iv = MANUAL_IV, subtle = globalThis.crypto.subtle) {
  const aesKey = await subtle.importKey('raw', utf8.encode(key), 'AES-GCM', false, ['encrypt']);
  const sealed = await subtle.encrypt({ name: 'AES-GCM', iv: utf8.encode(iv), tagLength: 128 }, aesKey, video);
  return toBase64(new Uint8Array(sealed));
}

/** Posts the video form-encoded (the manual's body) and returns the parsed JSON answer, error answers included. */
export async function checkLiveness(baseUrl, video, options = {}) {
  const { key = MANUAL_KEY, iv = MANUAL_IV, returnStatus = true, returnImage = false, returnFaceImage = false, subtle } = options;
  const body = new URLSearchParams({
    encrypted_video: await encryptVideo(video, key, iv, subtle),
    return_status: String(returnStatus),
    return_image: String(returnImage),
    return_face_image: String(returnFaceImage),
  });
  const response = await fetch(baseUrl.replace(/\/+$/, '') + ROUTE, { method: 'POST', body });
  return response.json();
}
