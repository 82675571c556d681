"use strict";

// The SenseID manual's published key and IV. The page fills them in only when the server says it runs on them
// (key.json); a server with its own key never tells it, and the user pastes it.
const MANUAL_KEY = "dcbbad6765e14139a07d34b92292a672";
const MANUAL_IV = "df25d188a061";
const ENDPOINT = "/liveness/silent_detection/stateless";
const RECORD_MS = 4000;
const COUNTDOWN_S = 3;
// Containers and codecs the server's FFmpeg decodes, best first, always named in full: never AV1, which not every
// FFmpeg build decodes, and never a bare container, which leaves the codec to the browser.
const RECORDING_TYPES = ["video/webm;codecs=vp8", "video/webm;codecs=vp9", "video/mp4;codecs=avc1", "video/webm;codecs=h264"];

const $ = (id) => document.getElementById(id);

function recordingType() {
  return RECORDING_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
}

function utf8(text, bytes, name) {
  const encoded = new TextEncoder().encode(text);
  if (encoded.length !== bytes) {
    throw new Error(`the ${name} must be ${bytes} bytes of UTF-8 (${bytes} ASCII characters); it is ${encoded.length}`);
  }
  return encoded;
}

// AES-256-GCM as the contract says: key and IV are the UTF-8 bytes of the strings, the 128-bit tag is appended
// (WebCrypto's output is Java's AES/GCM/NoPadding layout), no AAD, then standard Base64 with padding.
async function seal(video) {
  const key = utf8($("key").value, 32, "key");
  const iv = utf8($("iv").value, 12, "IV");
  const aes = await crypto.subtle.importKey("raw", key, "AES-GCM", false, ["encrypt"]);
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv, tagLength: 128 }, aes, await video.arrayBuffer());
  return base64(sealed);
}

function base64(buffer) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result.slice(reader.result.indexOf(",") + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(new Blob([buffer]));
  });
}

async function check(video) {
  clearAnswer();
  progress(`Encrypting ${(video.size / 1024).toFixed(0)} KiB (${video.type || "unknown type"})...`);
  const body = new URLSearchParams({
    encrypted_video: await seal(video),
    return_image: "true",
    return_face_image: "true",
    return_status: "true",
  });
  progress("Checking...");
  const response = await fetch(ENDPOINT, { method: "POST", body });
  show(await response.json());
  progress("");
}

function show(answer) {
  const decision = $("decision");
  if (answer.code !== 1000) {
    decision.textContent = `Error ${answer.code}`;
    decision.className = "decision failed";
    $("result").textContent = `code=${answer.code} message=${answer.message} request_id=${answer.request_id}`;
    return;
  }

  const labels = { ok: "Live person", hack: "Presentation attack", short_time: "Face visible too briefly" };
  decision.textContent = `${answer.passed ? "Passed" : "Failed"}: ${labels[answer.liveness_status] ?? answer.liveness_status}`;
  decision.className = answer.passed ? "decision passed" : "decision failed";
  $("result").textContent = `passed=${answer.passed} score=${answer.liveness_score.toFixed(2)} `
    + `status=${answer.liveness_status} request_id=${answer.request_id}`;
  image("frame", answer.base64_image, `selected frame at ${answer.image_timestamp?.toFixed(2)} s`);
  image("face", answer.base64_face_image, "face crop");
}

function image(id, base64Jpeg, caption) {
  if (base64Jpeg) {
    $(id).src = `data:image/jpeg;base64,${base64Jpeg}`;
    $(id).alt = caption;
    $(id).hidden = false;
    $(`${id}-caption`).textContent = caption;
  }
}

function clearAnswer() {
  for (const id of ["frame", "face"]) {
    $(id).hidden = true;
    $(id).removeAttribute("src");
    $(`${id}-caption`).textContent = "";
  }
  $("decision").textContent = "";
  $("result").textContent = "";
}

function progress(text) {
  $("progress").textContent = text;
}

function fail(error) {
  progress("");
  $("decision").textContent = "Could not check";
  $("decision").className = "decision failed";
  $("result").textContent = `error=${error.message}`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function countdown() {
  for (let left = COUNTDOWN_S; left > 0; left--) {
    $("countdown").textContent = String(left);
    await sleep(1000);
  }
}

async function recordClip() {
  const type = recordingType();
  if (!type) {
    throw new Error("this browser records in no container and codec the server decodes");
  }
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 640 }, height: { ideal: 480 }, facingMode: "user" },
    audio: false,
  });
  try {
    $("preview").srcObject = stream;
    progress("Put your face in the oval.");
    await countdown();
    const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 2_500_000 });
    const chunks = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
    recorder.start();
    $("countdown").textContent = "\u25CF";
    progress(`Recording ${RECORD_MS / 1000} s (${type})...`);
    await sleep(RECORD_MS);
    recorder.stop();
    await stopped;
    return new Blob(chunks, { type: recorder.mimeType });
  } finally {
    $("countdown").textContent = "";
    stream.getTracks().forEach((track) => track.stop());
    $("preview").srcObject = null;
  }
}

async function run(job) {
  $("record").disabled = true;
  try {
    await job();
  } catch (error) {
    fail(error);
  } finally {
    $("record").disabled = false;
  }
}

async function start() {
  if (!window.isSecureContext || !crypto.subtle || !navigator.mediaDevices) {
    fail(new Error("the camera and WebCrypto need a secure context: open the page on localhost or over HTTPS"));
    return;
  }
  try {
    const { manual_key } = await (await fetch("key.json")).json();
    if (manual_key) {
      $("key").value = MANUAL_KEY;
      $("iv").value = MANUAL_IV;
      $("key-note").textContent = "The server runs on the manual's published default key: anyone can decrypt these uploads.";
    } else {
      $("key-note").textContent = "Paste the server's PARAM_DECRYPT_KEY and PARAM_DECRYPT_IV; they stay in this page.";
    }
  } catch (error) {
    fail(error);
    return;
  }

  $("record").addEventListener("click", () => run(async () => check(await recordClip())));
  $("upload").addEventListener("change", () => {
    const file = $("upload").files[0];
    if (file) {
      run(() => check(file));
    }
  });
  if (new URLSearchParams(location.search).get("auto") === "1") {
    run(async () => check(await recordClip()));
  }
}

start();
