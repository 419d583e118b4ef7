/*
 * A checklist: ticks and reflections, summed up per group (which way you lean); dated checklists
 * keep a history.
 */
import { el, list, bindAnswers, applyAnswers, textMap, bindSummary, showSummary, answersBlock } from "./skp-exercise-core.mjs";

export const KIND = "checklist";

function today() {
  var d = new Date();
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
}

const Checklist = {
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

export default Checklist;
