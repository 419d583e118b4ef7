/*
 * Exercises in the page: interaction, saved progress, CPR warnings, and the bridge to the Python
 * engine. Exercises are usable as soon as the HTML is there; the engine (Pyodide in a module
 * worker) starts in the background, once per page, and only on pages that have an exercise.
 * Runtime contract: each exercise's data-runtime goes static → loading → ready | unavailable.
 */
(function () {
  "use strict";

  var STATUS = {
    loading: "Øvelsen kan bruges nu. Den personlige feedback indlæses i baggrunden …",
    ready: "Klar: feedback og opsummering beregnes af øvelsesmotoren i din browser.",
    unavailable: "Den personlige feedback kunne ikke starte i denne browser. Øvelsen virker stadig: " +
      "følg svarmulighederne, og se håndbogens forslag i øvelsen. Intet er gået tabt."
  };
  var START_TIMEOUT_MS = 120000;

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

  /* ── The Python engine ─────────────────────────────────────────────────────────────── */
  var Engine = {
    state: "static", worker: null, seq: 0, pending: {}, info: null, listeners: [],
    onChange: function (fn) { this.listeners.push(fn); },
    set: function (state) {
      this.state = state;
      this.listeners.forEach(function (fn) { fn(state); });
    },
    start: function (config, base) {
      var self = this;
      self.set("loading");
      var timer = setTimeout(function () { self.fail("tidsgrænse"); }, START_TIMEOUT_MS);
      try {
        self.worker = new Worker(new URL("assets/javascripts/skp-worker.mjs", base), { type: "module" });
      } catch (e) {
        clearTimeout(timer);
        self.fail(String(e));
        return;
      }
      self.worker.onmessage = function (event) {
        var m = event.data;
        if (m.type === "ready") { clearTimeout(timer); self.info = m; self.set("ready"); }
        else if (m.type === "failed") { clearTimeout(timer); self.fail(m.error); }
        else if (m.type === "result" && self.pending[m.id]) {
          var resolve = self.pending[m.id];
          delete self.pending[m.id];
          resolve(JSON.parse(m.response));
        }
      };
      self.worker.onerror = function (event) {
        if (event.preventDefault) event.preventDefault();
        clearTimeout(timer);
        self.fail(event.message || "arbejdstråden kunne ikke starte");
      };
      self.worker.postMessage({
        type: "init",
        pyodide: new URL(config.pyodide_dir, base).href,
        wheel: new URL(config.wheel, base).href
      });
    },
    fail: function (reason) {
      if (this.state === "unavailable") return;
      if (window.console) console.info("SKP-øvelsesmotoren er ikke tilgængelig:", reason);
      if (this.worker) this.worker.terminate();
      this.worker = null;
      this.set("unavailable");
    },
    call: function (action, exercise, state) {
      var self = this;
      if (self.state !== "ready") return Promise.resolve(null);
      return new Promise(function (resolve) {
        var id = ++self.seq;
        self.pending[id] = resolve;
        self.worker.postMessage({
          type: "call", id: id,
          request: JSON.stringify({ action: action, exercise: exercise, state: state })
        });
      });
    }
  };

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

  Exercise.prototype.init = function () {
    var self = this;
    var saved = SKPStore.read(self.storageName(), self.kindApi.valid);
    if (saved.problem) {
      self.showNotice(saved.problem === "old"
        ? "Dine gemte svar var fra en ældre version af siden og er nulstillet."
        : "Dine gemte svar til denne øvelse kunne ikke læses og er nulstillet.");
    }
    self.state = saved.state || self.kindApi.empty();
    self.kindApi.bind(self);
    self.bindCommon();
    self.kindApi.apply(self);
  };

  Exercise.prototype.bindCommon = function () {
    var self = this;
    self.root.querySelector("[data-action=reset]").addEventListener("click", function () { self.reset(true); });
    self.root.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
    document.addEventListener("skp:cleared", function () { self.reset(false); });
  };

  Exercise.prototype.save = function () {
    SKPStore.write(this.storageName(), this.state);
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
    this.say(STATUS[state] || "");
    if (state === "ready" && this.kindApi.engineReady) this.kindApi.engineReady(this);
  };

  /* Render an engine answer into the result region, marked as computed by Python. */
  Exercise.prototype.showResult = function (build, quiet) {
    var box = this.result;
    box.textContent = "";
    build(box);
    var by = el("p", "Beregnet af øvelsesmotoren (Python " + Engine.info.python + " i din browser).", "skp-result__engine");
    box.appendChild(by);
    box.setAttribute("data-engine", "python");
    box.hidden = false;
    if (!quiet) box.focus();
  };

  Exercise.prototype.engineUnavailableHint = function (hint) {
    this.say(Engine.state === "loading"
      ? "Feedbacken er ikke klar endnu – prøv igen om et øjeblik. " + hint
      : STATUS.unavailable + " " + hint);
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
          render(answer && answer.ok ? answer.result : null, true);
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
          var select = ex.root.querySelector('select[data-item="' + event.dataTransfer.getData("text/plain") + '"]');
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

  document.addEventListener("skp:cleared", learningPath);

  /* Material's document$ emits for the first page and after every instant navigation; the worker
   * and Pyodide live on across pages, each page's exercises attach to them. */
  document$.subscribe(function () {
    learningPath();
    caseFilters();
    var exercises = [];
    document.querySelectorAll("[data-exercise-id]").forEach(function (root) {
      var ex = new Exercise(root);
      ex.init();
      exercises.push(ex);
    });
    Engine.listeners = [];
    if (!exercises.length) return;
    Engine.onChange(function (state) { exercises.forEach(function (ex) { ex.runtimeChanged(state); }); });
    if (Engine.state === "static") startEngineSoon(exercises.map(function (ex) { return ex.root; }));
    else exercises.forEach(function (ex) { ex.runtimeChanged(Engine.state); });
  });

  window.SKPEngine = Engine;
})();
