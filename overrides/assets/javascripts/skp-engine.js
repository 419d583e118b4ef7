/*
 * The client of the Python exercises engine (Pyodide in skp-worker.mjs). It never hangs and never
 * loses anything: every call has a time limit, a heartbeat notices a worker that died or froze,
 * starting gives up within a bounded time, and "Prøv igen" starts a fresh worker.
 *
 * Public API (window.SKPEngine):
 *   state                      "static" | "loading" | "ready" | "unavailable"
 *   reason                     why it is unavailable: "old-browser" | "offline" | "blocked" | "slow" | "stopped" | "broken"
 *   info                       {python, pyodide, engine} once ready
 *   onChange(fn)               fn(state) on every change of state
 *   settled()                  → Promise resolved once a start has ended (ready or unavailable): heavy
 *                              background work (the offline precache) waits for it so it never
 *                              competes with Pyodide's start
 *   start(config, base)        start once per page (config from #skp-runtime-config, base = site root URL)
 *   restart()                  what "Prøv igen" does
 *   call(action, exercise, state) → Promise of the engine's answer {ok, result} or {ok: false, code, error};
 *                              null when the engine is not ready or stopped during the call.
 * Errors with code "engine" or "bad_request" resolve to null here (the page treats them like a
 * missing engine and keeps every answer); only "stale_state" reaches the exercise.
 */
(function () {
  "use strict";

  /* Milliseconds. Pyodide starts in 3–10 s on an ordinary machine and in about 35 s on a heavily
     loaded one; whatever hangs beyond these limits counts as failed. */
  var LIMITS = {
    firstProgress: 30000,  /* the worker has started and loaded the runtime's module by then … */
    start: 60000,          /* … and the whole engine is ready by then */
    call: 10000,
    heartbeat: 4000        /* ping interval while ready; no pong for two intervals stops the engine */
  };

  var Engine = {
    state: "static", reason: null, info: null,
    worker: null, seq: 0, pending: {}, listeners: [], timers: {}, config: null, base: null, lastPong: 0,
    waiting: [],  /* settled() callbacks; kept apart from listeners, which each page replaces */

    onChange: function (fn) { this.listeners.push(fn); },

    settled: function () {
      var self = this;
      if (self.state === "ready" || self.state === "unavailable") return Promise.resolve(self.state);
      return new Promise(function (resolve) { self.waiting.push(resolve); });
    },

    set: function (state) {
      this.state = state;
      this.listeners.forEach(function (fn) { fn(state); });
      if (state === "ready" || state === "unavailable") {
        var waiting = this.waiting;
        this.waiting = [];
        waiting.forEach(function (resolve) { resolve(state); });
      }
    },

    start: function (config, base) {
      this.config = config;
      this.base = base;
      this.launch();
    },

    restart: function () {
      if (this.state === "loading" || this.state === "ready") return;
      this.launch();
    },

    launch: function () {
      var self = this;
      self.reason = null;
      self.set("loading");
      if (typeof WebAssembly !== "object" || typeof Worker !== "function") { self.stop("old-browser"); return; }
      self.timer("start", LIMITS.start, function () { self.stop("slow"); });
      self.timer("progress", LIMITS.firstProgress, function () { self.stop("slow"); });
      var worker;
      try {
        worker = new Worker(new URL("assets/javascripts/skp-worker.mjs", self.base), { type: "module" });
      } catch (e) {
        self.stop("old-browser", e);
        return;
      }
      self.worker = worker;
      worker.onmessage = function (event) { if (worker === self.worker) self.receive(event.data); };
      worker.onerror = function (event) {
        if (event.preventDefault) event.preventDefault();
        if (worker === self.worker) self.diagnose(event.message || "arbejdstråden stoppede");
      };
      worker.postMessage({
        type: "init",
        pyodide: new URL(self.config.pyodide_dir, self.base).href,
        wheel: new URL(self.config.wheel, self.base).href
      });
    },

    receive: function (m) {
      var self = this;
      if (m.type === "progress") {
        self.clear("progress");
      } else if (m.type === "ready") {
        self.clear("progress");
        self.clear("start");
        self.info = m;
        self.lastPong = Date.now();
        self.beat();
        self.set("ready");
      } else if (m.type === "failed") {
        self.diagnose(m.error);
      } else if (m.type === "pong") {
        self.lastPong = Date.now();
      } else if (m.type === "result" && self.pending[m.id]) {
        var done = self.pending[m.id];
        delete self.pending[m.id];
        var answer;
        try { answer = JSON.parse(m.response); } catch (e) { answer = { ok: false, code: "engine", error: "ugyldigt svar" }; }
        done(answer);
      }
    },

    /* While ready: ping the worker; if it has not answered for two intervals it is gone or frozen. */
    beat: function () {
      var self = this;
      var every = LIMITS.heartbeat;
      self.timer("heartbeat", every, function () {
        if (self.state !== "ready") return;
        if (Date.now() - self.lastPong > 2 * every + 500) { self.stop("stopped"); return; }
        self.worker.postMessage({ type: "ping" });
        self.beat();
      });
    },

    /* A start failure: find the likely cause (no connection, download blocked, a broken file) by
       asking once more for the runtime's entry file. */
    diagnose: function (detail) {
      var self = this;
      if (self.state === "ready") { self.stop("stopped", detail); return; }
      if (navigator.onLine === false) { self.stop("offline", detail); return; }
      fetch(new URL(self.config.pyodide_dir + "pyodide.mjs", self.base).href, { method: "HEAD", cache: "no-store" }).then(
        function (response) { self.stop(response.ok ? "broken" : "blocked", detail + " (" + response.status + ")"); },
        function () { self.stop(navigator.onLine === false ? "offline" : "blocked", detail); }
      );
    },

    stop: function (reason, detail) {
      if (this.state === "unavailable") return;
      if (window.console) console.info("SKP-øvelsesmotoren er ikke tilgængelig:", reason, detail || "");
      ["start", "progress", "heartbeat"].forEach(this.clear, this);
      if (this.worker) this.worker.terminate();
      this.worker = null;
      var self = this, pending = this.pending;
      this.pending = {};
      this.reason = reason;
      this.state = "unavailable";
      Object.keys(pending).forEach(function (id) { pending[id](null); });
      /* Tell the exercises after the answers to those calls are shown, so the message stays visible. */
      setTimeout(function () { self.set("unavailable"); }, 0);
    },

    call: function (action, exercise, state) {
      var self = this;
      if (self.state !== "ready") return Promise.resolve(null);
      return new Promise(function (resolve) {
        var id = ++self.seq;
        var timer = setTimeout(function () { if (self.pending[id]) self.stop("stopped", "tidsgrænse for " + action); }, LIMITS.call);
        self.pending[id] = function (answer) {
          clearTimeout(timer);
          if (answer && !answer.ok && answer.code !== "stale_state") {
            if (window.console) console.info("SKP-øvelsesmotoren svarede med en fejl:", answer.code, answer.error);
            answer = null;
          }
          resolve(answer);
        };
        self.worker.postMessage({
          type: "call", id: id,
          request: JSON.stringify({ action: action, exercise: exercise, state: state })
        });
      });
    },

    timer: function (name, ms, fn) {
      this.clear(name);
      this.timers[name] = setTimeout(fn, ms);
    },

    clear: function (name) {
      clearTimeout(this.timers[name]);
      delete this.timers[name];
    }
  };

  window.SKPEngine = Engine;
})();
