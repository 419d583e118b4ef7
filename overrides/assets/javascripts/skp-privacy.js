/*
 * Everything about "nothing leaves the browser", in one place:
 * - local-only storage of the user's answers in localStorage under versioned keys
 *   ("skp-metodebanken:v1:<name>"); every write reports whether it really happened, and tells the
 *   page ("skp:saved" event on document, detail.name) so progress shown elsewhere can follow;
 * - a migration path: a copy saved by an older storage version is lifted step by step through
 *   MIGRATIONS (version → function(name, state) returning the next version's state, or null to
 *   drop it); with no step for its version the old copy is removed, as before;
 * - all entries at once for "Gem mine data som fil" / "Hent mine data fra fil" (skp-my-data.mjs);
 * - one click on "Ryd alle mine data" (every page footer) removes it here and tells the other open
 *   tabs (storage event), which then stop writing;
 * - the CPR warning on free-text fields (rule from exercises/privacy.py, exported by the build).
 */
(function () {
  "use strict";
  var PREFIX = "skp-metodebanken:";
  var VERSION = 1;
  /* Storage version n → n + 1. Empty while version 1 is the only one that ever shipped. */
  var MIGRATIONS = {};

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

  /* Version of a versioned key of ours, or -1 (e.g. the clear-all marker). */
  function versionOf(k) {
    var match = /^skp-metodebanken:v(\d+):/.exec(k);
    return match ? parseInt(match[1], 10) : -1;
  }

  /* An older version's copy of one entry lifted to VERSION, or null when no migration reaches it. */
  function migrate(name, k) {
    var from = versionOf(k), state;
    try { state = JSON.parse(localStorage.getItem(k)).state; } catch (e) { return null; }
    for (var v = from; v < VERSION; v++) {
      if (!MIGRATIONS[v] || !state) return null;
      state = MIGRATIONS[v](name, state);
    }
    return state && typeof state === "object" ? state : null;
  }

  /* Returns {state, problem}. problem: "old" (an older version's copy that no migration could lift,
     now removed), "newer" (a newer version's copy, kept untouched: that page version can still read
     it) or "corrupt" (removed). A migrated copy is written at this version and read on. */
  function read(name, isValid) {
    var raw = null;
    try { raw = localStorage.getItem(key(name)); } catch (e) { return { state: null, problem: null }; }
    if (raw === null) {
      var suffix = ":" + name;
      var others = keys().filter(function (k) { return k.slice(-suffix.length) === suffix && versionOf(k) >= 0; });
      if (others.some(function (k) { return versionOf(k) > VERSION; })) return { state: null, problem: "newer" };
      var lifted = others.length === 1 ? migrate(name, others[0]) : null;
      others.forEach(function (k) { try { localStorage.removeItem(k); } catch (e) { /* read-only storage */ } });
      if (lifted && write(name, lifted)) return read(name, isValid);
      return { state: null, problem: others.length ? "old" : null };
    }
    try {
      var data = JSON.parse(raw);
      if (!data || typeof data !== "object" || typeof data.v !== "number") throw new Error("shape");
      if (data.v > VERSION) return { state: null, problem: "newer" };
      if (data.v !== VERSION || !data.state || typeof data.state !== "object" || Array.isArray(data.state)) throw new Error("shape");
      if (isValid && !isValid(data.state)) throw new Error("state");
      return { state: data.state, problem: null };
    } catch (e) {
      remove(name);
      return { state: null, problem: "corrupt" };
    }
  }

  /* True only when the browser really stored it. False when storage is full or off, or when
     "Ryd alle mine data" ran in another tab: then this tab must not write the data back. */
  var blocked = false;
  function write(name, state, saved) {
    if (blocked) return false;
    try {
      localStorage.setItem(key(name), JSON.stringify({ v: VERSION, saved: saved || new Date().toISOString(), state: state }));
    } catch (e) {
      return false;  /* QuotaExceededError, SecurityError: the caller tells the user */
    }
    document.dispatchEvent(new CustomEvent("skp:saved", { detail: { name: name } }));
    return true;
  }

  /* Every entry saved at this version: {name: {saved, state}}. Unreadable copies are left out (the
     page that owns them reports and removes them when it reads them). */
  function entries() {
    var found = {}, mine = PREFIX + "v" + VERSION + ":";
    keys().forEach(function (k) {
      if (k.indexOf(mine) !== 0) return;
      try {
        var data = JSON.parse(localStorage.getItem(k));
        if (data && data.v === VERSION && data.state && typeof data.state === "object" && !Array.isArray(data.state)) {
          found[k.slice(mine.length)] = { saved: typeof data.saved === "string" ? data.saved : "", state: data.state };
        }
      } catch (e) { /* corrupt: left out */ }
    });
    return found;
  }

  /* Make storage hold exactly these entries (an import). All or nothing: when one write fails, what
     was there before is put back, and false is returned. */
  function replaceAll(wanted) {
    if (blocked) return false;
    var before = entries();
    function putAll(set) {
      Object.keys(entries()).forEach(remove);
      return Object.keys(set).every(function (name) { return write(name, set[name].state, set[name].saved); });
    }
    if (putAll(wanted)) return true;
    putAll(before);
    return false;
  }

  function remove(name) {
    try { localStorage.removeItem(key(name)); } catch (e) { /* nothing to remove */ }
  }

  /* Setting and removing the marker fires a "storage" event in every other tab of this site. */
  var CLEARED = PREFIX + "cleared";
  function clearAll() {
    keys().forEach(function (k) { try { localStorage.removeItem(k); } catch (e) { /* already gone */ } });
    try {
      localStorage.setItem(CLEARED, String(Date.now()));
      localStorage.removeItem(CLEARED);
    } catch (e) { /* storage off: nothing was saved either */ }
    document.dispatchEvent(new CustomEvent("skp:cleared"));
  }

  window.addEventListener("storage", function (event) {
    if (event.key !== CLEARED || event.newValue === null) return;
    blocked = true;
    document.dispatchEvent(new CustomEvent("skp:cleared", { detail: { elsewhere: true } }));
  });

  window.SKPStore = {
    read: read, write: write, remove: remove, blocked: function () { return blocked; },
    entries: entries, replaceAll: replaceAll, version: VERSION, prefix: PREFIX
  };

  /* The rule from exercises/privacy.py, exported by the build: normalise, then match. */
  var cprRule = null;
  function looksLikeCpr(text) {
    if (cprRule === null) {
      var config = document.getElementById("skp-runtime-config");
      try {
        var c = JSON.parse(config.textContent);
        cprRule = { pattern: new RegExp(c.cpr_pattern), form: c.cpr_normalization };
      } catch (e) { cprRule = false; }
    }
    if (!cprRule) return false;
    var normal = cprRule.form && text.normalize ? text.normalize(cprRule.form) : text;
    return cprRule.pattern.test(normal);
  }

  /* Warn (and tell screen readers) when a field holds something that looks like a CPR number. */
  function checkCpr(field) {
    var warning = field.parentNode.querySelector(".skp-cpr-warning");
    var looks = looksLikeCpr(field.value);
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

  window.SKPPrivacy = { checkCpr: checkCpr, looksLikeCpr: looksLikeCpr };

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

  document.addEventListener("skp:cleared", function (event) {
    var status = document.querySelector("[data-skp-clear-status]");
    if (status && event.detail && event.detail.elsewhere) {
      status.textContent = "Dine data blev slettet i et andet vindue. Denne side gemmer ikke mere, før du genindlæser den.";
    }
  });
})();
