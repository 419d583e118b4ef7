/*
 * A decision tree as a branching scenario: each choice shows its feedback, an outcome gets the
 * engine's debrief (your path, the handbooks' path, the rule today, supervision).
 */
import { Engine, store, el } from "./skp-exercise-core.mjs";

export const KIND = "decision_tree";

/* A choice shows its feedback first («Fortsæt» goes on); an outcome gets the engine's debrief.
   The exercise is done only when the debrief has been shown. */
const Tree = {
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
    store.remove(ex.storageName());
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

export default Tree;
