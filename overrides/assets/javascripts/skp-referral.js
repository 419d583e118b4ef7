/*
 * The partners' referral checklist. It never sends anything: it turns the form into a summary
 * to print and a plain text to copy. The form is saved in this browser only if the user ticks
 * "Gem på denne computer"; "Ryd formularen" empties it and forgets any saved copy.
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
    var saved = SKPStore.read(STORAGE_NAME);
    if (saved.state) {
      restore(form, saved.state);
      save.checked = true;
      status.textContent = "Dit gemte skema er hentet fra denne computer.";
    }
    render(root);
    /* Refresh the summary; keep a copy in this browser only while the user has chosen to. */
    function update() {
      render(root);
      if (save.checked) SKPStore.write(STORAGE_NAME, state(form));
      else SKPStore.remove(STORAGE_NAME);
    }
    form.addEventListener("input", update);
    form.addEventListener("change", function (event) {
      update();
      if (event.target === save) {
        status.textContent = save.checked
          ? "Skemaet gemmes nu kun i denne browser, indtil du rydder det."
          : "Skemaet gemmes ikke længere.";
      }
    });
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
      render(root);
    });
  }

  document$.subscribe(function () {  // Material: every page, also after instant navigation
    document.querySelectorAll("[data-role=referral]").forEach(init);
  });
})();
