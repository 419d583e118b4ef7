/*
 * Everything about "nothing leaves the browser", in one place:
 * - local-only storage of the user's answers in localStorage under versioned keys
 *   ("skp-metodebanken:v1:<name>"); one click on "Ryd alle mine data" (every page footer) removes it;
 * - the CPR warning on free-text fields (pattern from exercises/privacy.py, injected by the build).
 */
(function () {
  "use strict";
  var PREFIX = "skp-metodebanken:";
  var VERSION = 1;

  function key(name) {
    return PREFIX + "v" + VERSION + ":" + name;
  }

  function keys() {
    var found = [];
    try {
      for (var i = 0; i < localStorage.length; i++) {
        var k = localStorage.key(i);
        if (k && k.indexOf(PREFIX) === 0) found.push(k);
      }
    } catch (e) { /* storage disabled: nothing saved */ }
    return found;
  }

  /* Returns {state, problem}: problem is "old" (saved by an older version) or "corrupt". */
  function read(name, isValid) {
    var raw = null;
    try { raw = localStorage.getItem(key(name)); } catch (e) { return { state: null, problem: null }; }
    if (raw === null) {
      var suffix = ":" + name;
      var old = keys().filter(function (k) { return k.slice(-suffix.length) === suffix; });
      old.forEach(function (k) { localStorage.removeItem(k); });
      return { state: null, problem: old.length ? "old" : null };
    }
    try {
      var data = JSON.parse(raw);
      if (!data || data.v !== VERSION || !data.state || typeof data.state !== "object") throw new Error("shape");
      if (isValid && !isValid(data.state)) throw new Error("state");
      return { state: data.state, problem: null };
    } catch (e) {
      localStorage.removeItem(key(name));
      return { state: null, problem: "corrupt" };
    }
  }

  function write(name, state) {
    try {
      localStorage.setItem(key(name), JSON.stringify({ v: VERSION, saved: new Date().toISOString(), state: state }));
      return true;
    } catch (e) {
      return false;
    }
  }

  function remove(name) {
    try { localStorage.removeItem(key(name)); } catch (e) { /* nothing to remove */ }
  }

  function clearAll() {
    keys().forEach(function (k) { localStorage.removeItem(k); });
    document.dispatchEvent(new CustomEvent("skp:cleared"));
  }

  window.SKPStore = { read: read, write: write, remove: remove };

  var cprPattern = null;
  function cpr() {
    if (cprPattern === null) {
      var config = document.getElementById("skp-runtime-config");
      try { cprPattern = new RegExp(JSON.parse(config.textContent).cpr_pattern); } catch (e) { cprPattern = false; }
    }
    return cprPattern;
  }

  /* Warn (and tell screen readers) when a field holds something that looks like a CPR number. */
  function checkCpr(field) {
    var warning = field.parentNode.querySelector(".skp-cpr-warning");
    var looks = cpr() && cpr().test(field.value);
    if (looks && !warning) {
      warning = document.createElement("p");
      warning.className = "skp-cpr-warning";
      warning.setAttribute("role", "alert");
      warning.textContent = "Det ligner et CPR-nummer. Skriv aldrig CPR-numre, navne eller andet, der kan " +
        "genkende en borger, medmindre borgeren har sagt ja og kanalen er sikker – husk tavshedspligten. " +
        "Teksten bliver i din browser.";
      if (field.id) {
        warning.id = field.id + "-cpr";
        field.setAttribute("aria-describedby", warning.id);
      }
      field.insertAdjacentElement("afterend", warning);
    } else if (!looks && warning) {
      warning.remove();
      field.removeAttribute("aria-describedby");
    }
  }

  window.SKPPrivacy = { checkCpr: checkCpr };

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field.matches && field.matches("[data-cpr-check] textarea, [data-cpr-check] input[type=text]")) checkCpr(field);
  });

  document$.subscribe(function () {  // Material: every page, also after instant navigation
    document.querySelectorAll("[data-skp-clear-all]").forEach(function (button) {
      button.addEventListener("click", function () {
        clearAll();
        var status = document.querySelector("[data-skp-clear-status]");
        if (status) status.textContent = "Alle dine data i denne browser er slettet.";
      });
    });
  });
})();
