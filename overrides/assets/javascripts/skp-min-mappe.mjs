/*
 * Min mappe: everything this browser has saved, gathered by step of the learning path for
 * supervision — pages read, tree paths and outcomes, ZNU placements next to the handbook's,
 * grid decisions, checklist results with their dated history, the saved referral — each with a
 * link back. The words come from the exercises' own definitions (embedded by the build as
 * folder views), the answers from the store; nothing is copied at save time and nothing is sent.
 * Printing gives a tidy document (print CSS in skp.css, .skp-folder).
 */
import { combine, exerciseState, itemState, pagesRead, paint } from "./skp-learning-path.mjs";

const store = window.SKPStore;

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function pair(list, term, value) {
  list.appendChild(el("dt", term));
  list.appendChild(el("dd", value || "(ikke besvaret)"));
}

function danishDate(iso) {
  const [y, m, d] = iso.split("-");
  return parseInt(d, 10) + "." + parseInt(m, 10) + "." + y;
}

const KINDS = {
  /* The path walked, answer by answer, and the outcome with its rating. */
  decision_tree(view, state, body) {
    let at = view.start;
    const path = el("ol");
    for (const choice of state.choices || []) {
      const node = view.nodes[at];
      const option = node && node.options[choice - 1];
      if (!option) break;
      const item = el("li", node.question + " ");
      item.appendChild(el("strong", option[0]));
      path.appendChild(item);
      at = option[1];
    }
    body.appendChild(el("h4", "Din vej"));
    body.appendChild(path.children.length ? path : el("p", "Du er ikke begyndt endnu."));
    const outcome = view.outcomes[at];
    if (outcome) {
      body.appendChild(el("p", "Udfald: " + outcome.title + " – vurdering: " + outcome.rating + ".", "skp-folder__outcome"));
      if (outcome.supervision) body.appendChild(el("p", "Til supervision: " + outcome.supervision, "skp-folder__supervision"));
    }
  },
  /* Each task: where I put it, and where the handbook puts it. */
  zones(view, state, body) {
    const table = el("table", null, "skp-folder__table");
    const head = el("tr");
    ["Opgave", "Min placering", "Håndbogens forslag"].forEach((t) => head.appendChild(el("th", t)));
    table.appendChild(head);
    view.items.forEach((item) => {
      const row = el("tr");
      const mine = state.placements && state.placements[item.id];
      row.appendChild(el("td", item.text));
      row.appendChild(el("td", mine ? view.zones[mine] : "(ikke placeret)"));
      row.appendChild(el("td", item.suggested + (mine && view.zones[mine] === item.suggested ? " ✓" : "")));
      table.appendChild(row);
    });
    body.appendChild(table);
    const answers = el("dl");
    pair(answers, view.next_step, (state.answers || {}).next_step);
    body.appendChild(answers);
  },
  /* The arguments per option and horizon with their weights, the decision and the reflections. */
  choice_grid(view, state, body) {
    const cells = state.cells || {}, weights = state.weights || {};
    view.options.forEach((option, index) => {
      body.appendChild(el("h4", option));
      const list = el("dl");
      Object.keys(view.horizons).forEach((horizon) => {
        Object.keys(view.sides).forEach((side) => {
          const key = index + "." + horizon + "." + side;
          if (!cells[key]) return;
          const weight = view.weights[weights[key]];
          pair(list, view.sides[side] + ", " + view.horizons[horizon].toLowerCase(), cells[key] + (weight ? " (" + weight.toLowerCase() + ")" : ""));
        });
      });
      if (list.children.length) body.appendChild(list);
    });
    const chosen = view.options[parseInt(state.decision, 10)];
    body.appendChild(el("p", "Min beslutning: " + (chosen || "(ikke truffet)"), "skp-folder__outcome"));
    const answers = el("dl");
    view.prompts.forEach((prompt, index) => pair(answers, prompt, (state.answers || {})[String(index)]));
    body.appendChild(answers);
  },
  /* What I ticked per group, my reflections and every dated result. */
  checklist(view, state, body) {
    const ticked = state.ticked || [];
    view.groups.forEach((group) => {
      const mine = group.items.filter((item) => ticked.indexOf(item[0]) >= 0);
      body.appendChild(el("h4", group.title + ": " + mine.length + " af " + group.items.length + " krydset"));
      if (mine.length) {
        const list = el("ul");
        mine.forEach((item) => list.appendChild(el("li", item[1])));
        body.appendChild(list);
      }
    });
    const answers = el("dl");
    view.reflection.forEach((q) => pair(answers, q[1], (state.answers || {})[q[0]]));
    body.appendChild(answers);
    if (Array.isArray(state.history) && state.history.length) {
      body.appendChild(el("h4", "Over tid"));
      const list = el("ul", null, "skp-history");
      state.history.forEach((entry) => {
        if (entry && typeof entry.date === "string" && Array.isArray(entry.ticked)) {
          list.appendChild(el("li", danishDate(entry.date) + ": " + entry.ticked.length + " kryds"));
        }
      });
      body.appendChild(list);
    }
  }
};

function showExercise(article) {
  const view = JSON.parse(article.querySelector("[data-role=folder-view]").textContent);
  const saved = store.read("ovelse:" + view.id).state;
  const body = article.querySelector("[data-role=folder-body]");
  body.textContent = "";
  article.hidden = !saved;
  if (!saved) return false;
  paint(article, exerciseState(view.id), article.querySelector("[data-role=item-state]"));
  try {
    KINDS[view.kind](view, saved, body);
  } catch (e) {
    body.appendChild(el("p", "Dine svar til denne øvelse kunne ikke vises. Åbn øvelsen for at se dem."));
  }
  return true;
}

function showReadPages(section, read) {
  const holder = section.querySelector("[data-role=folder-read]");
  if (!holder) return false;
  holder.textContent = "";
  const pages = Array.prototype.filter.call(section.querySelectorAll("[data-path-page]"), (p) => read[p.getAttribute("data-path-page")]);
  if (!pages.length) return false;
  holder.appendChild(document.createTextNode("Læst: "));
  pages.forEach((page, index) => {
    const link = el("a", page.getAttribute("data-title"));
    link.href = page.getAttribute("data-url");
    holder.appendChild(link);
    holder.appendChild(document.createTextNode(" (" + danishDate(read[page.getAttribute("data-path-page")]) + ")" + (index < pages.length - 1 ? ", " : ".")));
  });
  return true;
}

/* The saved referral, with the labels of the form itself (kept in the page as a template). */
function showReferral(folder) {
  const section = folder.querySelector("[data-folder-referral]");
  const saved = store.read("henvisning").state;
  const list = section.querySelector("[data-role=folder-referral]");
  list.textContent = "";
  section.hidden = !saved;
  if (!saved) return false;
  const form = section.querySelector("[data-role=referral-template]").content;
  Object.keys(saved).forEach((id) => {
    const input = form.getElementById ? form.getElementById(id) : form.querySelector("#" + CSS.escape(id));
    if (!input) return;
    const value = saved[id];
    if (value === true) {
      const group = input.closest("fieldset");
      const legend = group && group.querySelector("legend");
      pair(list, legend ? legend.textContent : "Valgt", input.value);
    } else {
      const label = form.querySelector('label[for="' + CSS.escape(id) + '"]');
      pair(list, label ? label.textContent : id, String(value));
    }
  });
  return true;
}

function show() {
  const folder = document.querySelector("[data-role=min-mappe]");
  if (!folder) return;
  const read = pagesRead();
  let any = false;
  folder.querySelectorAll("[data-folder-step]").forEach((section) => {
    let has = showReadPages(section, read);
    section.querySelectorAll("[data-folder-exercise]").forEach((article) => { has = showExercise(article) || has; });
    section.hidden = !has;
    any = any || has;
    const states = Array.prototype.map.call(section.querySelectorAll("li[data-path-page], li[data-path-exercise]"), (item) => itemState(item, read));
    const holder = section.querySelector("[data-role=step-state]");
    if (holder && states.length) paint(section, combine(states), holder);
  });
  any = showReferral(folder) || any;
  folder.querySelector("[data-role=folder-empty]").hidden = any;
}

document.addEventListener("skp:cleared", show);
document.addEventListener("skp:imported", show);
window.addEventListener("pageshow", (event) => { if (event.persisted) show(); });
document$.subscribe(() => {  // Material: every page, also after instant navigation
  document.querySelectorAll("[data-action=print-folder]").forEach((button) => button.addEventListener("click", () => window.print()));
  show();
});
