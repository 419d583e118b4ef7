/*
 * The partners' referral checklist. It never sends anything: it turns the form into a summary
 * to print and a plain text to copy. The form is saved in this browser only if the user ticks
 * "Gem på denne computer"; "Ryd formularen" empties it and forgets any saved copy. The form never
 * claims to save when the browser refused the write, and it opts out of the browser's own form
 * restore (autocomplete="off", re-read on Back), so cleared text does not come back.
 */
(function () {
  "use strict";
  var STORAGE_NAME = "henvisning";

  function fields(form) {
    var rows = [];
    form.querySelectorAll("fieldset:not(.skp-referral__signs):not(.skp-referral__choice) > .skp-field").forEach(function (p) {
      var input = p.querySelector("input, textarea, select");
      rows.push({ label: p.querySelector("label").textContent, value: input.value.trim() });
    });
    var signs = Array.prototype.map.call(form.querySelectorAll("input[name=tegn]:checked"), function (b) { return b.value; });
    rows.push({ label: "Det har jeg set", value: signs.join("; ") });
    form.querySelectorAll(".skp-referral__choice").forEach(function (set) {
      var chosen = set.querySelector("input:checked");
      rows.push({ label: set.querySelector("legend").textContent, value: chosen ? chosen.value : "" });
    });
    return rows;
  }

  function state(form) {
    var data = {};
    form.querySelectorAll("input, textarea, select").forEach(function (input) {
      if (input.name === "gem") return;
      if (input.type === "checkbox" || input.type === "radio") {
        if (input.checked) data[input.id] = true;
      } else if (input.value) {
        data[input.id] = input.value;
      }
    });
    return data;
  }

  /* A saved form is a table from field id to text (or true for a ticked box); anything else is corrupt. */
  function validState(data) {
    return Object.keys(data).every(function (id) { return typeof data[id] === "string" || data[id] === true; });
  }

  var LOAD_PROBLEMS = {
    old: "Dit gemte skema var fra en ældre version af siden og er slettet.",
    newer: "Dit gemte skema er fra en nyere version af siden og er ikke slettet. Genindlæs siden for at få den nyeste version.",
    corrupt: "Dit gemte skema kunne ikke læses og er slettet. Udfyld det igen."
  };
  var SAVE_FAILED = "Skemaet kan ikke gemmes i denne browser (lageret er fuldt eller slået fra). " +
    "Det du har skrevet, står her stadig, men forsvinder, hvis du lukker siden. Udskriv eller kopiér det i stedet.";
  var SAVE_BLOCKED = "Dine data blev slettet i et andet vindue, så skemaet gemmes ikke her. Genindlæs siden for at gemme igen.";

  function restore(form, data) {
    Object.keys(data).forEach(function (id) {
      var input = document.getElementById(id);
      if (!input || !form.contains(input)) return;
      if (input.type === "checkbox" || input.type === "radio") input.checked = true;
      else input.value = String(data[id]);
    });
  }

  function render(root) {
    var form = root.querySelector("[data-role=referral-form]");
    var list = root.querySelector("[data-role=referral-summary]");
    var rows = fields(form).filter(function (row) { return row.value; });
    list.textContent = "";
    rows.forEach(function (row) {
      var dt = document.createElement("dt");
      dt.textContent = row.label;
      var dd = document.createElement("dd");
      dd.textContent = row.value;
      list.appendChild(dt);
      list.appendChild(dd);
    });
    root.querySelector("[data-role=referral-empty]").hidden = rows.length > 0;
    return rows;
  }

  function asText(rows) {
    return ["Henvisning til SKP (støtte- og kontaktperson)", ""].concat(rows.map(function (row) {
      return row.label + ": " + row.value;
    })).join("\n");
  }

  function init(root) {
    var form = root.querySelector("[data-role=referral-form]");
    var save = root.querySelector("[data-role=referral-save]");
    var status = root.querySelector("[data-role=referral-status]");
    function checkAll() {
      form.querySelectorAll("textarea, input[type=text]").forEach(SKPPrivacy.checkCpr);
    }
    /* Fill the form from what is really saved (on load, and when Back brings the page from cache). */
    function load() {
      form.reset();
      var saved = SKPStore.read(STORAGE_NAME, validState);
      if (saved.state) {
        restore(form, saved.state);
        save.checked = true;
        status.textContent = "Dit gemte skema er hentet fra denne computer.";
      } else if (saved.problem) {
        status.textContent = LOAD_PROBLEMS[saved.problem];
      }
      checkAll();
      render(root);
    }
    load();
    /* Refresh the summary; keep a copy in this browser only while the user has chosen to, and
       say so whenever the copy could not be written. Returns whether the form is saved. */
    var failed = false;
    function update() {
      render(root);
      if (!save.checked) { SKPStore.remove(STORAGE_NAME); return false; }
      var ok = SKPStore.write(STORAGE_NAME, state(form));
      if (!ok && !failed) status.textContent = SKPStore.blocked() ? SAVE_BLOCKED : SAVE_FAILED;
      failed = !ok;
      return ok;
    }
    form.addEventListener("input", update);
    form.addEventListener("change", function (event) {
      var ok = update();
      if (event.target === save) {
        status.textContent = !save.checked
          ? "Skemaet gemmes ikke længere."
          : ok ? "Skemaet gemmes nu kun i denne browser, indtil du rydder det."
            : SKPStore.blocked() ? SAVE_BLOCKED : SAVE_FAILED;
      }
    });
    window.addEventListener("pageshow", function (event) { if (event.persisted) load(); });
    root.querySelector("[data-action=referral-print]").addEventListener("click", function () { window.print(); });
    root.querySelector("[data-action=referral-copy]").addEventListener("click", function () {
      var text = asText(render(root));
      var done = function () { status.textContent = "Teksten er kopieret. Indsæt den kun i en sikker besked."; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { status.textContent = "Kopiering blev afvist af browseren. Brug Udskriv i stedet."; });
      } else {
        status.textContent = "Browseren kan ikke kopiere her. Brug Udskriv i stedet.";
      }
    });
    root.querySelector("[data-action=referral-clear]").addEventListener("click", function () {
      form.reset();
      SKPStore.remove(STORAGE_NAME);
      form.querySelectorAll(".skp-cpr-warning").forEach(function (w) { w.remove(); });
      render(root);
      status.textContent = "Formularen er ryddet.";
    });
    document.addEventListener("skp:cleared", function () {
      form.reset();
      form.querySelectorAll(".skp-cpr-warning").forEach(function (w) { w.remove(); });
      render(root);
    });
  }

  document$.subscribe(function () {  // Material: every page, also after instant navigation
    document.querySelectorAll("[data-role=referral]").forEach(init);
  });
})();
