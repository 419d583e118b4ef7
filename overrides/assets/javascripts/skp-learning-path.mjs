/*
 * The learning path's progress, from what this browser has saved (nothing is sent anywhere):
 * - «Jeg har læst siden» (a toggle button, aria-pressed) on each page of the path, saved under
 *   the store name "forloeb" as {read: {"<docs path>": "<date>"}};
 * - each item's and step's state, shown as icon + text: Gennemført / I gang / Ikke startet. A page
 *   is done when marked read, an exercise when its debrief or summary was reached (state.done), a
 *   step when all its pages and exercises are done;
 * - the progress bar and «4 af 12 trin» on the path page;
 * - on the exercise library: each exercise's state, and filters (kind, theme, not done yet) kept
 *   in the address (?type=…&tema=…&status=ikke-lavet), like the case library.
 * The build lays out what each step holds (overrides/hooks/learning_path.py and the
 * learning-path partials); this module only reads and writes progress.
 */
const store = window.SKPStore;

export const PROGRESS = "forloeb";
const STATES = {
  done: { icon: "✓", text: "Gennemført" },
  started: { icon: "◐", text: "I gang" },
  todo: { icon: "○", text: "Ikke startet" }
};

function validProgress(state) {
  return !!state.read && typeof state.read === "object" && !Array.isArray(state.read) &&
    Object.keys(state.read).every((page) => typeof state.read[page] === "string");
}

export function pagesRead() {
  const saved = store.read(PROGRESS, validProgress).state;
  return saved ? saved.read : {};
}

/* Read without side effects: store.read would remove an unreadable copy, and then the exercise's
   own page (which may run after this module) could no longer tell the user it was reset. */
export function exerciseState(id) {
  const saved = store.entries()["ovelse:" + id];
  return !saved ? "todo" : saved.state.done === true ? "done" : "started";
}

export function itemState(item, read) {
  const page = item.getAttribute("data-path-page");
  return page !== null ? (read[page] ? "done" : "todo") : exerciseState(item.getAttribute("data-path-exercise"));
}

export function combine(states) {
  if (states.length && states.every((s) => s === "done")) return "done";
  return states.some((s) => s !== "todo") ? "started" : "todo";
}

/* Icon (hidden from screen readers) + the state in words; data-state carries the words too. */
export function paint(holder, state, target) {
  const label = STATES[state];
  holder.setAttribute("data-state", label.text);
  if (!target) return;
  target.textContent = "";
  const icon = document.createElement("span");
  icon.className = "skp-status__icon";
  icon.setAttribute("aria-hidden", "true");
  icon.textContent = label.icon;
  target.appendChild(icon);
  target.appendChild(document.createTextNode(" " + label.text));
  target.setAttribute("data-status", state);
}

/* The states of the items inside one container (a step on the path page, or the step box). */
function paintItems(container, read) {
  const states = [];
  container.querySelectorAll("[data-path-page], [data-path-exercise]").forEach((item) => {
    if (item.matches("button")) return;
    const state = itemState(item, read);
    states.push(state);
    paint(item, state, item.querySelector("[data-role=item-state]"));
  });
  return combine(states);
}

function refresh() {
  const read = pagesRead();
  let done = 0;
  const steps = document.querySelectorAll("[data-path-step]");
  steps.forEach((step) => {
    const state = paintItems(step, read);
    if (state === "done") done++;
    paint(step, state, step.querySelector("[data-role=step-state]"));
  });
  const progress = document.querySelector("[data-role=path-progress]");
  if (progress) {
    progress.querySelector("[data-role=path-count]").textContent = done + " af " + steps.length + " trin gennemført";
    progress.querySelector("[data-role=path-bar]").value = done;
    progress.hidden = false;
  }
  const box = document.querySelector("[data-role=path-box]");
  if (box) {
    const state = paintItems(box, read);
    paint(box, state, null);
    const indicator = document.querySelector("[data-role=path-indicator]");
    if (indicator) paint(indicator, state, indicator.querySelector("[data-role=step-state]"));
    const button = box.querySelector("[data-action=mark-read]");
    if (button) button.setAttribute("aria-pressed", String(!!read[button.getAttribute("data-path-page")]));
  }
  libraryStates();
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

function bindReadButton() {
  const button = document.querySelector("[data-action=mark-read]");
  if (!button) return;
  button.addEventListener("click", () => {
    const page = button.getAttribute("data-path-page");
    const read = Object.assign({}, pagesRead());
    const marking = !read[page];
    if (marking) read[page] = today(); else delete read[page];
    const status = document.querySelector("[data-role=path-status]");
    if (!store.write(PROGRESS, { read: read })) {
      status.textContent = store.blocked()
        ? "Dine data blev slettet i et andet vindue, så det gemmes ikke. Genindlæs siden for at gemme igen."
        : "Det kunne ikke gemmes i denne browser (lageret er fuldt eller slået fra).";
      return;
    }
    refresh();
    const box = document.querySelector("[data-role=path-box]");
    const left = box.querySelectorAll("li[data-state]:not([data-state=Gennemført])").length;
    status.textContent = (marking ? "Siden er markeret som læst." : "Siden er ikke længere markeret som læst.") +
      (left ? " " + left + " tilbage i dette trin." : " Trinnet er gennemført.");
  });
}

/* ── The exercise library: state per exercise and filters in the address ─────────────── */
function libraryStates() {
  document.querySelectorAll("[data-library-exercise]").forEach((item) => {
    const state = exerciseState(item.getAttribute("data-library-exercise"));
    item.setAttribute("data-status", state);
    paint(item, state, item.querySelector("[data-role=item-state]"));
  });
  const form = document.querySelector("[data-role=exercise-filters]");
  if (form) filterLibrary(form, false);
}

const PARAMS = { type: "kind", tema: "theme" };

function filterLibrary(form, remember) {
  const kind = form.querySelector("[name=type]").value;
  const theme = form.querySelector("[name=tema]").value;
  const notDone = form.querySelector("[name=status]").checked;
  let shown = 0, total = 0;
  document.querySelectorAll("[data-library-exercise]").forEach((item) => {
    total++;
    const match = (!kind || item.getAttribute("data-kind") === kind) &&
      (!theme || item.getAttribute("data-theme") === theme) &&
      (!notDone || item.getAttribute("data-status") !== "done");
    item.hidden = !match;
    if (match) shown++;
  });
  document.querySelectorAll("[data-library-group]").forEach((group) => {
    group.hidden = !group.querySelector("[data-library-exercise]:not([hidden])");
  });
  form.querySelector("[data-role=exercise-count]").textContent = "Viser " + shown + " af " + total + " øvelser";
  if (!remember) return;
  const url = new URL(location.href);
  Object.keys(PARAMS).forEach((param) => {
    const value = form.querySelector("[name=" + param + "]").value;
    if (value) url.searchParams.set(param, value); else url.searchParams.delete(param);
  });
  if (notDone) url.searchParams.set("status", "ikke-lavet"); else url.searchParams.delete("status");
  history.replaceState(history.state, "", url);
}

function bindLibrary() {
  const form = document.querySelector("[data-role=exercise-filters]");
  if (!form) return;
  const params = new URL(location.href).searchParams;
  Object.keys(PARAMS).forEach((param) => {
    const select = form.querySelector("[name=" + param + "]");
    const wanted = params.get(param);
    if (wanted && Array.prototype.some.call(select.options, (o) => o.value === wanted)) select.value = wanted;
  });
  form.querySelector("[name=status]").checked = params.get("status") === "ikke-lavet";
  form.addEventListener("change", () => filterLibrary(form, true));
  form.addEventListener("reset", () => setTimeout(() => filterLibrary(form, true), 0));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.hidden = false;
}

/* An exercise on this page reaching its debrief, or data cleared or imported: show it at once. */
document.addEventListener("skp:saved", refresh);
document.addEventListener("skp:cleared", refresh);
document.addEventListener("skp:imported", refresh);
window.addEventListener("pageshow", (event) => { if (event.persisted) refresh(); });

document$.subscribe(() => {  // Material: every page, also after instant navigation
  bindReadButton();
  bindLibrary();
  refresh();
});
