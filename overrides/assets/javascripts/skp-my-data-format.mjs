/*
 * The file behind "Gem mine data som fil" / "Hent mine data fra fil": pure functions, no DOM and no
 * storage, so they can be tested on their own (tests/unit/test_my_data_format.py runs them in node)
 * and work in any browser even when the Python engine cannot load.
 *
 * A file is one JSON object:
 *   { "format": "skp-metodebanken/mine-data", "version": 1, "exported": "<ISO time>",
 *     "storage_version": 1, "entries": { "<name>": { "saved": "<ISO time>", "state": { … } } } }
 * <name> is the store's name without the key prefix: "ovelse:<id>", "forloeb", "henvisning".
 * An older file version is lifted through MIGRATIONS; a newer one is refused, never guessed at.
 */

export const FORMAT = "skp-metodebanken/mine-data";
export const VERSION = 1;
/* File version n → n + 1 (function(file) → file). Empty: version 1 is the first. */
export const MIGRATIONS = {};
export const MAX_BYTES = 5 * 1024 * 1024;
const NAME = /^[a-z0-9][a-z0-9:._/-]{0,199}$/;

export const MESSAGES = {
  broken: "Filen kunne ikke læses. Den er ikke en hel JSON-fil – måske er den beskadiget eller kun delvist hentet. Intet er ændret.",
  foreign: "Filen er ikke en fil med dine data fra SKP-metodebanken. Vælg den fil, du gemte med «Gem mine data som fil». Intet er ændret.",
  newer: "Filen er gemt af en nyere udgave af SKP-metodebanken, end denne side kan læse. Genindlæs siden for at få den nyeste udgave, og prøv igen. Intet er ændret.",
  damaged: "Filen er fra SKP-metodebanken, men dens indhold har ikke den form, det skal have. Intet er ændret.",
  large: "Filen er for stor til at være en fil med dine data. Intet er ændret."
};

function isObject(value) {
  return !!value && typeof value === "object" && !Array.isArray(value);
}

/* The file to download: entries as the store holds them, with the format's name and versions. */
export function makeFile(entries, storageVersion, now) {
  return { format: FORMAT, version: VERSION, exported: now, storage_version: storageVersion, entries: entries };
}

/* Lift a file to VERSION through the migrations; null when a step is missing. */
export function migrate(file, migrations = MIGRATIONS) {
  let current = file;
  for (let v = file.version; v < VERSION; v++) {
    if (typeof migrations[v] !== "function") return null;
    current = migrations[v](current);
  }
  return current;
}

function refuse(problem) {
  return { ok: false, problem: problem, message: MESSAGES[problem] };
}

/* Read a file's text: {ok: true, file} at VERSION, or {ok: false, problem, message} (nothing to change). */
export function parseFile(text, storageVersion, migrations = MIGRATIONS) {
  if (typeof text !== "string") return refuse("broken");
  if (text.length > MAX_BYTES) return refuse("large");
  let data;
  try { data = JSON.parse(text); } catch (e) { return refuse("broken"); }
  if (!isObject(data) || data.format !== FORMAT) return refuse("foreign");
  if (!Number.isInteger(data.version) || data.version < 1) return refuse("damaged");
  if (data.version > VERSION) return refuse("newer");
  if (!Number.isInteger(data.storage_version) || data.storage_version < 1) return refuse("damaged");
  if (data.storage_version > storageVersion) return refuse("newer");
  const file = migrate(data, migrations);
  if (!file || !isObject(file.entries)) return refuse("damaged");
  const names = Object.keys(file.entries);
  const fine = names.every((name) => {
    const entry = file.entries[name];
    return NAME.test(name) && isObject(entry) && isObject(entry.state) && (entry.saved === undefined || typeof entry.saved === "string");
  });
  if (!fine) return refuse("damaged");
  const entries = {};
  names.forEach((name) => { entries[name] = { saved: file.entries[name].saved || "", state: file.entries[name].state }; });
  return { ok: true, file: Object.assign({}, file, { entries: entries }) };
}

/* What a set of entries holds, for the preview before an import and the export's summary. */
export function describe(entries) {
  const names = Object.keys(entries);
  const exercises = names.filter((n) => n.indexOf("ovelse:") === 0);
  const progress = entries.forloeb && isObject(entries.forloeb.state.read) ? entries.forloeb.state.read : {};
  return {
    exercises: exercises.length,
    done: exercises.filter((n) => entries[n].state.done === true).length,
    pagesRead: Object.keys(progress).length,
    referral: names.indexOf("henvisning") >= 0,
    other: names.filter((n) => n.indexOf("ovelse:") !== 0 && n !== "forloeb" && n !== "henvisning").length
  };
}

function newer(a, b) {
  return (b.saved || "") > (a.saved || "") ? b : a;
}

/* A checklist's dated history from both sides, one entry per date (the newer side's entry wins). */
function mergeHistory(winner, loser) {
  const byDate = {};
  (loser || []).concat(winner || []).forEach((entry) => {
    if (isObject(entry) && typeof entry.date === "string") byDate[entry.date] = entry;
  });
  return Object.keys(byDate).sort().map((date) => byDate[date]);
}

/* Both sides kept: names on one side stay; for a name on both, the newer save wins, pages read are
   the union (earliest date kept) and a checklist's history keeps every date. */
export function merge(current, incoming) {
  const result = Object.assign({}, current);
  Object.keys(incoming).forEach((name) => {
    const mine = current[name], theirs = incoming[name];
    if (!mine) { result[name] = theirs; return; }
    const winner = newer(mine, theirs), loser = winner === mine ? theirs : mine;
    let state = Object.assign({}, winner.state);
    if (name === "forloeb" && isObject(mine.state.read) && isObject(theirs.state.read)) {
      const read = Object.assign({}, theirs.state.read);
      Object.keys(mine.state.read).forEach((page) => {
        if (!read[page] || mine.state.read[page] < read[page]) read[page] = mine.state.read[page];
      });
      state = Object.assign(state, { read: read });
    } else if (Array.isArray(winner.state.history) || Array.isArray(loser.state.history)) {
      state.history = mergeHistory(winner.state.history, loser.state.history);
    }
    result[name] = { saved: winner.saved, state: state };
  });
  return result;
}

/* Every text in the entries, with where it is, for the CPR check before an export. */
export function texts(entries) {
  const found = [];
  function walk(value, name) {
    if (typeof value === "string") found.push({ name: name, text: value });
    else if (Array.isArray(value)) value.forEach((v) => walk(v, name));
    else if (isObject(value)) Object.keys(value).forEach((k) => walk(value[k], name));
  }
  Object.keys(entries).forEach((name) => walk(entries[name].state, name));
  return found;
}
