/*
 * Answer codes between the groups' devices and the big screen, without a server.
 * - On an exercise page a group presses "Lav svarkode" and gets its choices as a short code, as
 *   text and as a QR code. The engine makes it (exercises/answer_codes.py: action "answer_code")
 *   from the answers the page saved, so free text never goes into it.
 * - In presenter mode the facilitator types each group's code; the engine reads it ("read_code"),
 *   refuses a code from another exercise or version with its message, and the screen compares the
 *   groups side by side with the handbooks. The codes are kept in the facilitator's Room record.
 */
import { el, button } from "./skp-presenter-dom.mjs";
import { qrSvg, qrScanner, canScan } from "./skp-presenter-qr.mjs";

const Engine = window.SKPEngine;
const ZONES = { "kan-endnu-ikke": "Kan endnu ikke", "kan-med-hjaelp": "Kan med hjælp", "kan-selv": "Kan selv" };
const RATINGS = { anbefalet: "Anbefalet", forsvarligt: "Forsvarligt", risikabelt: "Risikabelt", "i-strid-med-reglerne": "I strid med reglerne" };

/* The engine starts in the background (skp-exercises.js); wait for it, but not forever. */
function engineReady(limit = 90000) {
  const until = Date.now() + limit;
  return new Promise((resolve) => {
    (function poll() {
      if (Engine.state === "ready") resolve(true);
      else if (Engine.state === "unavailable" || Date.now() > until) resolve(false);
      else setTimeout(poll, 200);
    })();
  });
}

async function ask(action, def, state) {
  if (!(await engineReady())) return null;
  const answer = await Engine.call(action, def, state);
  return answer && answer.ok ? answer.result : null;
}

const NO_ENGINE = "Svarkoder laves af øvelsesmotoren, som ikke kører i denne browser lige nu. Prøv at genindlæse siden.";

/* ── The group's side: "Lav svarkode" in the exercise's buttons ─────────────────────── */
export function attachCodeMaker(root, def) {
  const actions = root.querySelector(".skp-exercise__actions");
  if (!actions || actions.querySelector("[data-presenter=make-code]")) return;
  const box = el("div", null, "skp-answer-code");
  box.setAttribute("data-presenter", "code-box");
  const status = el("p", null, "skp-answer-code__status");
  status.setAttribute("role", "status");
  const result = el("div", null, "skp-answer-code__result");
  result.hidden = true;
  box.append(status, result);
  const make = button("Lav svarkode", "md-button", async () => {
    status.textContent = "Laver jeres svarkode …";
    const saved = window.SKPStore.read("ovelse:" + def.id).state || {};
    const made = await ask("answer_code", def, saved);
    if (!made) { status.textContent = NO_ENGINE; return; }
    if (!made.code) { status.textContent = made.message; return; }
    status.textContent = "Jeres svarkode er " + made.code.split("").join(" ") + ". Vis den til ordstyreren.";
    result.textContent = "";
    const code = el("p", null, "skp-answer-code__code");
    code.appendChild(el("span", "Svarkode: "));
    code.appendChild(el("strong", made.code)).setAttribute("data-presenter", "code");
    result.appendChild(code);
    result.appendChild(el("p", "Koden rummer kun jeres valg i øvelsen – intet af det, I har skrevet. Ordstyreren skriver den ind på storskærmen.", "skp-answer-code__hint"));
    const qr = await qrSvg(made.code, "QR-kode med svarkoden " + made.code);
    if (qr) result.appendChild(qr);
    result.hidden = false;
  });
  make.setAttribute("data-presenter", "make-code");
  actions.appendChild(make);
  actions.insertAdjacentElement("afterend", box);
}

/* ── The facilitator's side: enter codes, compare the groups ───────────────────────── */
function table(caption, columns, rows) {
  const wrap = el("div", null, "skp-presenter__table-wrap");
  const t = el("table", null, "skp-presenter__table skp-codes__table");
  t.appendChild(el("caption", caption));
  const head = el("tr");
  [""].concat(columns).forEach((c) => { const th = el("th", c); th.scope = "col"; head.appendChild(th); });
  t.appendChild(el("thead")).appendChild(head);
  const body = el("tbody");
  rows.forEach((row) => {
    const tr = el("tr");
    const th = el("th", row.label);
    th.scope = "row";
    tr.appendChild(th);
    row.cells.forEach((cell) => {
      const td = el("td", cell.text);
      if (cell.differs) {
        td.classList.add("is-different");
        td.appendChild(el("span", " (ikke som håndbøgerne)", "skp-codes__differs"));
      }
      tr.appendChild(td);
    });
    body.appendChild(tr);
  });
  t.appendChild(body);
  wrap.appendChild(t);
  return wrap;
}

/* One row per question or item, one column per group and a last column for the handbooks. */
function comparison(def, root, codes) {
  const groups = codes.map((c, i) => "Gruppe " + (i + 1) + " (" + c.code + ")");
  const columns = groups.concat("Håndbøgerne");
  if (def.kind === "decision_tree") {
    const nodes = new Map(def.nodes.map((n) => [n.id, n]));
    const answers = codes.map((c) => {
      const seen = {};
      let at = def.start;
      (c.state.choices || []).forEach((number) => {
        const node = nodes.get(at);
        if (!node || !node.options[number - 1]) return;
        if (!(node.id in seen)) seen[node.id] = node.options[number - 1];
        at = node.options[number - 1].next;
      });
      return { seen, end: def.outcomes.find((o) => o.id === at) };
    });
    const rows = def.nodes.filter((n) => answers.some((a) => n.id in a.seen)).map((n) => {
      const best = n.type !== "situation" ? n.options.find((o) => o.recommended) : null;
      return {
        label: n.question,
        cells: answers.map((a) => ({ text: a.seen[n.id] ? a.seen[n.id].label : "–", differs: !!(best && a.seen[n.id] && a.seen[n.id] !== best) }))
          .concat({ text: best ? best.label : "(en situation: intet rigtigt svar)" })
      };
    });
    rows.push({
      label: "Udfald",
      cells: answers.map((a) => ({ text: a.end ? a.end.title + " – " + (RATINGS[a.end.rating] || a.end.rating) : "ikke nået" })).concat({ text: "" })
    });
    return table("Gruppernes vej gennem scenariet", columns, rows);
  }
  if (def.kind === "zones") {
    return table("Gruppernes sortering", columns, def.items.map((item) => ({
      label: item.text,
      cells: codes.map((c) => {
        const zone = (c.state.placements || {})[item.id];
        return { text: zone ? ZONES[zone] : "ikke placeret", differs: !!zone && zone !== item.suggested };
      }).concat({ text: ZONES[item.suggested] })
    })));
  }
  if (def.kind === "checklist") {
    const items = [];
    def.groups.forEach((g) => g.items.forEach((i) => items.push(i)));
    return table("Hvad grupperne krydsede af", groups, items.map((item) => ({
      label: item.text,
      cells: codes.map((c) => ({ text: (c.state.ticked || []).indexOf(item.id) >= 0 ? "Passer" : "–" }))
    })));
  }
  const weights = Array.prototype.map.call(root.querySelectorAll("select[data-field=weight]"), (s) => [s.getAttribute("data-key"), s.getAttribute("aria-label").replace(/^Vægt: /, "")]);
  const rows = [{ label: "Beslutning", cells: codes.map((c) => ({ text: c.state.decision !== "" && def.options[+c.state.decision] ? def.options[+c.state.decision] : "ikke valgt" })) }];
  weights.forEach(([key, label]) => rows.push({ label: "Vægt: " + label, cells: codes.map((c) => ({ text: String((c.state.weights || {})[key] || "–") })) }));
  return table("Gruppernes beslutning og vægte", groups, rows);
}

/**
 * The codes section of the presenter screen: a field that always works by typing, the groups'
 * codes with a remove button each, and the side-by-side comparison once a code is in.
 */
export function codesPanel(room, def, root, onChange) {
  const panel = el("section", null, "skp-codes");
  panel.setAttribute("aria-labelledby", "skp-codes-title");
  panel.appendChild(el("h2", "Gruppernes svarkoder", "skp-codes__title")).id = "skp-codes-title";
  const form = el("form", null, "skp-codes__form");
  const label = el("label", "Svarkode fra en gruppe");
  label.htmlFor = "skp-codes-input";
  const input = el("input");
  input.id = "skp-codes-input";
  input.type = "text";
  input.autocomplete = "off";
  input.spellcheck = false;
  input.maxLength = 24;
  input.setAttribute("aria-describedby", "skp-codes-message");
  input.setAttribute("data-presenter", "code-input");
  input.setAttribute("data-focus-key", "code-input");
  const add = el("button", "Tilføj kode", "md-button md-button--primary");
  add.type = "submit";
  add.setAttribute("data-focus-key", "code-add");
  const message = el("p", null, "skp-codes__message");
  message.id = "skp-codes-message";
  message.setAttribute("role", "alert");
  message.setAttribute("data-presenter", "code-message");
  form.append(label, input, add, message);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value;
    message.textContent = "Læser koden …";
    // Read-only while the code is read: an accepted code redraws the panel, and a next code typed
    // into the old field meanwhile was lost with it.
    input.readOnly = true;
    let read;
    try {
      read = await ask("read_code", def, { code: text });
    } finally {
      input.readOnly = false;
    }
    if (!read) { message.textContent = NO_ENGINE; return; }
    if (!read.valid) { message.textContent = read.message; input.focus(); return; }
    if (room.record.codes.some((c) => c.code === read.code)) { message.textContent = "Koden " + read.code + " er allerede med."; return; }
    room.record.codes.push({ code: read.code, state: read.state });
    room.save();
    onChange("Gruppe " + room.record.codes.length + " er med (" + read.code + ").");
  });
  panel.appendChild(form);
  if (canScan()) {
    panel.appendChild(qrScanner((text) => { input.value = text; form.requestSubmit(); }, (problem) => { message.textContent = problem; }));
  }
  const codes = room.record.codes;
  if (codes.length) {
    const list = el("ul", null, "skp-codes__list");
    codes.forEach((c, i) => {
      const item = el("li");
      item.appendChild(el("span", "Gruppe " + (i + 1) + ": " + c.code + " "));
      const remove = button("Fjern", "md-button skp-codes__remove", () => {
        codes.splice(i, 1);
        room.save();
        onChange("Koden " + c.code + " er fjernet.");
      });
      remove.setAttribute("aria-label", "Fjern gruppe " + (i + 1) + "s kode " + c.code);
      remove.setAttribute("data-focus-key", "code-remove-" + i);
      item.appendChild(remove);
      list.appendChild(item);
    });
    panel.appendChild(list);
    const compared = comparison(def, root, codes);
    compared.setAttribute("data-presenter", "comparison");
    panel.appendChild(compared);
  } else {
    panel.appendChild(el("p", "Ingen koder endnu. Grupperne laver deres kode med «Lav svarkode» på øvelsens side.", "skp-codes__empty"));
  }
  return panel;
}


/* "Ryd alle mine data": a code on the screen was made from answers that are now gone. */
document.addEventListener("skp:cleared", () => {
  document.querySelectorAll("[data-presenter=code-box]").forEach((box) => {
    box.querySelector(".skp-answer-code__result").hidden = true;
    box.querySelector(".skp-answer-code__status").textContent = "";
  });
});
