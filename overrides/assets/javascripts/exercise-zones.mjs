/*
 * A ZNU sorting: tasks placed in zones by select (keyboard, screen reader) or drag and drop,
 * compared with the answer key; the feedback stays next to each task.
 */
import { el, list, sheetCall, bindAnswers, applyAnswers } from "./skp-exercise-core.mjs";

export const KIND = "zones";

const ZONE_KEYS = ["kan-endnu-ikke", "kan-med-hjaelp", "kan-selv"];
const Zones = {
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

export default Zones;
