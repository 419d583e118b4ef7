/*
 * What "one step" is on the big screen, per kind of page. Every deck answers the same questions
 * (which step is showing, what can be counted, what the reveal shows, how to go on), so the
 * controller (skp-presenter.mjs) treats a tree, a sorting, a checklist, a grid and a case alike.
 *
 * - Decision tree: the exercise itself on screen (same DOM, same engine): a question, then what
 *   happens after the room's choice, then the outcome; the branching decides the next step.
 * - ZNU zones: one task at a time; the room places it in a zone; the reveal gives the handbook's zone.
 * - Checklist: one statement at a time; "passer / passer ikke"; the reveal says what it is a sign of.
 * - Choice grid: the scenario, one option at a time to weigh, then the decision and the handbook's view.
 * - Case: the summary, each part of the story, then each question for discussion.
 * Sheet kinds write the room's choice into the exercise's own fields, so the page's state and its
 * engine summary show the room's answers too.
 */
import { el, headingText } from "./skp-presenter-dom.mjs";
import { countsText } from "./skp-presenter-tally.mjs";

const ZONES = { "kan-endnu-ikke": "Kan endnu ikke", "kan-med-hjaelp": "Kan med hjælp", "kan-selv": "Kan selv" };
/* What a checklist statement is a sign of when it holds (exercises/models.py: LEANS, WARNING). */
const SIGNS = {
  "": ["Et godt tegn, når det passer.", "ja"],
  faresignal: ["Et faresignal: passer det, holder noget ikke.", "nej"],
  balance: ["Et tegn på balance mellem nærhed og afstand.", "ja"],
  "for-taet": ["Et tegn på at komme for tæt på.", "nej"],
  "for-fjern": ["Et tegn på at holde for meget afstand.", "nej"]
};

function paragraphs(texts, className) {
  const box = el("div", null, className);
  texts.filter(Boolean).forEach((t) => box.appendChild(el("p", t)));
  return box;
}

function split(text) {
  return String(text || "").split(/\n\s*\n/).map((t) => t.trim()).filter(Boolean);
}

/* ── Decision tree: the live exercise is the step ─────────────────────────────────── */
export function treeDeck(root, def) {
  const nodes = new Map(def.nodes.map((n) => [n.id, n]));
  const outcomes = new Map(def.outcomes.map((o) => [o.id, o]));
  let ending = false;
  const visible = (selector) => Array.prototype.find.call(root.querySelectorAll(selector), (n) => !n.hidden);
  const pathLength = () => root.querySelectorAll("[data-role=path-list] li").length;
  const savedChoices = () => {
    const saved = window.SKPStore.read("ovelse:" + def.id).state;
    return saved && Array.isArray(saved.choices) ? saved.choices : [];
  };
  const optionsOf = (node) => node.options.map((o, i) => ({
    key: String(i + 1), label: o.label, recommended: node.type !== "situation" && !!o.recommended
  }));

  return {
    kind: "decision_tree",
    usesRoot: true,
    reset() { ending = false; },
    step() {
      if (ending) return { type: "end", heading: "Rummets vej og håndbøgernes vej" };
      const feedback = root.querySelector("[data-role=feedback]");
      if (feedback && !feedback.hidden) {
        const last = root.querySelector("[data-role=path-list] li:last-child strong");
        return { type: "feedback", heading: "Det sker", canReveal: true, answer: last ? last.textContent : "" };
      }
      const node = visible("[data-node]");
      if (node) {
        const n = nodes.get(node.getAttribute("data-node"));
        return { type: "question", key: n.id, heading: "Spørgsmål " + (pathLength() + 1), canReveal: true, options: optionsOf(n) };
      }
      const outcome = visible("[data-outcome]");
      if (outcome) return { type: "outcome", key: outcome.getAttribute("data-outcome"), heading: "Udfaldet", canReveal: true };
      return { type: "text", heading: def.title };
    },
    choose(key) {
      const node = visible("[data-node]");
      const link = node && node.querySelector('[data-choice="' + key + '"]');
      if (link) link.click();
    },
    chosen() { return null; },
    next() {
      const step = this.step();
      if (step.type === "question") return "Klik på det svar, rummet enes om – så går øvelsen videre ad den vej.";
      if (step.type === "feedback") { root.querySelector("[data-action=continue]").click(); return null; }
      if (step.type === "outcome") { ending = true; return null; }
      return "Det er sidste trin. Tryk Escape for at forlade storskærmen.";
    },
    prev() {
      if (ending) { ending = false; return null; }
      const back = root.querySelector("[data-action=back]");
      if (back && !back.hidden) { back.click(); return null; }
      return "Det er første trin.";
    },
    /* The room's path (the choices the facilitator clicked) beside the handbooks' choice at each step. */
    endRows(room) {
      const rows = [];
      let at = def.start;
      savedChoices().forEach((number) => {
        const node = nodes.get(at);
        if (!node || !node.options[number - 1]) return;
        const best = node.type !== "situation" ? node.options.find((o) => o.recommended) : null;
        rows.push({
          question: node.question,
          room: node.options[number - 1].label,
          recommended: best ? best.label : "",
          counts: countsText(room, { key: node.id, options: optionsOf(node) })
        });
        at = node.options[number - 1].next;
      });
      const end = outcomes.get(at);
      if (end) rows.push({ question: "Udfald", room: end.title, recommended: null, counts: "" });
      return rows;
    }
  };
}

/* ── Sheet kinds and cases: a list of steps ───────────────────────────────────────── */
function listDeck(kind, steps, choose, chosen) {
  let index = 0;
  const questions = () => steps.filter((s) => s.type === "question");
  return {
    kind,
    usesRoot: false,
    reset() { index = 0; },
    step() {
      const step = steps[index];
      return Object.assign({ number: "Trin " + (index + 1) + " af " + steps.length, canReveal: !!step.reveal }, step);
    },
    choose(key) { if (steps[index].options) choose(steps[index], key); },
    chosen() { return steps[index].options ? chosen(steps[index]) : null; },
    next() {
      if (index >= steps.length - 1) return "Det er sidste trin. Tryk Escape for at forlade storskærmen.";
      index++;
      return null;
    },
    prev() {
      if (index === 0) return "Det er første trin.";
      index--;
      return null;
    },
    endRows(room) {
      return questions().map((step) => {
        const pick = chosen(step) || room.leader(step.key);
        const label = (key) => (step.options.find((o) => o.key === key) || {}).label || "";
        const best = step.options.find((o) => o.recommended);
        return { question: step.text, room: label(pick), recommended: best ? best.label : "", counts: countsText(room, step) };
      });
    }
  };
}

function introStep(root, def) {
  const intro = root.querySelector(".skp-exercise__head");
  const body = el("div", null, "skp-presenter__intro");
  intro.querySelectorAll("p:not(.skp-exercise__kind)").forEach((p) => body.appendChild(p.cloneNode(true)));
  return { type: "text", heading: def.title, body };
}

function endStep(heading) {
  return { type: "end", heading };
}

function fieldFor(root, selector, key) {
  return Array.prototype.find.call(root.querySelectorAll(selector), (f) => f.getAttribute("data-item") === key || f.getAttribute("data-key") === key);
}

function setField(field, apply) {
  if (!field) return;
  apply(field);
  field.dispatchEvent(new Event("change", { bubbles: true }));
}

export function zonesDeck(root, def) {
  const steps = [introStep(root, def)];
  def.items.forEach((item, i) => {
    steps.push({
      type: "question", key: item.id, heading: "Opgave " + (i + 1) + " af " + def.items.length, text: item.text,
      lead: "Hvor hører opgaven hjemme for borgeren lige nu?",
      options: Object.keys(ZONES).map((z) => ({ key: z, label: ZONES[z], recommended: z === item.suggested })),
      reveal: paragraphs(["Håndbogens forslag: " + ZONES[item.suggested] + ".", item.reason], "skp-presenter__reveal")
    });
  });
  steps.push(endStep("Rummets sortering og håndbogens"));
  const select = (step) => fieldFor(root, "select[data-field=placement]", step.key);
  return listDeck("zones", steps,
    (step, key) => setField(select(step), (f) => { f.value = key; }),
    (step) => { const f = select(step); return f && f.value ? f.value : null; });
}

export function checklistDeck(root, def) {
  const steps = [introStep(root, def)];
  const items = [];
  def.groups.forEach((group) => group.items.forEach((item) => items.push([group, item])));
  items.forEach(([group, item], i) => {
    const sign = SIGNS[item.tag] || SIGNS[""];
    steps.push({
      type: "question", key: item.id, heading: "Udsagn " + (i + 1) + " af " + items.length, text: item.text, lead: group.title,
      options: [
        { key: "ja", label: "Det passer", recommended: sign[1] === "ja" },
        { key: "nej", label: "Det passer ikke", recommended: sign[1] === "nej" }
      ],
      reveal: paragraphs([sign[0]], "skp-presenter__reveal")
    });
  });
  steps.push(endStep("Rummets svar og håndbøgernes tegn"));
  const box = (step) => fieldFor(root, "input[data-field=tick]", step.key);
  return listDeck("checklist", steps,
    (step, key) => setField(box(step), (f) => { f.checked = key === "ja"; }),
    (step) => { const f = box(step); return f && f.checked ? "ja" : null; });
}

export function gridDeck(root, def) {
  const steps = [{ type: "text", heading: def.title, body: paragraphs(split(def.scenario), "skp-presenter__intro") }];
  def.options.forEach((option, i) => {
    steps.push({
      type: "text", heading: "Mulighed " + (i + 1) + ": " + option,
      body: paragraphs(["Hvad taler for, og hvad taler imod – på kort sigt og på lang sigt?", "Hvilke argumenter vejer tungest?"], "skp-presenter__intro")
    });
  });
  const view = def.handbook_view ? split(def.handbook_view.text) : [];
  steps.push({
    type: "question", key: "beslutning", heading: "Beslutningen", text: "Hvad vælger I?",
    options: def.options.map((o, i) => ({ key: String(i), label: o, recommended: false })),
    reveal: paragraphs(["Håndbogens syn:"].concat(view), "skp-presenter__reveal")
  });
  steps.push(endStep("Rummets beslutning"));
  const radio = (key) => Array.prototype.find.call(root.querySelectorAll("input[data-field=decision]"), (r) => r.value === key);
  return listDeck("choice_grid", steps,
    (step, key) => setField(radio(key), (f) => { f.checked = true; }),
    () => { const r = root.querySelector("input[data-field=decision]:checked"); return r ? r.value : null; });
}

/* A case page: the summary, each paragraph of the story, then each question for discussion. */
export function caseDeck(content) {
  const title = content.querySelector("h1");
  const story = content.querySelector("h2#casen");
  const questionsHead = content.querySelector("h2#sporgsmaal");
  if (!title || !story || !questionsHead) return null;
  const steps = [];
  const summary = content.querySelector(".admonition.abstract");
  const first = el("div", null, "skp-presenter__intro");
  if (summary) summary.querySelectorAll("p:not(.admonition-title)").forEach((p) => first.appendChild(p.cloneNode(true)));
  steps.push({ type: "text", heading: headingText(title), body: first });
  for (let n = story.nextElementSibling; n && n !== questionsHead; n = n.nextElementSibling) {
    if (n.tagName === "P") steps.push({ type: "text", heading: "Casen", body: paragraphs([n.textContent], "skp-presenter__story") });
  }
  const list = questionsHead.nextElementSibling;
  const questions = list ? list.querySelectorAll(":scope > li") : [];
  questions.forEach((q, i) => {
    steps.push({ type: "text", heading: "Spørgsmål " + (i + 1) + " af " + questions.length, body: paragraphs([q.textContent], "skp-presenter__question") });
  });
  return listDeck("case", steps, () => {}, () => null);
}

export function deckFor(root, def) {
  if (def.kind === "decision_tree") return treeDeck(root, def);
  if (def.kind === "zones") return zonesDeck(root, def);
  if (def.kind === "checklist") return checklistDeck(root, def);
  if (def.kind === "choice_grid") return gridDeck(root, def);
  return null;
}
