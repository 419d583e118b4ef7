/*
 * Exercises in the page: the entry module. It attaches every exercise on each page (Material's
 * document$ emits for the first page and after every instant navigation) to its kind's module, and
 * starts the engine (skp-engine.js: Pyodide in a module worker) in the background, once per visit,
 * and only on pages that have an exercise. Exercises are usable as soon as the HTML is there.
 * Adding a kind: one module exporting KIND (its data-exercise-kind) and the kind's object, listed below.
 */
import { Engine, Exercise, readJSON } from "./skp-exercise-core.mjs";
import * as tree from "./exercise-decision-tree.mjs";
import * as zones from "./exercise-zones.mjs";
import * as grid from "./exercise-choice-grid.mjs";
import * as checklist from "./exercise-checklist.mjs";

const KINDS = Object.fromEntries([tree, zones, grid, checklist].map((kind) => [kind.KIND, kind.default]));

/* Start the engine once per visit, when the browser is idle or on the first interaction with an
 * exercise, whichever comes first, so Pyodide never competes with showing the page. */
function startEngineSoon(roots) {
  if (Engine.state !== "static") return;
  var started = false;
  function start() {
    if (started || Engine.state !== "static") return;
    started = true;
    // __md_scope (Material) is the site root as an absolute URL, right on every page of the visit.
    Engine.start(readJSON("skp-runtime-config") || {}, new URL(".", window.__md_scope || location.href));
  }
  roots.forEach(function (root) {
    ["pointerdown", "keydown", "focusin"].forEach(function (type) {
      root.addEventListener(type, start, { once: true });
    });
  });
  if (window.requestIdleCallback) requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 200);
}

/* Back/forward from the browser's page cache: show what storage holds now (it may have been cleared). */
var current = [];
window.addEventListener("pageshow", function (event) {
  if (event.persisted) current.forEach(function (ex) { ex.reload(); });
});

/* The worker and Pyodide live on across pages; each page's exercises attach to them. */
document$.subscribe(function () {
  var exercises = [];
  document.querySelectorAll("[data-exercise-id]").forEach(function (root) {
    var ex = new Exercise(root, KINDS);
    ex.init();
    exercises.push(ex);
  });
  Engine.listeners = [];
  current = exercises;
  if (!exercises.length) return;
  Engine.onChange(function (state) { exercises.forEach(function (ex) { ex.runtimeChanged(state); }); });
  if (Engine.state === "static") startEngineSoon(exercises.map(function (ex) { return ex.root; }));
  else exercises.forEach(function (ex) { ex.runtimeChanged(Engine.state); });
});
