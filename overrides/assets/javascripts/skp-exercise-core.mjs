/*
 * What every exercise kind shares: the Exercise (load, save, reset, notice, status line, result
 * region), the engine status it shows, and the one way sheet kinds (zones, grid, checklist) ask the
 * engine for feedback. Each kind is its own module (exercise-*.mjs); skp-exercises.mjs attaches them.
 * Runtime contract: each exercise's data-runtime goes static → loading → ready | unavailable, and
 * from unavailable back to loading when the user presses "Prøv igen". Nothing the engine does
 * (failing, stopping, answering with an error) ever touches the user's saved answers.
 */

export const Engine = window.SKPEngine;  /* skp-engine.js */
export const store = window.SKPStore;  /* skp-privacy.js */
const Privacy = window.SKPPrivacy;  /* skp-privacy.js: the CPR warning on free-text fields */

const STATUS = {
  loading: "Øvelsen kan bruges nu. Den personlige feedback indlæses i baggrunden …",
  ready: "Klar: feedback og opsummering beregnes af øvelsesmotoren i din browser.",
  unavailable: "Øvelsen virker stadig: følg svarmulighederne, og se håndbogens forslag i øvelsen. " +
    "Dine svar er gemt, intet er gået tabt."
};
/* Why the feedback is missing, in the user's terms (SKPEngine.reason). */
const REASONS = {
  "old-browser": "Den personlige feedback kan ikke køre i denne browser, fordi den er for gammel. Prøv en nyere browser.",
  offline: "Den personlige feedback kunne ikke hentes, fordi der ikke er forbindelse til internettet.",
  blocked: "Den personlige feedback kunne ikke starte, fordi den ikke kunne hentes. Måske blokerer et netværksfilter, en firewall eller en udvidelse i browseren den.",
  slow: "Den personlige feedback var for længe om at starte. Forbindelsen er måske langsom.",
  stopped: "Den personlige feedback holdt op med at svare.",
  broken: "Den personlige feedback kunne ikke starte, fordi en af dens filer ikke kunne indlæses."
};

export function readJSON(id) {
  var el = document.getElementById(id);
  try { return el ? JSON.parse(el.textContent) : null; } catch (e) { return null; }
}

export function el(tag, text, className) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/* ── Shared behaviour of every exercise ────────────────────────────────────────────── */
/* `kinds` maps data-exercise-kind to the kind's module (empty, valid, bind, apply, …). */
export function Exercise(root, kinds) {
  this.root = root;
  this.id = root.getAttribute("data-exercise-id");
  this.kind = root.getAttribute("data-exercise-kind");
  this.def = JSON.parse(root.querySelector("[data-role=definition]").textContent);
  this.status = root.querySelector("[data-role=status]");
  this.notice = root.querySelector("[data-role=notice]");
  this.result = root.querySelector("[data-role=result]");
  this.kindApi = kinds[this.kind];
}

Exercise.prototype.storageName = function () { return "ovelse:" + this.id; };

/* Every part of the kind's empty state must be there with the same type (lists stay lists, tables
   hold only text or numbers – a grid's weights are numbers –, done is true/false); then the kind
   checks the details. */
Exercise.prototype.validState = function (s) {
  var empty = this.kindApi.empty();
  var shapeOk = Object.keys(empty).every(function (key) {
    var want = empty[key], have = s[key];
    if (Array.isArray(want)) return Array.isArray(have);
    if (want && typeof want === "object") {
      return !!have && typeof have === "object" && !Array.isArray(have) &&
        Object.keys(have).every(function (k) { return typeof have[k] === "string" || typeof have[k] === "number"; });
    }
    return typeof have === typeof want;
  });
  return shapeOk && this.kindApi.valid(s);
};

const LOAD_PROBLEMS = {
  old: "Dine gemte svar var fra en ældre version af siden og er nulstillet.",
  newer: "Dine gemte svar er fra en nyere version af siden. De er ikke slettet – genindlæs siden for at få den nyeste version.",
  corrupt: "Dine gemte svar til denne øvelse kunne ikke læses og er nulstillet."
};

Exercise.prototype.load = function () {
  var saved = store.read(this.storageName(), this.validState.bind(this));
  if (saved.problem) this.showNotice(LOAD_PROBLEMS[saved.problem]);
  this.state = saved.state || this.kindApi.empty();
};

Exercise.prototype.init = function () {
  this.root.querySelectorAll("textarea, input[type=text]").forEach(function (field) {
    field.setAttribute("autocomplete", "off");  /* the browser must not restore cleared text */
  });
  this.load();
  this.kindApi.bind(this);
  this.bindCommon();
  this.kindApi.apply(this);
};

/* Back/forward cache: the page comes back as it was left, so re-read what is really saved. */
Exercise.prototype.reload = function () {
  this.load();
  this.hideResult();
  this.kindApi.apply(this);
};

Exercise.prototype.bindCommon = function () {
  var self = this;
  self.root.querySelector("[data-action=reset]").addEventListener("click", function () { self.reset(true); });
  self.root.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
  document.addEventListener("skp:cleared", function () { self.reset(false); });
  self.retry = el("button", "Prøv igen", "md-button skp-exercise__retry");
  self.retry.type = "button";
  self.retry.hidden = true;
  self.retry.addEventListener("click", function () { Engine.restart(); });
  self.status.insertAdjacentElement("afterend", self.retry);
};

/* Save, and say so when the browser refuses (storage full or switched off, data cleared in
   another tab): the answers are still on the screen, but would be lost on reload. */
Exercise.prototype.save = function () {
  var saved = store.write(this.storageName(), this.state);
  if (!saved && !this.saveFailed) {
    this.showNotice(store.blocked()
      ? "Dine data blev slettet i et andet vindue, så dine svar her gemmes ikke. Genindlæs siden for at gemme igen."
      : "Dine svar kunne ikke gemmes i denne browser (lageret er fuldt eller slået fra). " +
        "De står her stadig, men forsvinder, hvis du lukker eller genindlæser siden.");
  } else if (saved && this.saveFailed) {
    this.notice.hidden = true;
  }
  this.saveFailed = !saved;
};

Exercise.prototype.reset = function (announce) {
  store.remove(this.storageName());
  this.state = this.kindApi.empty();
  this.root.querySelectorAll(".skp-cpr-warning").forEach(function (w) { w.remove(); });
  this.hideResult();
  this.kindApi.apply(this);
  if (announce) this.say("Øvelsen er nulstillet.");
};

Exercise.prototype.showNotice = function (text) {
  this.notice.textContent = text;
  this.notice.hidden = false;
};

/* While the engine is down its message stays in the status line, so a step announcement never hides it. */
Exercise.prototype.say = function (text) {
  var down = Engine.state === "unavailable" ? this.unavailableText() : "";
  this.status.textContent = down && text !== down ? down + " " + text : text;
};

Exercise.prototype.hideResult = function () {
  if (!this.result) return;
  this.result.hidden = true;
  this.result.textContent = "";
};

Exercise.prototype.runtimeChanged = function (state) {
  this.root.setAttribute("data-runtime", state);
  this.say(state === "unavailable" ? this.unavailableText() : STATUS[state] || "");
  this.retry.hidden = state !== "unavailable" || Engine.reason === "old-browser";
  if (state === "ready" && this.kindApi.engineReady) this.kindApi.engineReady(this);
};

Exercise.prototype.unavailableText = function () {
  return (REASONS[Engine.reason] || REASONS.broken) + " " + STATUS.unavailable;
};

/* Render an engine answer into the result region, marked (data-engine) as computed by the engine; the
   learner reads that the feedback comes from the exercise's own data, not which language computed it. */
Exercise.prototype.showResult = function (build, quiet) {
  var box = this.result;
  box.textContent = "";
  build(box);
  var by = el("p", "Feedbacken er beregnet ud fra øvelsens data, her i din browser.", "skp-result__engine");
  box.appendChild(by);
  box.setAttribute("data-engine", "python");
  box.hidden = false;
  if (!quiet) box.focus();
};

/* The engine gave no answer: still loading, unavailable, or it answered with an error. */
Exercise.prototype.engineUnavailableHint = function (hint) {
  this.say(Engine.state === "loading"
    ? "Feedbacken er ikke klar endnu – prøv igen om et øjeblik. " + hint
    : Engine.state === "ready"
      ? "Feedbacken kunne ikke beregnes denne gang. Dine svar er gemt. " + hint
      : this.unavailableText() + " " + hint);
};
/* ── Sheet kinds (zones, grid, checklist): one way to ask the engine ──────────────── */
/* Resolves to the engine's result, or null after telling the learner why. Only a "stale_state"
   answer may reset saved answers; any other engine error leaves every answer where it is. */
export function sheetCall(ex, action, state, hint, quiet) {
  return Engine.call(action, ex.def, state).then(function (answer) {
    if (!answer) { if (!quiet) ex.engineUnavailableHint(hint); return null; }
    if (answer.ok) return answer.result;
    if (answer.code === "stale_state") {
      ex.reset(false);
      ex.showNotice("Dine gemte svar passer ikke længere til øvelsen og er nulstillet.");
    } else {
      ex.say("Feedbacken kunne ikke beregnes denne gang. Dine svar er gemt – prøv igen. " + hint);
    }
    return null;
  });
}

export function list(items, className) {
  var ul = el("ul", null, className);
  items.forEach(function (text) { ul.appendChild(el("li", text)); });
  return ul;
}

/* Free-text answers and grid cells share one shape: state[bucket][key] = text. */
export function bindAnswers(ex) {
  ex.root.querySelectorAll("[data-field=answer], [data-field=cell]").forEach(function (field) {
    field.addEventListener("input", function () {
      var bucket = field.getAttribute("data-field") === "cell" ? "cells" : "answers";
      ex.state[bucket][field.getAttribute("data-key")] = field.value;
      ex.save();
    });
  });
}

export function applyAnswers(ex) {
  ex.root.querySelectorAll("[data-field=answer], [data-field=cell]").forEach(function (field) {
    var bucket = field.getAttribute("data-field") === "cell" ? "cells" : "answers";
    field.value = (ex.state[bucket] || {})[field.getAttribute("data-key")] || "";
    Privacy.checkCpr(field);
  });
}

export function textMap(s, bucket) {
  return s[bucket] && typeof s[bucket] === "object" && Object.keys(s[bucket]).every(function (k) {
    return typeof s[bucket][k] === "string";
  });
}

/* A summary button shared by grids and checklists; a summary counts the exercise as done, and
   a saved summary is shown again (without moving focus) once the engine is ready after a reload. */
export function bindSummary(ex, kind) {
  ex.root.querySelector("[data-action=summary]").addEventListener("click", function () { showSummary(ex, kind, false); });
}

export function showSummary(ex, kind, quiet) {
  var state = kind.request ? kind.request(ex, quiet) : ex.state;
  sheetCall(ex, "summary", state, "Du kan udskrive siden med dine svar i stedet.", quiet).then(function (result) {
    if (!result) return;
    if (kind.keep) kind.keep(ex, result);
    ex.state.done = result.complete !== false;
    ex.save();
    ex.showResult(function (box) {
      box.appendChild(el("p", result.headline, "skp-result__headline"));
      kind.sheet(ex, box, result);
    }, quiet);
  });
}

export function answersBlock(box, answers) {
  answers.forEach(function (p) {
    box.appendChild(el("p", p.question, "skp-result__q"));
    box.appendChild(el("p", p.answer || "(ikke besvaret)"));
  });
}
