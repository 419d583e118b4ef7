/*
 * A choice grid: pros and cons per option, weights and a decision, then the handbook's view in
 * a one-page decision sheet that can be printed on its own.
 */
import { el, list, bindAnswers, applyAnswers, textMap, bindSummary, showSummary, answersBlock } from "./skp-exercise-core.mjs";

export const KIND = "choice_grid";

const WEIGHT_LABELS = { 1: "vejer lidt", 2: "vejer noget", 3: "vejer tungt" };
const Grid = {
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

export default Grid;
