/*
 * Small DOM helpers shared by the presenter modules (skp-presenter*.mjs), so each module builds its
 * part of the big screen the same way and none of them repeats the others' plumbing.
 */

/** An element with optional text and class; text goes through textContent, never HTML. */
export function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** A type="button" button: every control of the presenter is one (no form submits). */
export function button(text, className, onClick) {
  const node = el("button", text, className || "md-button");
  node.type = "button";
  if (onClick) node.addEventListener("click", onClick);
  return node;
}

/** True while the user types: shortcuts (v, 1–9, a, arrows) must then leave the keys alone. */
export function typing(target) {
  return !!target && !!target.closest && !!target.closest("input, textarea, select, [contenteditable=''], [contenteditable=true]");
}

/** The exercise definition the build embedded in the page (the same JSON the engine gets). */
export function definitionOf(root) {
  try {
    return JSON.parse(root.querySelector("[data-role=definition]").textContent);
  } catch (e) {
    return null;
  }
}

/** The site root as an absolute URL on every page of an instant-navigation visit (Material). */
export function siteRoot() {
  return new URL(".", window.__md_scope || location.href);
}

/** A heading's own text, without Material's "¶" permalink. */
export function headingText(heading) {
  const copy = heading.cloneNode(true);
  copy.querySelectorAll(".headerlink").forEach((link) => link.remove());
  return copy.textContent.trim();
}
