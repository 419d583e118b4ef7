/*
 * QR codes for answer codes, drawn in the browser. The library (qrcode-generator, pinned in
 * package.json) is copied into the site at build time (overrides/hooks/presenter_assets.py) and
 * loaded only when a code is shown, so pages without a code never fetch it and nothing comes from
 * another site. The picture is an inline SVG built with the DOM (no innerHTML, no style attribute).
 */
import { siteRoot } from "./skp-presenter-dom.mjs";

const SVG = "http://www.w3.org/2000/svg";
let library = null;

function load() {
  if (!library) {
    library = import(new URL("assets/vendor/qrcode-generator/qrcode.mjs", siteRoot()).href).then((m) => m.default);
  }
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
