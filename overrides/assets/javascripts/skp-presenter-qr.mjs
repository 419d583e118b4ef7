/*
 * QR codes for answer codes, drawn and read in the browser. The libraries (qrcode-generator to
 * draw, jsQR to read; pinned in package.json) are copied into the site at build time
 * (overrides/hooks/presenter_assets.py) and loaded only when needed, so nothing comes from another
 * site. The picture is an inline SVG built with the DOM (no innerHTML, no style attribute).
 * Reading is optional: it needs a camera and a secure page; typing the code always works.
 */
import { el, button, siteRoot } from "./skp-presenter-dom.mjs";

const SVG = "http://www.w3.org/2000/svg";
let library = null;
let reader = null;

function vendor(path) {
  return import(new URL("assets/vendor/" + path, siteRoot()).href).then((m) => m.default);
}

function load() {
  if (!library) library = vendor("qrcode-generator/qrcode.mjs");
  return library;
}

/**
 * An <svg role="img"> with the QR code for `text`, or null when the library cannot be loaded (the
 * code is always shown as text as well, so the QR code is a convenience, never the only way).
 */
export async function qrSvg(text, label) {
  let qrcode;
  try {
    qrcode = await load();
  } catch (e) {
    library = null;
    return null;
  }
  /* Error correction M; type 0 picks the smallest version that holds the text. Upper-case
     base-32 fits QR's alphanumeric mode, so a 12-character code is a version 1 symbol (21×21). */
  const qr = qrcode(0, "M");
  qr.addData(text, "Alphanumeric");
  qr.make();
  const count = qr.getModuleCount();
  const quiet = 4;
  const size = count + 2 * quiet;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${size} ${size}`);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  svg.setAttribute("class", "skp-qr");
  const background = document.createElementNS(SVG, "rect");
  background.setAttribute("width", String(size));
  background.setAttribute("height", String(size));
  background.setAttribute("fill", "#fff");
  svg.appendChild(background);
  let d = "";
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) d += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", d);
  path.setAttribute("fill", "#000");
  svg.appendChild(path);
  return svg;
}

/** True where the browser can offer a camera at all (a secure page with mediaDevices). */
export function canScan() {
  return window.isSecureContext && !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
}

/*
 * One camera reader for the presenter screen. Its element survives the screen's redraws (the codes
 * panel moves it along), and the camera is switched off when a code is read, on "Stop" and when
 * the element leaves the page.
 */
let scanner = null;

export function qrScanner(onCode, onProblem) {
  if (!scanner) scanner = makeScanner();
  scanner.onCode = onCode;
  scanner.onProblem = onProblem;
  return scanner.element;
}

function makeScanner() {
  const self = { stream: null, timer: 0 };
  const element = el("div", null, "skp-scan");
  const start = button("Skan QR-kode med kameraet", "md-button", () => begin());
  start.setAttribute("data-presenter", "scan");
  const stop = button("Stop kameraet", "md-button", () => end());
  stop.hidden = true;
  const video = el("video", null, "skp-scan__video");
  video.muted = true;
  video.setAttribute("playsinline", "");
  video.setAttribute("aria-label", "Kameraets billede: hold gruppens QR-kode op foran det");
  video.hidden = true;
  const canvas = el("canvas");
  element.append(start, stop, video);
  self.element = element;

  async function begin() {
    try {
      if (!reader) reader = vendor("jsqr/jsQR.mjs");
      const jsQR = await reader;
      self.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
      video.srcObject = self.stream;
      await video.play();
      video.hidden = stop.hidden = false;
      start.hidden = true;
      self.timer = setInterval(() => look(jsQR), 250);
    } catch (e) {
      reader = null;
      end();
      self.onProblem("Kameraet kunne ikke startes (ingen adgang eller intet kamera). Skriv koden i feltet i stedet.");
    }
  }

  function look(jsQR) {
    if (!element.isConnected) { end(); return; }
    if (!video.videoWidth) return;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(video, 0, 0);
    const found = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, { inversionAttempts: "dontInvert" });
    if (found && found.data) {
      end();
      self.onCode(found.data);
    }
  }

  function end() {
    clearInterval(self.timer);
    if (self.stream) self.stream.getTracks().forEach((track) => track.stop());
    self.stream = null;
    video.srcObject = null;
    video.hidden = stop.hidden = true;
    start.hidden = false;
  }

  self.end = end;
  return self;
}

/** Switch the camera off (leaving presenter mode). */
export function stopScanning() {
  if (scanner) scanner.end();
}
