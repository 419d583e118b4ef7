/*
 * Presenter mode ("Storskærm") for exercise and case pages: the "Storskærm" button, the key v or
 * the address ?visning=storskaerm turn the page into one large step at a time for a projector.
 * Keys while presenting: → / PageDown next step, ← / PageUp previous, a shows or hides the answer
 * ("Vis svar"), 1–9 count a group for that option, Escape (or v) leaves and the address loses the
 * parameter. The screen is a <main> on <body> while everything else is hidden, so screen readers,
 * Tab and axe see only it; a decision tree is the page's own exercise moved into it (same DOM,
 * same engine), the other kinds and cases are stepped through from their definition and text.
 */
import { el, button, typing, definitionOf, headingText } from "./skp-presenter-dom.mjs";
import { Room, tallyPanel, roomVersusHandbook } from "./skp-presenter-tally.mjs";
import { attachCodeMaker, codesPanel } from "./skp-presenter-codes.mjs";
import { deckFor, caseDeck } from "./skp-presenter-steps.mjs";
import { stopScanning } from "./skp-presenter-qr.mjs";

const PARAM = "visning";
const VALUE = "storskaerm";
const KIND_LABELS = { decision_tree: "Forgreningsscenarie", zones: "ZNU-sortering", choice_grid: "Valgskema", checklist: "Tjekliste", case: "Case" };
/* Material's own keys (search, previous/next page): harmless on a page, but while presenting they
   would open a hidden search box or leave the exercise, so presenter mode keeps them. */
const MATERIAL_KEYS = new Set(["f", "s", "/", "n", "p", ",", "."]);

let session = null;

function exerciseRoots() {
  return Array.from(document.querySelectorAll("[data-exercise-id]"));
}

function caseContent() {
  const content = document.querySelector(".md-content__inner");
  return content && content.querySelector("h2#casen") && content.querySelector("h2#sporgsmaal") ? content : null;
}

/* What this page presents: the exercise named in ?ovelse=, else the first one, else the case. */
function target(exerciseId) {
  const roots = exerciseRoots();
  const root = roots.find((r) => r.getAttribute("data-exercise-id") === exerciseId) || roots[0];
  if (root) {
    const def = definitionOf(root);
    const deck = def && deckFor(root, def);
    if (deck) return { root, def, deck, title: def.title, kind: def.kind, room: new Room(def.id) };
  }
  const content = caseContent();
  const deck = content && caseDeck(content);
  if (deck) return { root: null, def: null, deck, title: headingText(content.querySelector("h1")), kind: "case", room: null };
  return null;
}

function setAddress(on, exerciseId) {
  const url = new URL(location.href);
  if (on) {
    url.searchParams.set(PARAM, VALUE);
    if (exerciseId && exerciseRoots().length > 1) url.searchParams.set("ovelse", exerciseId);
  } else {
    url.searchParams.delete(PARAM);
    url.searchParams.delete("ovelse");
  }
  history.replaceState(history.state, "", url.href);
}

/* ── Entering and leaving ─────────────────────────────────────────────────────────── */
function enter(exerciseId, byUser) {
  if (session) return;
  const t = target(exerciseId);
  if (!t) return;
  const overlay = el("main", null, "skp-presenter md-typeset");
  overlay.setAttribute("data-presenter", "screen");
  overlay.setAttribute("data-kind", t.kind);
  overlay.setAttribute("aria-labelledby", "skp-presenter-title");
  const bar = el("header", null, "skp-presenter__bar");
  bar.appendChild(el("p", "Storskærm · " + KIND_LABELS[t.kind], "skp-presenter__kind"));
  const title = el("h1", t.title, "skp-presenter__title");
  title.id = "skp-presenter-title";
  title.tabIndex = -1;
  bar.appendChild(title);
  const position = el("p", null, "skp-presenter__position");
  bar.appendChild(position);
  const body = el("div", null, "skp-presenter__body");
  const stage = el("div", null, "skp-presenter__stage");
  const side = el("div", null, "skp-presenter__side");
  body.append(stage, side);
  const extra = el("div", null, "skp-presenter__extra");
  const status = el("p", null, "skp-presenter__status");
  status.setAttribute("role", "status");
  status.setAttribute("data-presenter", "status");
  const controls = el("nav", null, "skp-presenter__controls");
  controls.setAttribute("aria-label", "Styring af storskærmen");
  overlay.append(bar, body, extra, status, controls);
  document.body.appendChild(overlay);

  session = Object.assign(t, { overlay, position, stage, side, extra, status, controls, revealed: false, codesOpen: false, lastStep: "", fullscreen: false });
  if (t.deck.usesRoot) {
    session.placeholder = document.createComment("storskærm");
    t.root.before(session.placeholder);
    stage.appendChild(t.root);
    session.observer = new MutationObserver(() => schedule());
    session.observer.observe(t.root, { attributes: true, attributeFilter: ["hidden"], subtree: true });
  }
  buildControls();
  document.documentElement.classList.add("skp-storskaerm");
  if (byUser) {
    setAddress(true, t.def && t.def.id);
    const screen = document.documentElement;
    if (screen.requestFullscreen && !document.fullscreenElement) {
      screen.requestFullscreen().then(() => { if (session) session.fullscreen = true; }, () => { /* not allowed: the layout alone */ });
    }
  }
  render();
  title.focus();
}

function leave(keepAddress) {
  if (!session) return;
  const s = session;
  session = null;
  if (s.observer) s.observer.disconnect();
  stopScanning();
  if (s.placeholder && s.placeholder.isConnected) {
    s.placeholder.replaceWith(s.root);
    s.root.querySelectorAll(".skp-presenter-recommended").forEach((n) => n.classList.remove("skp-presenter-recommended"));
  }
  s.overlay.remove();
  document.documentElement.classList.remove("skp-storskaerm");
  if (!keepAddress) setAddress(false);
  if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
  const opener = document.querySelector("[data-presenter=open]");
  if (!keepAddress && opener) opener.focus();
}

/* ── The controls and one render for every change ─────────────────────────────────── */
function buildControls() {
  const s = session;
  s.prevButton = button("← Forrige", "md-button", () => move(-1));
  s.revealButton = button("Vis svar", "md-button md-button--primary", toggleReveal);
  s.revealButton.setAttribute("data-presenter", "reveal");
  s.revealButton.setAttribute("aria-keyshortcuts", "a");
  s.nextButton = button("Næste →", "md-button", () => move(1));
  s.nextButton.setAttribute("data-presenter", "next");
  s.controls.append(s.prevButton, s.revealButton, s.nextButton);
  if (s.room) {
    s.codesButton = button("Svarkoder", "md-button", () => { s.codesOpen = !s.codesOpen; render(); });
    s.codesButton.setAttribute("data-presenter", "codes");
    s.newRound = button("Ny runde", "md-button", newRound);
    s.newRound.setAttribute("data-presenter", "new-round");
    s.controls.append(s.codesButton, s.newRound);
  }
  const close = button("Afslut storskærm", "md-button", () => leave(false));
  close.setAttribute("aria-keyshortcuts", "Escape");
  close.setAttribute("data-presenter", "close");
  s.controls.appendChild(close);
}

let pending = false;
function schedule() {
  if (pending) return;
  pending = true;
  requestAnimationFrame(() => { pending = false; if (session) render(); });
}

function say(text) {
  if (session) session.status.textContent = text;
}

function render() {
  const s = session;
  /* Every render rebuilds the tally and the step's buttons: keep the keyboard where it was. */
  const focused = document.activeElement;
  const focusKey = focused && focused.getAttribute ? focused.getAttribute("data-focus-key") : null;
  const step = s.deck.step();
  const identity = step.type + ":" + (step.key || "") + ":" + (step.heading || "") + ":" + (step.number || "");
  const moved = identity !== s.lastStep;
  if (moved) {
    s.revealed = false;
    s.lastStep = identity;
  }
  s.overlay.classList.toggle("is-revealed", s.revealed);
  s.overlay.setAttribute("data-step", step.type);
  s.position.textContent = step.number || step.heading || "";
  s.revealButton.hidden = !step.canReveal;
  s.revealButton.textContent = s.revealed ? "Skjul svar" : "Vis svar";
  s.revealButton.setAttribute("aria-pressed", String(s.revealed));
  if (s.codesButton) {
    s.codesButton.setAttribute("aria-expanded", String(s.codesOpen || step.type === "end"));
    s.codesButton.textContent = "Svarkoder (" + s.room.record.codes.length + ")";
  }
  if (s.deck.usesRoot) renderTree(step); else renderList(step, moved);
  s.side.textContent = "";
  if (s.room && step.options) {
    s.side.appendChild(tallyPanel(s.room, step, s.revealed, (option, delta) => count(step, option, delta)));
  }
  s.side.hidden = !s.side.firstChild;
  s.extra.textContent = "";
  if (step.type === "end" && s.room) {
    s.extra.appendChild(roomVersusHandbook(s.deck.endRows(s.room), "Rummets valg ved hvert trin og håndbøgernes"));
  }
  if (s.room && (s.codesOpen || step.type === "end")) s.extra.appendChild(codesPanel(s.room, s.def, s.root, (text) => { render(); say(text); }));
  if (moved) say(step.type === "end" ? "Sidste trin: rummets svar og håndbøgernes." : (step.number || step.heading || ""));
  if (focusKey && (!focused.isConnected || document.activeElement === document.body)) {
    const again = s.overlay.querySelector('[data-focus-key="' + focusKey + '"]') || s.overlay.querySelector("[data-focus-key=code-input]");
    if (again) again.focus();
  }
}

/* A tree is its own live exercise; the reveal is a class (skp-presenter.css hides the feedback,
   rating and outcome until then) and the handbooks' option gets a mark. */
function renderTree(step) {
  const s = session;
  s.root.classList.toggle("skp-presenter__hidden", step.type === "end");
  s.overlay.toggleAttribute("data-first", s.root.querySelectorAll("[data-role=path-list] li").length === 0);
  s.root.querySelectorAll(".skp-presenter-recommended").forEach((n) => n.classList.remove("skp-presenter-recommended"));
  if (s.revealed && step.type === "question") {
    step.options.forEach((o) => {
      const link = s.root.querySelector('[data-node="' + step.key + '"] [data-choice="' + o.key + '"]');
      if (link && o.recommended) link.classList.add("skp-presenter-recommended");
    });
  }
  let chosen = s.stage.querySelector(".skp-presenter__chosen");
  if (!chosen) {
    chosen = el("p", null, "skp-presenter__chosen");
    s.stage.prepend(chosen);
  }
  chosen.hidden = step.type !== "feedback";
  chosen.textContent = step.type === "feedback"
    ? "Rummet valgte: «" + step.answer + "»." + (s.revealed ? "" : " Tryk «Vis svar» (tast a) for at se, hvad der sker.")
    : "";
  let end = s.stage.querySelector(".skp-presenter__end");
  if (step.type !== "end" && end) end.remove();
  if (step.type === "end" && !end) {
    end = el("div", null, "skp-presenter__end");
    const heading = el("h2", step.heading, "skp-presenter__heading");
    heading.tabIndex = -1;
    end.appendChild(heading);
    s.stage.appendChild(end);
    heading.focus();
  }
}

function renderList(step, moved) {
  const s = session;
  s.stage.textContent = "";
  const heading = el("h2", step.heading, "skp-presenter__heading");
  heading.tabIndex = -1;
  s.stage.appendChild(heading);
  if (step.lead) s.stage.appendChild(el("p", step.lead, "skp-presenter__lead"));
  if (step.text) s.stage.appendChild(el("p", step.text, "skp-presenter__question"));
  if (step.body) s.stage.appendChild(step.body.cloneNode(true));
  if (step.options) {
    const chosen = s.deck.chosen();
    const list = el("ul", null, "skp-presenter__options");
    step.options.forEach((option, i) => {
      const choice = button((i + 1) + ". " + option.label, "md-button skp-presenter__option", () => {
        s.deck.choose(option.key);
        render();
        say("Rummets valg: " + option.label + ".");
      });
      choice.setAttribute("aria-pressed", String(chosen === option.key));
      choice.setAttribute("data-focus-key", "option-" + i);
      if (s.revealed && option.recommended) choice.classList.add("skp-presenter-recommended");
      list.appendChild(el("li")).appendChild(choice);
    });
    s.stage.appendChild(list);
    s.stage.appendChild(el("p", "Klik på det svar, rummet enes om.", "skp-presenter__hint"));
  }
  if (step.reveal && s.revealed) s.stage.appendChild(step.reveal.cloneNode(true));
  if (moved) heading.focus();
}

function move(direction) {
  const s = session;
  const problem = direction > 0 ? s.deck.next() : s.deck.prev();
  if (problem) { say(problem); return; }
  render();
}

function toggleReveal() {
  const s = session;
  if (!s.deck.step().canReveal) return;
  s.revealed = !s.revealed;
  render();
  say(s.revealed ? "Svaret er vist." : "Svaret er skjult igen.");
}

function count(step, option, delta) {
  const s = session;
  const saved = s.room.add(step.key, option, delta);
  render();
  const index = step.options.findIndex((o) => o.key === option);
  const n = s.room.count(step.key, option);
  say("Svar " + (index + 1) + ": " + (n === 1 ? "1 gruppe" : n + " grupper") + "." + (saved ? "" : " Kunne ikke gemmes i browseren."));
}

/* "Ny runde": the tally, the codes and the room's way through the exercise start again. */
function newRound() {
  const s = session;
  s.room.clear();
  if (s.root) s.root.querySelector("[data-action=reset]").click();
  s.deck.reset();
  s.lastStep = "";
  s.codesOpen = false;
  render();
  say("Ny runde: optællingen og svarkoderne er slettet.");
}

/* ── Keys, the address and page changes ───────────────────────────────────────────── */
window.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  const key = event.key;
  if (!session) {
    if ((key === "v" || key === "V") && target(null)) {
      event.preventDefault();
      enter(null, true);
    }
    return;
  }
  const step = session.deck.step();
  let handled = true;
  if (key === "Escape" || key === "v" || key === "V") leave(false);
  else if (key === "ArrowRight" || key === "PageDown") move(1);
  else if (key === "ArrowLeft" || key === "PageUp") move(-1);
  else if (key === "a" || key === "A") toggleReveal();
  else if (/^[1-9]$/.test(key) && session.room && step.options && step.options[+key - 1]) count(step, step.options[+key - 1].key, 1);
  else handled = MATERIAL_KEYS.has(key);
  if (handled) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

/* Escape in full screen is the browser's: it ends full screen, and that ends presenter mode too. */
document.addEventListener("fullscreenchange", () => {
  if (!session) return;
  if (document.fullscreenElement) session.fullscreen = true;
  else if (session.fullscreen) leave(false);
});

document.addEventListener("skp:cleared", () => {
  if (!session || !session.room) return;
  session.room.load();
  session.deck.reset();
  session.lastStep = "";
  render();
});

function addOpenButtons() {
  exerciseRoots().forEach((root) => {
    const def = definitionOf(root);
    if (!def) return;
    const actions = root.querySelector(".skp-exercise__actions");
    if (actions && !actions.querySelector("[data-presenter=open]")) {
      const open = button("Storskærm", "md-button", () => enter(def.id, true));
      open.setAttribute("data-presenter", "open");
      open.setAttribute("aria-keyshortcuts", "v");
      open.title = "Vis øvelsen på storskærm (tast v)";
      actions.prepend(open);
    }
    attachCodeMaker(root, def);
  });
  const content = caseContent();
  if (content && !exerciseRoots().length && !content.querySelector("[data-presenter=open]")) {
    const open = button("Storskærm", "md-button", () => enter(null, true));
    open.setAttribute("data-presenter", "open");
    open.setAttribute("aria-keyshortcuts", "v");
    open.title = "Vis casen på storskærm (tast v)";
    const wrap = el("p", null, "skp-presenter-open skp-no-print");
    wrap.appendChild(open);
    content.querySelector("h1").insertAdjacentElement("afterend", wrap);
  }
}

document$.subscribe(() => {  // Material: the first page and every instant navigation
  if (session) leave(true);
  addOpenButtons();
  const params = new URL(location.href).searchParams;
  if (params.get(PARAM) === VALUE) enter(params.get("ovelse"), false);
});
