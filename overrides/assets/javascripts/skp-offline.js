/*
 * Use without a network: registers the service worker (sw.js at the site root, so it covers the
 * whole site), says in the footer whether this browser holds the site offline, and offers
 * "Ny version – genindlæs" when a newer build has been stored beside the one in use. Registration
 * waits for the page's load event so storing ~20 MB never competes with showing the page, and on a
 * page with an exercise also for the engine's start (SKPEngine.settled()).
 */
(function () {
  "use strict";

  var STATUS = {
    unsupported: "Denne browser kan ikke gemme siden til brug uden net.",
    saving: "Gemmer siden til brug uden net …",
    ready: "Siden virker også uden net i denne browser.",
    failed: "Siden kunne ikke gemmes til brug uden net. Den prøver igen ved næste besøg."
  };

  var current = null;

  /* The footer is new on every page (instant navigation), so the state is kept here and re-shown. */
  function show(state) {
    if (state) current = state;
    var status = document.querySelector("[data-skp-offline]");
    if (!status || !current) return;
    status.setAttribute("data-skp-offline", current);
    status.textContent = STATUS[current];
  }

  var updating = false;

  function offerUpdate(worker) {
    if (document.querySelector("[data-skp-update]")) return;
    var box = document.createElement("div");
    box.className = "skp-update md-typeset";
    box.setAttribute("data-skp-update", "");
    box.setAttribute("role", "status");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button md-button--primary";
    button.textContent = "Ny version – genindlæs";
    button.addEventListener("click", function () {
      updating = true;
      button.disabled = true;
      worker.postMessage({ type: "skip-waiting" });
    });
    box.appendChild(button);
    document.body.appendChild(box);
  }

  function watch(registration) {
    show(registration.active ? "ready" : "saving");
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    registration.addEventListener("updatefound", function () {
      var worker = registration.installing;
      if (!worker) return;
      if (!registration.active) show("saving");
      worker.addEventListener("statechange", function () {
        if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
        else if (worker.state === "activated") show("ready");
        else if (worker.state === "redundant" && !registration.active) show("failed");
      });
    });
  }

  document$.subscribe(function () { show(null); });
  if (!("serviceWorker" in navigator)) {
    show("unsupported");
    return;
  }
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    if (updating) location.reload();
  });
  function register() {
    var base = new URL(".", window.__md_scope || location.href);  // the site root (Material)
    navigator.serviceWorker.register(new URL("sw.js", base), { scope: base.pathname })
      .then(watch)
      .catch(function (error) {
        if (window.console) console.info("SKP: siden kan ikke gemmes til brug uden net:", error);
        show("failed");
      });
  }
  /* speed: on a page with an exercise, storing the site (Pyodide's 10 MB again among it) would
     compete with the engine's start; wait until that start has ended, ready or not. */
  var Engine = window.SKPEngine;
  window.addEventListener("load", function () {
    if (Engine && document.querySelector("[data-exercise-id]")) Engine.settled().then(register);
    else register();
  });
})();
