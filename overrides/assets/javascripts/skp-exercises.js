/*
 * Exercises in the page: interaction, saved progress and CPR warnings. Exercises are usable as
 * soon as the HTML is there; the engine (skp-engine.js: Pyodide in a module worker) starts in the
 * background, once per page, and only on pages that have an exercise.
 * Runtime contract: each exercise's data-runtime goes static → loading → ready | unavailable, and
 * from unavailable back to loading when the user presses "Prøv igen". Nothing the engine does
 * (failing, stopping, answering with an error) ever touches the user's saved answers.
 */
(function () {
  "use strict";

  var STATUS = {
    loading: "Øvelsen kan bruges nu. Den personlige feedback indlæses i baggrunden …",
    ready: "Klar: feedback og opsummering beregnes af øvelsesmotoren i din browser.",
    unavailable: "Øvelsen virker stadig: følg svarmulighederne, og se håndbogens forslag i øvelsen. " +
      "Dine svar er gemt, intet er gået tabt."
  };
  /* Why the feedback is missing, in the user's terms (SKPEngine.reason). */
  var REASONS = {
    "old-browser": "Den personlige feedback kan ikke køre i denne browser, fordi den er for gammel. Prøv en nyere browser.",
    offline: "Den personlige feedback kunne ikke hentes, fordi der ikke er forbindelse til internettet.",
    blocked: "Den personlige feedback kunne ikke starte, fordi den ikke kunne hentes. Måske blokerer et netværksfilter, en firewall eller en udvidelse i browseren den.",
    slow: "Den personlige feedback var for længe om at starte. Forbindelsen er måske langsom.",
    stopped: "Den personlige feedback holdt op med at svare.",
    broken: "Den personlige feedback kunne ikke starte, fordi en af dens filer ikke kunne indlæses."
  };

  function readJSON(id) {
    var el = document.getElementById(id);
    try { return el ? JSON.parse(el.textContent) : null; } catch (e) { return null; }
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  var Engine = window.SKPEngine;  /* skp-engine.js */

  /* ── Shared behaviour of every exercise ────────────────────────────────────────────── */
  function Exercise(root) {
    this.root = root;
    this.id = root.getAttribute("data-exercise-id");
    this.kind = root.getAttribute("data-exercise-kind");
    this.def = JSON.parse(root.querySelector("[data-role=definition]").textContent);
    this.status = root.querySelector("[data-role=status]");
    this.notice = root.querySelector("[data-role=notice]");
    this.result = root.querySelector("[data-role=result]");
    this.kindApi = KINDS[this.kind];
  }

  Exercise.prototype.storageName = function () { return "ovelse:" + this.id; };

  /* Every part of the kind's empty state must be there with the same type (lists stay lists, text
     tables hold only text, done is true/false); then the kind checks the details. */
  Exercise.prototype.validState = function (s) {
    var empty = this.kindApi.empty();
    var shapeOk = Object.keys(empty).every(function (key) {
      var want = empty[key], have = s[key];
      if (Array.isArray(want)) return Array.isArray(have);
      if (want && typeof want === "object") {
        return !!have && typeof have === "object" && !Array.isArray(have) &&
          Object.keys(have).every(function (k) { return typeof have[k] === "string"; });
      }
      return typeof have === typeof want;
    });
    return shapeOk && this.kindApi.valid(s);
  };

  var LOAD_PROBLEMS = {
    old: "Dine gemte svar var fra en ældre version af siden og er nulstillet.",
    newer: "Dine gemte svar er fra en nyere version af siden. De er ikke slettet – genindlæs siden for at få den nyeste version.",
    corrupt: "Dine gemte svar til denne øvelse kunne ikke læses og er nulstillet."
  };

  Exercise.prototype.load = function () {
    var saved = SKPStore.read(this.storageName(), this.validState.bind(this));
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
    var saved = SKPStore.write(this.storageName(), this.state);
    if (!saved && !this.saveFailed) {
      this.showNotice(SKPStore.blocked()
        ? "Dine data blev slettet i et andet vindue, så dine svar her gemmes ikke. Genindlæs siden for at gemme igen."
        : "Dine svar kunne ikke gemmes i denne browser (lageret er fuldt eller slået fra). " +
          "De står her stadig, men forsvinder, hvis du lukker eller genindlæser siden.");
    } else if (saved && this.saveFailed) {
      this.notice.hidden = true;
    }
    this.saveFailed = !saved;
  };

  Exercise.prototype.reset = function (announce) {
    SKPStore.remove(this.storageName());
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

  Exercise.prototype.say = function (text) { this.status.textContent = text; };

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

  /* Render an engine answer into the result region, marked as computed by Python. */
  Exercise.prototype.showResult = function (build) {
    var box = this.result;
    box.textContent = "";
    build(box);
    var by = el("p", "Beregnet af øvelsesmotoren i din browser (Python " + ((Engine.info && Engine.info.python) || "") + ").", "skp-result__engine");
    box.appendChild(by);
    box.setAttribute("data-engine", "python");
    box.hidden = false;
    box.focus();
  };

  /* The engine gave no answer: still loading, unavailable, or it answered with an error. */
  Exercise.prototype.engineUnavailableHint = function (hint) {
    this.say(Engine.state === "loading"
      ? "Feedbacken er ikke klar endnu – prøv igen om et øjeblik. " + hint
      : Engine.state === "ready"
        ? "Feedbacken kunne ikke beregnes denne gang. Dine svar er gemt. " + hint
        : this.unavailableText() + " " + hint);
  };

  /* ── Decision tree ─────────────────────────────────────────────────────────────────── */
  var Tree = {
    empty: function () { return { choices: [], done: false }; },
    valid: function (s) {
      return Array.isArray(s.choices) && s.choices.every(function (c) { return Number.isInteger(c) && c > 0; });
    },
    bind: function (ex) {
      ex.root.querySelectorAll("[data-choice]").forEach(function (link) {
        link.addEventListener("click", function (event) {
          event.preventDefault();
          ex.state.choices.push(parseInt(link.getAttribute("data-choice"), 10));
          Tree.update(ex, true);
        });
      });
      ex.root.querySelector("[data-action=back]").addEventListener("click", function () {
        ex.state.choices.pop();
        Tree.update(ex, true);
      });
      ex.root.querySelectorAll("[data-action=restart]").forEach(function (link) {
        link.addEventListener("click", function (event) {
          event.preventDefault();
          ex.state.choices = [];
          Tree.update(ex, true);
        });
      });
    },
    apply: function (ex) { Tree.update(ex, false); },
    engineReady: function (ex) { Tree.update(ex, false); },
    /* Follow the links in the page (works without Python). */
    localWalk: function (ex) {
      var at = ex.def.start, steps = [];
      for (var i = 0; i < ex.state.choices.length; i++) {
        var node = ex.root.querySelector('[data-node="' + at + '"]');
        var link = node && node.querySelector('[data-choice="' + ex.state.choices[i] + '"]');
        if (!link) return null;
        steps.push({ question: node.querySelector(".skp-tree__question").textContent, answer: link.textContent });
        at = link.getAttribute("data-next");
      }
      return { steps: steps, at: at, finished: !!ex.root.querySelector('[data-outcome="' + at + '"]') };
    },
    update: function (ex, moved) {
      var render = function (walk, engine) {
        if (!walk) {
          ex.showNotice("Dine gemte svar passer ikke længere til træet og er nulstillet.");
          SKPStore.remove(ex.storageName());
          ex.state = Tree.empty();
          walk = Tree.localWalk(ex);
        }
        Tree.render(ex, walk, engine, moved);
      };
      if (Engine.state === "ready") {
        Engine.call("walk", ex.def, ex.state).then(function (answer) {
          /* Only stale saved choices reset the tree; no answer (engine error or stopped) walks the page's links. */
          if (answer && answer.ok) render(answer.result, true);
          else if (answer) render(null, true);
          else render(Tree.localWalk(ex), false);
        });
      } else {
        render(Tree.localWalk(ex), false);
      }
    },
    render: function (ex, walk, engine, moved) {
      ex.state.done = walk.finished;
      if (moved) ex.save();  /* restoring or resetting must not write anything */
      ex.root.querySelectorAll("[data-node], [data-outcome]").forEach(function (part) {
        var id = part.getAttribute("data-node") || part.getAttribute("data-outcome");
        part.hidden = id !== walk.at;
      });
      var path = ex.root.querySelector("[data-role=path]");
      var list = ex.root.querySelector("[data-role=path-list]");
      list.textContent = "";
      walk.steps.forEach(function (step) {
        var item = el("li");
        item.appendChild(el("span", step.question + " ", "skp-tree__path-q"));
        item.appendChild(el("strong", step.answer));
        list.appendChild(item);
      });
      path.hidden = walk.steps.length === 0;
      path.setAttribute("data-engine", engine ? "python" : "page");
      ex.root.querySelector("[data-action=back]").hidden = walk.steps.length === 0;
      if (moved) {
        var current = ex.root.querySelector('[data-node="' + walk.at + '"] .skp-tree__question, [data-outcome="' + walk.at + '"] .skp-tree__outcome-title');
        if (current) current.focus();
        ex.say(walk.finished ? "Du er nået til et udfald." : "Spørgsmål " + (walk.steps.length + 1) + ".");
      }
    }
  };

  /* ── ZNU zones ─────────────────────────────────────────────────────────────────────── */
  var ZONE_KEYS = ["kan-endnu-ikke", "kan-med-hjaelp", "kan-selv"];
  var Zones = {
    empty: function () { return { placements: {}, answers: {}, done: false }; },
    valid: function (s) {
      return s.placements && typeof s.placements === "object" && Object.keys(s.placements).every(function (k) {
        return ZONE_KEYS.indexOf(s.placements[k]) >= 0;
      });
    },
    bind: function (ex) {
      ex.root.querySelectorAll("[data-field=placement]").forEach(function (select) {
        select.addEventListener("change", function () {
          var item = select.getAttribute("data-item");
          if (select.value) ex.state.placements[item] = select.value; else delete ex.state.placements[item];
          ex.save();
          Zones.board(ex);
        });
      });
      bindAnswers(ex);
      Zones.bindDrag(ex);
      ex.root.querySelector("[data-action=compare]").addEventListener("click", function () {
        Engine.call("compare", ex.def, ex.state).then(function (answer) {
          if (!answer) {
            ex.root.querySelector(".skp-zones__key").open = true;
            ex.engineUnavailableHint("Håndbogens forslag er foldet ud nederst i øvelsen.");
            return;
          }
          Zones.feedback(ex, answer.result);
        });
      });
    },
    apply: function (ex) {
      ex.root.querySelectorAll("[data-field=placement]").forEach(function (select) {
        select.value = ex.state.placements[select.getAttribute("data-item")] || "";
      });
      ex.root.querySelectorAll("[data-role=item-feedback]").forEach(function (p) { p.hidden = true; p.textContent = ""; });
      applyAnswers(ex);
      Zones.board(ex);
    },
    board: function (ex) {
      [""].concat(ZONE_KEYS).forEach(function (zone) {
        var list = ex.root.querySelector('[data-role=zone-list][data-zone="' + zone + '"]');
        list.textContent = "";
        ex.def.items.forEach(function (item) {
          if ((ex.state.placements[item.id] || "") !== zone) return;
          var card = el("li", item.text, "skp-zones__card");
          card.draggable = true;
          card.setAttribute("data-item", item.id);
          list.appendChild(card);
        });
      });
    },
    /* Drag and drop for mouse and touch screens; it only sets the item's select, which stays the
       keyboard and screen-reader way to do the same. */
    bindDrag: function (ex) {
      var board = ex.root.querySelector(".skp-zones__board");
      board.addEventListener("dragstart", function (event) {
        var card = event.target.closest("[data-item]");
        if (card) event.dataTransfer.setData("text/plain", card.getAttribute("data-item"));
      });
      board.querySelectorAll(".skp-zones__column").forEach(function (column) {
        column.addEventListener("dragover", function (event) { event.preventDefault(); });
        column.addEventListener("drop", function (event) {
          event.preventDefault();
          var dropped = event.dataTransfer.getData("text/plain");
          var select = Array.prototype.find.call(ex.root.querySelectorAll("select[data-item]"), function (s) {
            return s.getAttribute("data-item") === dropped;  /* compared, never built into a selector */
          });
          if (!select) return;
          select.value = column.getAttribute("data-zone");
          select.dispatchEvent(new Event("change"));
        });
      });
    },
    feedback: function (ex, result) {
      result.items.forEach(function (item) {
        var p = ex.root.querySelector('[data-role=item-feedback][data-item="' + item.id + '"]');
        p.textContent = item.message;
        p.className = "skp-zones__feedback " + (item.agrees ? "is-same" : item.chosen ? "is-different" : "is-missing");
        p.hidden = false;
      });
      ex.state.done = result.placed === result.total;
      ex.save();
      ex.showResult(function (box) {
        box.appendChild(el("p", result.headline, "skp-result__headline"));
        if (result.candidates.length) {
          box.appendChild(el("p", "Kandidater til næste delmål (det, personen kan med hjælp):"));
          var list = el("ul");
          result.candidates.forEach(function (text) { list.appendChild(el("li", text)); });
          box.appendChild(list);
        }
      });
    }
  };

  /* Free-text answers and grid cells share one shape: state[bucket][key] = text. */
  function bindAnswers(ex) {
    ex.root.querySelectorAll("[data-field=answer], [data-field=cell]").forEach(function (field) {
      field.addEventListener("input", function () {
        var bucket = field.getAttribute("data-field") === "cell" ? "cells" : "answers";
        ex.state[bucket][field.getAttribute("data-key")] = field.value;
        ex.save();
      });
    });
  }

  function applyAnswers(ex) {
    ex.root.querySelectorAll("[data-field=answer], [data-field=cell]").forEach(function (field) {
      var bucket = field.getAttribute("data-field") === "cell" ? "cells" : "answers";
      field.value = (ex.state[bucket] || {})[field.getAttribute("data-key")] || "";
      SKPPrivacy.checkCpr(field);
    });
  }

  function textMap(s, bucket) {
    return s[bucket] && typeof s[bucket] === "object" && Object.keys(s[bucket]).every(function (k) {
      return typeof s[bucket][k] === "string";
    });
  }

  /* ── Choice grid ───────────────────────────────────────────────────────────────────── */
  var Grid = {
    empty: function () { return { cells: {}, answers: {}, done: false }; },
    valid: function (s) { return textMap(s, "cells") && textMap(s, "answers"); },
    bind: function (ex) {
      bindAnswers(ex);
      bindSummary(ex, function (box, r) {
        r.options.forEach(function (option) {
          box.appendChild(el("h4", option.label));
          var list = el("ul");
          option.rows.forEach(function (row) {
            list.appendChild(el("li", row.side + " " + row.horizon.toLowerCase() + ": " + (row.text || "(tomt)")));
          });
          box.appendChild(list);
        });
        r.prompts.forEach(function (p) {
          box.appendChild(el("p", p.question, "skp-result__q"));
          box.appendChild(el("p", p.answer || "(ikke besvaret)"));
        });
      });
    },
    apply: function (ex) { applyAnswers(ex); }
  };

  /* ── Checklist ─────────────────────────────────────────────────────────────────────── */
  var Checklist = {
    empty: function () { return { ticked: [], answers: {}, done: false }; },
    valid: function (s) {
      return Array.isArray(s.ticked) && s.ticked.every(function (t) { return typeof t === "string"; }) && textMap(s, "answers");
    },
    bind: function (ex) {
      ex.root.querySelectorAll("[data-field=tick]").forEach(function (box) {
        box.addEventListener("change", function () {
          var key = box.getAttribute("data-key");
          ex.state.ticked = ex.state.ticked.filter(function (k) { return k !== key; });
          if (box.checked) ex.state.ticked.push(key);
          ex.save();
        });
      });
      bindAnswers(ex);
      bindSummary(ex, function (box, r) {
        r.groups.forEach(function (group) {
          box.appendChild(el("h4", group.title + " (" + group.count + " af " + group.total + ")"));
          if (group.consider.length) {
            box.appendChild(el("p", "Værd at overveje:"));
            var list = el("ul");
            group.consider.forEach(function (text) { list.appendChild(el("li", text)); });
            box.appendChild(list);
          }
        });
        r.reflections.forEach(function (p) {
          box.appendChild(el("p", p.question, "skp-result__q"));
          box.appendChild(el("p", p.answer || "(ikke besvaret)"));
        });
      });
    },
    apply: function (ex) {
      ex.root.querySelectorAll("[data-field=tick]").forEach(function (box) {
        box.checked = ex.state.ticked.indexOf(box.getAttribute("data-key")) >= 0;
      });
      applyAnswers(ex);
    }
  };

  function bindSummary(ex, build) {
    ex.root.querySelector("[data-action=summary]").addEventListener("click", function () {
      Engine.call("summary", ex.def, ex.state).then(function (answer) {
        if (!answer) { ex.engineUnavailableHint("Du kan udskrive siden med dine svar i stedet."); return; }
        ex.state.done = true;
        ex.save();
        ex.showResult(function (box) {
          box.appendChild(el("p", answer.result.headline, "skp-result__headline"));
          build(box, answer.result);
        });
      });
    });
  }

  var KINDS = { decision_tree: Tree, zones: Zones, choice_grid: Grid, checklist: Checklist };

  /* ── Learning path and case filters (no engine needed) ─────────────────────────────── */
  function learningPath() {
    document.querySelectorAll("[data-path-exercise]").forEach(function (step) {
      var saved = SKPStore.read("ovelse:" + step.getAttribute("data-path-exercise"));
      var label = !saved.state ? "Ikke startet" : saved.state.done ? "Gennemført" : "I gang";
      step.querySelector("[data-role=path-state]").textContent = label;
      step.setAttribute("data-state", label);
    });
  }

  function caseFilters() {
    var form = document.querySelector("[data-role=case-filters]");
    if (!form) return;
    var cards = document.querySelectorAll(".skp-card");
    var count = document.querySelector("[data-role=case-count]");
    var selects = form.querySelectorAll("select");
    function filter() {
      var shown = 0;
      cards.forEach(function (card) {
        var match = Array.prototype.every.call(selects, function (select) {
          var values = (card.getAttribute("data-" + select.getAttribute("data-facet")) || "").split(" ");
          return !select.value || values.indexOf(select.value) >= 0;
        });
        card.hidden = !match;
        if (match) shown++;
      });
      count.textContent = "Viser " + shown + " af " + cards.length + " cases";
    }
    selects.forEach(function (select) { select.addEventListener("change", filter); });
    form.addEventListener("reset", function () { setTimeout(filter, 0); });
    form.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    var config = readJSON("skp-runtime-config") || {};
    var md = readJSON("__config") || {};
    /* "." on normal pages, "/" on 404.html: exactly one trailing slash ("//" would be a host). */
    var base = new URL((md.base || ".").replace(/\/*$/, "/"), location.href);
    learningPath();
    caseFilters();
    document.addEventListener("skp:cleared", learningPath);
    var roots = document.querySelectorAll("[data-exercise-id]");
    if (!roots.length) return;
    var exercises = [];
    roots.forEach(function (root) {
      var ex = new Exercise(root);
      ex.init();
      exercises.push(ex);
    });
    Engine.onChange(function (state) { exercises.forEach(function (ex) { ex.runtimeChanged(state); }); });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) exercises.forEach(function (ex) { ex.reload(); });
    });
    Engine.start(config, base);
  });
})();
