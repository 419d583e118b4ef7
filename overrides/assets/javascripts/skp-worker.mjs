/*
 * Module worker that runs the exercises engine in Pyodide, off the main thread.
 * Pyodide 314 only runs in a module worker. Everything is loaded from this site: the runtime from
 * pyodide/ (copied from the pinned npm package) and the exercises wheel from assets/wheels/.
 */
let handle = null;

async function init(message) {
  const { loadPyodide } = await import(message.pyodide + "pyodide.mjs");
  const pyodide = await loadPyodide({ indexURL: message.pyodide });
  const response = await fetch(message.wheel);
  if (!response.ok) throw new Error(`hjulet kunne ikke hentes (${response.status})`);
  pyodide.unpackArchive(await response.arrayBuffer(), "wheel");
  handle = pyodide.pyimport("exercises.runtime").handle;
  const engine = pyodide.pyimport("exercises").__version__;
  return { engine, python: pyodide.runPython("import sys; sys.version.split()[0]"), pyodide: pyodide.version };
}

self.onmessage = async (event) => {
  const message = event.data;
  if (message.type === "init") {
    try {
      self.postMessage({ type: "ready", ...(await init(message)) });
    } catch (error) {
      self.postMessage({ type: "failed", error: String((error && error.message) || error) });
    }
  } else if (message.type === "call") {
    let response;
    try {
      response = handle ? handle(message.request) : JSON.stringify({ ok: false, error: "motoren er ikke klar" });
    } catch (error) {
      response = JSON.stringify({ ok: false, error: String(error) });
    }
    self.postMessage({ type: "result", id: message.id, response });
  }
};
