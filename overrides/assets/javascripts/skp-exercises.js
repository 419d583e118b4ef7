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

  /* Render an engine answer into the result region, marked as computed by Python. */
  Exercise.prototype.showResult = function (build, quiet) {
    var box = this.result;
    box.textContent = "";
    build(box);
    var by = el("p", "Beregnet af øvelsesmotoren i din browser (Python " + ((Engine.info && Engine.info.python) || "") + ").", "skp-result__engine");
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

  /* ── Decision tree (branching scenario) ────────────────────────────────────────────── */
  /* A choice shows its feedback first («Fortsæt» goes on); an outcome gets the engine's debrief.
     The exercise is done only when the debrief has been shown. */
  var Tree = {
    empty: function () { return { choices: [], done: false }; },
    valid: function (s) {
      return Array.isArray(s.choices) && s.choices.every(function (c) { return Number.isInteger(c) && c > 0; });
    },
    bind: function (ex) {
      ex.root.querySelectorAll("[data-choice]").forEach(function (link) {
        link.addEventListener("click", function (event) {
          /* Material's instant navigation handles every link click on <body> and would follow
           * the answer's #anchor (moving focus away from the feedback): keep the click here. */
          event.preventDefault();
          event.stopPropagation();
          Tree.choose(ex, link);
        });
        /* A link answers Enter by itself; Space must choose too, as the help page promises. */
        link.addEventListener("keydown", function (event) {
          if (event.key === " " || event.key === "Spacebar") {
            event.preventDefault();
            Tree.choose(ex, link);
          }
        });
      });
      ex.root.querySelector("[data-action=continue]").addEventListener("click", function () {
        ex.feedback = null;
        Tree.update(ex, true);
      });
      ex.root.querySelector("[data-action=back]").addEventListener("click", function () {
        ex.state.choices.pop();
        ex.feedback = null;
        Tree.update(ex, true);
      });
      ex.root.querySelectorAll("[data-action=restart]").forEach(function (link) {
        link.addEventListener("click", function (event) {
          event.preventDefault();
          event.stopPropagation();
          ex.state.choices = [];
          ex.feedback = null;
          Tree.update(ex, true);
        });
      });
    },
    apply: function (ex) { ex.feedback = null; Tree.update(ex, false); },
    engineReady: function (ex) { if (!ex.feedback) Tree.update(ex, false); },
    choose: function (ex, link) {
      var node = link.closest("[data-node]").getAttribute("data-node");
      var number = parseInt(link.getAttribute("data-choice"), 10);
      ex.state.choices.push(number);
      ex.feedback = node + ":" + number;
      Tree.update(ex, true);
    },
    /* Saved answers that no longer fit the tree – not any engine error. */
    stale: function (answer) {
      if (answer.code) return answer.code === "stale_state";
      return /ingen svarmulighed nr\.|ikke flere spørgsmål/.test(answer.error || "");
    },
    /* Follow the links in the page (works without Python). */
    localWalk: function (ex) {
      var at = ex.def.start, steps = [];
      for (var i = 0; i < ex.state.choices.length; i++) {
        var node = ex.root.querySelector('[data-node="' + at + '"]');
        var link = node && node.querySelector('[data-choice="' + ex.state.choices[i] + '"]');
        if (!link) return null;
        steps.push({ node: at, question: node.querySelector(".skp-tree__question").textContent, answer: link.textContent });
        at = link.getAttribute("data-next");
      }
      return { steps: steps, at: at, finished: !!ex.root.querySelector('[data-outcome="' + at + '"]') };
    },
    resetStale: function (ex) {
      ex.showNotice("Dine gemte svar passer ikke længere til træet og er nulstillet.");
      SKPStore.remove(ex.storageName());
      ex.state = Tree.empty();
      ex.feedback = null;
      return Tree.localWalk(ex);
    },
    update: function (ex, moved) {
      if (Engine.state !== "ready") {
        Tree.render(ex, Tree.localWalk(ex) || Tree.resetStale(ex), false, moved);
        return;
      }
      Engine.call("walk", ex.def, ex.state).then(function (answer) {
        if (answer && answer.ok) { Tree.render(ex, answer.result, true, moved); return; }
        if (answer && Tree.stale(answer)) { Tree.render(ex, Tree.resetStale(ex), false, moved); return; }
        /* The engine failed: keep every answer and carry on from the page itself. */
        ex.showNotice("Den personlige feedback svarede ikke. Dine svar er gemt, og du kan fortsætte.");
        Tree.render(ex, Tree.localWalk(ex) || Tree.resetStale(ex), false, moved);
      });
    },
    render: function (ex, walk, engine, moved) {
      if (moved) {
        ex.state.done = false;  /* done again only when the debrief is reached */
        ex.save();  /* restoring or resetting must not write anything */
      }
      var panel = ex.root.querySelector("[data-role=feedback]");
      var showing = ex.feedback ? null : walk.at;
      ex.root.querySelectorAll("[data-node], [data-outcome]").forEach(function (part) {
        var id = part.getAttribute("data-node") || part.getAttribute("data-outcome");
        part.hidden = id !== showing;
      });
      ex.root.querySelectorAll("[data-role=outcome-rule]").forEach(function (rule) { rule.hidden = false; });
      ex.hideResult();
      panel.hidden = !ex.feedback;
      var list = ex.root.querySelector("[data-role=path-list]");
      list.textContent = "";
      walk.steps.forEach(function (step) {
        var item = el("li");
        item.appendChild(el("span", step.question + " ", "skp-tree__path-q"));
        item.appendChild(el("strong", step.answer));
        list.appendChild(item);
      });
      var path = ex.root.querySelector("[data-role=path]");
      path.hidden = walk.steps.length === 0;
      path.setAttribute("data-engine", engine ? "python" : "page");
      ex.root.querySelector("[data-action=back]").hidden = walk.steps.length === 0;
      if (ex.feedback) {
        var body = panel.querySelector("[data-role=feedback-body]");
        body.textContent = "";
        body.appendChild(Tree.feedbackFor(ex, ex.feedback));
        panel.querySelector("[data-role=feedback-title]").focus();
        return;
      }
      if (walk.finished) Tree.debrief(ex, moved);
      if (moved) {
        var current = ex.root.querySelector('[data-node="' + walk.at + '"] .skp-tree__question, [data-outcome="' + walk.at + '"] .skp-tree__outcome-title');
        if (current) current.focus();
        ex.say(walk.finished ? "Du er nået til et udfald." : "Spørgsmål " + (walk.steps.length + 1) + ".");
      }
    },
    feedbackFor: function (ex, key) {
      var template = ex.root.querySelector('template[data-feedback="' + key + '"]');
      return template ? template.content.cloneNode(true) : document.createDocumentFragment();
    },
    debrief: function (ex, moved) {
      Engine.call("debrief", ex.def, ex.state).then(function (answer) {
        if (!answer) return;  /* no engine: the outcome and the handbooks' path stay in the page */
        if (!answer.ok) {
          if (Tree.stale(answer)) Tree.render(ex, Tree.resetStale(ex), false, true);
          else ex.showNotice("Gennemgangen kunne ikke beregnes lige nu. Dine svar er gemt.");
          return;
        }
        if (!answer.result.finished) return;
        ex.state.done = true;
        ex.save();
        Tree.showDebrief(ex, answer.result, moved);
      });
    },
    showDebrief: function (ex, d, moved) {
      var outcome = ex.root.querySelector('[data-outcome="' + d.outcome + '"]');
      var rule = outcome.querySelector("[data-role=outcome-rule]");
      var box = ex.result;
      box.textContent = "";
      box.appendChild(el("p", d.headline, "skp-result__headline"));
      box.appendChild(el("h4", "Din vej – med den feedback, du fik"));
      var yours = el("ol");
      function stepItem(step) {
        var item = el("li");
        item.appendChild(el("span", step.question + " ", "skp-tree__path-q"));
        item.appendChild(el("strong", step.answer));
        return item;
      }
      d.steps.forEach(function (step) {
        var item = stepItem(step);
        if (step.as_recommended === false) item.appendChild(el("span", " Håndbøgerne valgte: " + step.recommended_answer, "skp-tree__differs"));
        item.appendChild(Tree.feedbackFor(ex, step.node + ":" + step.choice));
        yours.appendChild(item);
      });
      box.appendChild(yours);
      box.appendChild(el("h4", "Håndbøgernes vej"));
      var best = el("ol");
      d.recommended.forEach(function (step) { best.appendChild(stepItem(step)); });
      var end = ex.root.querySelector('[data-outcome="' + d.recommended_outcome + '"] .skp-tree__outcome-title');
      if (end) best.appendChild(el("li", end.textContent));
      box.appendChild(best);
      box.appendChild(el("h4", "Hvor du valgte anderledes"));
      if (d.differed.length) {
        var differed = el("ul");
        d.differed.forEach(function (step) {
          differed.appendChild(el("li", step.question + " Du valgte: «" + step.answer + "». Håndbøgerne: «" + step.recommended_answer + "»."));
        });
        box.appendChild(differed);
      } else {
        box.appendChild(el("p", "Ingen steder – du valgte som håndbøgerne ved hver beslutning."));
      }
      var laws = rule.querySelectorAll("[data-law]");
      if (laws.length) {
        box.appendChild(el("h4", "Reglen i dag"));
        laws.forEach(function (law) { box.appendChild(law.cloneNode(true)); });
      }
      box.appendChild(el("h4", "Læs videre"));
      var next = el("p");
      next.appendChild(rule.querySelector("[data-role=next-page]").cloneNode(true));
      box.appendChild(next);
      box.appendChild(el("h4", "Til supervision"));
      box.appendChild(el("p", d.supervision, "skp-tree__supervision"));
      rule.hidden = true;
      box.setAttribute("data-engine", "python");
      box.hidden = false;
      if (moved) box.focus();
    }
  };

  /* ── Sheet kinds (zones, grid, checklist): one way to ask the engine ──────────────── */
  /* Resolves to the engine's result, or null after telling the learner why. Only a "stale_state"
     answer may reset saved answers; any other engine error leaves every answer where it is. */
  function sheetCall(ex, action, state, hint, quiet) {
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

  function list(items, className) {
    var ul = el("ul", null, className);
    items.forEach(function (text) { ul.appendChild(el("li", text)); });
    return ul;
  }

  /* ── ZNU zones ─────────────────────────────────────────────────────────────────────── */
  var ZONE_KEYS = ["kan-endnu-ikke", "kan-med-hjaelp", "kan-selv"];
  var Zones = {
    empty: function () { return { placements: {}, answers: {}, compared: false, done: false }; },
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
          if (ex.state.compared) Zones.compare(ex, true);  /* the feedback next to each task stays current */
        });
      });
      bindAnswers(ex);
      Zones.bindDrag(ex);
      ex.root.querySelector("[data-action=compare]").addEventListener("click", function () { Zones.compare(ex, false); });
    },
    apply: function (ex) {
      ex.root.querySelectorAll("[data-field=placement]").forEach(function (select) {
        select.value = ex.state.placements[select.getAttribute("data-item")] || "";
      });
      ex.root.querySelectorAll("[data-role=item-feedback]").forEach(function (p) { p.hidden = true; p.textContent = ""; });
      applyAnswers(ex);
      Zones.board(ex);
    },
    engineReady: function (ex) { if (ex.state.compared) Zones.compare(ex, true); },
    compare: function (ex, quiet) {
      sheetCall(ex, "compare", ex.state, "Håndbogens forslag er foldet ud nederst i øvelsen.", quiet).then(function (result) {
        if (result) { Zones.feedback(ex, result, quiet); return; }
        if (!quiet) ex.root.querySelector(".skp-zones__key").open = true;
      });
    },
    board: function (ex) {
      [""].concat(ZONE_KEYS).forEach(function (zone) {
        var zoneList = ex.root.querySelector('[data-role=zone-list][data-zone="' + zone + '"]');
        zoneList.textContent = "";
        ex.def.items.forEach(function (item) {
          if ((ex.state.placements[item.id] || "") !== zone) return;
          var card = el("li", item.text, "skp-zones__card");
          card.draggable = true;
          card.setAttribute("data-item", item.id);
          zoneList.appendChild(card);
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
    feedback: function (ex, result, quiet) {
      result.items.forEach(function (item) {
        var p = ex.root.querySelector('[data-role=item-feedback][data-item="' + item.id + '"]');
        p.textContent = item.message;
        p.className = "skp-zones__feedback " + (item.agrees ? "is-same" : item.chosen ? "is-different" : "is-missing");
        p.hidden = false;
      });
      ex.state.compared = true;
      ex.state.done = result.complete;
      ex.save();
      ex.showResult(function (box) {
        box.appendChild(el("p", result.headline, "skp-result__headline"));
        if (result.candidates.length) {
          box.appendChild(el("p", "Kandidater til næste delmål (det, borgeren kan med hjælp):"));
          box.appendChild(list(result.candidates));
        }
      }, quiet);
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

  /* A summary button shared by grids and checklists; a summary counts the exercise as done, and
     a saved summary is shown again (without moving focus) once the engine is ready after a reload. */
  function bindSummary(ex, kind) {
    ex.root.querySelector("[data-action=summary]").addEventListener("click", function () { showSummary(ex, kind, false); });
  }

  function showSummary(ex, kind, quiet) {
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

  function answersBlock(box, answers) {
    answers.forEach(function (p) {
      box.appendChild(el("p", p.question, "skp-result__q"));
      box.appendChild(el("p", p.answer || "(ikke besvaret)"));
    });
  }

  /* ── Choice grid ───────────────────────────────────────────────────────────────────── */
  var WEIGHT_LABELS = { 1: "vejer lidt", 2: "vejer noget", 3: "vejer tungt" };
  var Grid = {
    empty: function () { return { cells: {}, answers: {}, decision: "", weights: {}, done: false }; },
    valid: function (s) {
      return textMap(s, "cells") && textMap(s, "answers") && (s.weights === undefined || typeof s.weights === "object");
    },
    bind: function (ex) {
      bindAnswers(ex);
      ex.root.querySelectorAll("[data-field=weight]").forEach(function (select) {
        select.addEventListener("change", function () {
          var key = select.getAttribute("data-key");
          if (select.value) ex.state.weights[key] = parseInt(select.value, 10); else delete ex.state.weights[key];
          ex.save();
        });
      });
      ex.root.querySelectorAll("[data-field=decision]").forEach(function (radio) {
        radio.addEventListener("change", function () {
          if (radio.checked) { ex.state.decision = radio.value; ex.save(); }
        });
      });
      bindSummary(ex, Grid);
      ex.root.querySelector("[data-action=print-sheet]").addEventListener("click", function () { Grid.print(ex); });
    },
    apply: function (ex) {
      ex.state.weights = ex.state.weights || {};
      ex.state.decision = ex.state.decision || "";
      applyAnswers(ex);
      ex.root.querySelectorAll("[data-field=weight]").forEach(function (select) {
        select.value = String(ex.state.weights[select.getAttribute("data-key")] || "");
      });
      ex.root.querySelectorAll("[data-field=decision]").forEach(function (radio) {
        radio.checked = radio.value === ex.state.decision;
      });
      ex.root.querySelector("[data-action=print-sheet]").hidden = true;
    },
    engineReady: function (ex) { if (ex.state.done) showSummary(ex, Grid, true); },
    sheet: function (ex, box, r) {
      box.classList.add("skp-sheet");
      box.insertBefore(el("h4", "Beslutningsark: " + r.title, "skp-sheet__title"), box.firstChild);
      box.appendChild(el("p", "Udfyldt " + new Date().toLocaleDateString("da-DK") + ". Gemt kun i din browser.", "skp-sheet__source"));
      var table = el("table", null, "skp-sheet__table");
      var head = el("tr");
      ["", "Fordele (vægt)", "Ulemper (vægt)"].forEach(function (t) { head.appendChild(el("th", t)); });
      table.appendChild(head);
      r.options.forEach(function (option) {
        var row = el("tr");
        row.appendChild(el("th", option.label));
        ["Fordele", "Ulemper"].forEach(function (side) {
          var cell = el("td");
          var args = option.rows.filter(function (a) { return a.side === side && a.text; }).map(function (a) {
            return a.horizon + ": " + a.text + " – " + (WEIGHT_LABELS[a.weight] || "ikke vægtet");
          });
          cell.appendChild(args.length ? list(args) : el("span", "(tomt)"));
          cell.appendChild(el("p", "I alt: " + (side === "Fordele" ? option["for"] : option.against), "skp-sheet__sum"));
          row.appendChild(cell);
        });
        table.appendChild(row);
      });
      box.appendChild(table);
      answersBlock(box, r.prompts);
      if (r.handbook_view) {
        box.appendChild(el("h5", "Håndbogens syn"));
        r.handbook_view.text.split(/\n\s*\n/).forEach(function (para) { box.appendChild(el("p", para.trim())); });
        var source = ex.root.querySelector("[data-role=view-source]");
        box.appendChild(el("p", source ? source.textContent : "Kilde: " + r.handbook_view.source.join(", "), "skp-sheet__source"));
        ex.root.querySelector(".skp-grid__view").open = true;
      }
      box.appendChild(el("p", "Til supervision: Hvad vejede tungest for dig – og hvad ville du gøre anderledes, når du har hørt håndbogens syn?", "skp-result__q"));
      ex.root.querySelector("[data-action=print-sheet]").hidden = !r.complete;
    },
    /* Print only the decision sheet: a copy of it becomes the one thing on the page while printing. */
    print: function (ex) {
      var copy = el("div", null, "skp-print-sheet");
      copy.appendChild(ex.result.cloneNode(true));
      copy.querySelectorAll(".skp-result__engine").forEach(function (n) { n.remove(); });
      document.body.appendChild(copy);
      document.documentElement.classList.add("skp-printing-sheet");
      var done = function () {
        copy.remove();
        document.documentElement.classList.remove("skp-printing-sheet");
        window.removeEventListener("afterprint", done);
      };
      window.addEventListener("afterprint", done);
      window.print();
    }
  };

  /* ── Checklist ─────────────────────────────────────────────────────────────────────── */
  function today() {
    var d = new Date();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  var Checklist = {
    empty: function () { return { ticked: [], answers: {}, history: [], done: false }; },
    valid: function (s) {
      return Array.isArray(s.ticked) && s.ticked.every(function (t) { return typeof t === "string"; }) && textMap(s, "answers") &&
        (s.history === undefined || Array.isArray(s.history));
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
      bindSummary(ex, Checklist);
    },
    apply: function (ex) {
      ex.state.history = ex.state.history || [];
      ex.root.querySelectorAll("[data-field=tick]").forEach(function (box) {
        box.checked = ex.state.ticked.indexOf(box.getAttribute("data-key")) >= 0;
      });
      applyAnswers(ex);
    },
    engineReady: function (ex) { if (ex.state.done) showSummary(ex, Checklist, true); },
    /* A new summary of a dated checklist is recorded with today's date; showing it again is not. */
    request: function (ex, restoring) {
      return restoring ? ex.state : Object.assign({}, ex.state, { today: today() });
    },
    keep: function (ex, r) { if (r.history) ex.state.history = r.history; },
    sheet: function (ex, box, r) {
      r.groups.forEach(function (group) {
        var h = el("h4", group.title + ": " + group.label, "skp-lean skp-lean--" + group.state);
        box.appendChild(h);
        box.appendChild(el("p", group.message));
        box.appendChild(el("p", group.count + " af " + group.total + " udsagn krydset.", "skp-lean__count"));
      });
      if (r.history) {
        box.appendChild(el("h4", "Over tid"));
        box.appendChild(el("p", r.change ? r.change.text : "Første gemte opsummering. Gentag tjekket om nogle uger for at se ændringen.", "skp-history__change"));
        box.appendChild(list(r.history.map(function (entry) {
          var parts = entry.date.split("-");
          return parseInt(parts[2], 10) + "." + parseInt(parts[1], 10) + "." + parts[0] + ": " + entry.ticked.length + " kryds";
        }), "skp-history"));
      }
      answersBlock(box, r.reflections);
    }
  };

  var KINDS = { decision_tree: Tree, zones: Zones, choice_grid: Grid, checklist: Checklist };

  /* ── Case filters (no engine needed) ── path: the learning path moved to skp-learning-path.mjs */
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

  /* Material's document$ emits for the first page and after every instant navigation; the worker
   * and Pyodide live on across pages, each page's exercises attach to them. */
  document$.subscribe(function () {
    caseFilters();
    var exercises = [];
    document.querySelectorAll("[data-exercise-id]").forEach(function (root) {
      var ex = new Exercise(root);
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
})();
