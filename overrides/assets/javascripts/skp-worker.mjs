/*
 * Module worker that runs the exercises engine in Pyodide, off the main thread.
 * Pyodide 314 only runs in a module worker. Everything is loaded from this site: the runtime from
 * pyodide/ (copied from the pinned npm package) and the exercises wheel from assets/wheels/.
 * Protocol (see skp-engine.js): init → progress … → ready | failed; ping → pong; call → result.
 * "progress" after each stage lets the page tell a slow start from a stuck one.
 */
let handle = null;

/* A truncated or corrupt pyodide.asm.wasm makes loadPyodide wait for ever (Emscripten swallows the
   compile error). Report the first WebAssembly failure at once instead. */
for (const name of ["instantiate", "instantiateStreaming", "compile", "compileStreaming"]) {
  const original = WebAssembly[name];
  if (typeof original !== "function") continue;
  WebAssembly[name] = function (...args) {
    return original.apply(WebAssembly, args).catch((error) => {
      // A TypeError (e.g. a wrong MIME type) only makes Emscripten retry without streaming.
      if (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError) self.postMessage({ type: "failed", error: `WebAssembly: ${(error && error.message) || error}` });
      throw error;
    });
  };
}

/* The wheel is fetched while Pyodide boots (not after it): the download overlaps the runtime's
   start instead of adding to it. */
async function fetchWheel(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`hjulet kunne ikke hentes (${response.status})`);
  return response.arrayBuffer();
}

async function init(message) {
  const wheel = fetchWheel(message.wheel);
  wheel.catch(() => {});  // a failed download is reported where it is awaited, below
  const { loadPyodide } = await import(message.pyodide + "pyodide.mjs");
  self.postMessage({ type: "progress", step: "module" });
  const pyodide = await loadPyodide({ indexURL: message.pyodide });
  self.postMessage({ type: "progress", step: "runtime" });
  pyodide.unpackArchive(await wheel, "wheel");
  self.postMessage({ type: "progress", step: "wheel" });
  handle = pyodide.pyimport("exercises.runtime").handle;
  const engine = pyodide.pyimport("exercises").__version__;
  return { engine, python: pyodide.runPython("import sys; sys.version.split()[0]"), pyodide: pyodide.version };
}

/* Pyodide leaves some download failures (e.g. python_stdlib.zip answering 500) as rejected promises
   nobody awaits; report them as a failed start instead of an uncaught error in the page. */
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!handle) self.postMessage({ type: "failed", error: String((event.reason && event.reason.message) || event.reason) });
});

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "ping") {
    self.postMessage({ type: "pong" });
  } else if (message.type === "init") {
    try {
      self.postMessage({ type: "ready", ...(await init(message)) });
    } catch (error) {
      self.postMessage({ type: "failed", error: String((error && error.message) || error) });
    }
  } else if (message.type === "call") {
    let response;
    try {
      response = handle ? handle(message.request) : JSON.stringify({ ok: false, code: "engine", error: "motoren er ikke klar" });
    } catch (error) {
      response = JSON.stringify({ ok: false, code: "engine", error: String(error) });
    }
    self.postMessage({ type: "result", id: message.id, response });
  }
};
