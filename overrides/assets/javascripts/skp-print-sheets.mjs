/*
 * Which sheet prints (sheets): every exercise carries a participant sheet and a facilitator sheet,
 * both built at build time and hidden on screen (skp-print.css). The address decides by default:
 * ?ark=facilitator prints the facilitator sheet, anything else the participant sheet, so a
 * facilitator can bookmark the address and use the browser's own print command. A button with
 * data-ark="deltager" or data-ark="facilitator" prints that sheet once and then goes back to what
 * the address says. The choice lives only on <html data-skp-ark>; nothing is stored.
 */
const SHEETS = ["deltager", "facilitator"];

/** The sheet the address asks for; an unknown value falls back to the participant sheet (no key). */
function fromAddress() {
  const asked = new URLSearchParams(window.location.search).get("ark");
  return SHEETS.includes(asked) ? asked : "deltager";
}

function choose(sheet) {
  document.documentElement.dataset.skpArk = sheet;
}

// Capture phase on the document: this runs before the exercise script's own print listener on
// the participant button, so there is exactly one print per click, always with the right sheet.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button[data-ark]") : null;
  if (!button || !SHEETS.includes(button.dataset.ark)) return;
  event.stopPropagation();
  choose(button.dataset.ark);
  window.print();
}, true);

// Some browsers return from print() before the dialog closes: go back to the address's sheet only afterwards.
window.addEventListener("afterprint", () => choose(fromAddress()));

// Material's instant navigation changes the address without a reload: choose again on every page.
document$.subscribe(() => choose(fromAddress()));
