/*
 * The room's answers, kept only in the facilitator's browser: how many groups chose each option of
 * each step (the tally) and the groups' answer codes. One record per exercise under the site's
 * storage prefix (window.SKPStore, key "storskaerm:<exercise id>"), so "Ryd alle mine data" removes
 * it with everything else and "Ny runde" removes just this one.
 */
import { el, button } from "./skp-presenter-dom.mjs";

const store = window.SKPStore;

function validRecord(r) {
  const counts = (t) => !!t && typeof t === "object" && !Array.isArray(t) &&
    Object.values(t).every((step) => step && typeof step === "object" &&
      Object.values(step).every((n) => Number.isInteger(n) && n >= 0));
  return counts(r.tally) && Array.isArray(r.codes) &&
    r.codes.every((c) => c && typeof c.code === "string" && c.state && typeof c.state === "object");
}

/** The facilitator's record for one exercise: tally and codes, saved on every change. */
export class Room {
  constructor(exerciseId) {
    this.name = "storskaerm:" + exerciseId;
    this.load();
  }

  load() {
    const saved = store.read(this.name, validRecord);
    this.record = saved.state || { tally: {}, codes: [] };
  }

  save() {
    return store.write(this.name, this.record);
  }

  /** "Ny runde" and "Ryd alle mine data": nothing of the last group is left. */
  clear() {
    store.remove(this.name);
    this.record = { tally: {}, codes: [] };
  }

  count(step, option) {
    return (this.record.tally[step] || {})[option] || 0;
  }

  add(step, option, delta) {
    const counts = this.record.tally[step] || (this.record.tally[step] = {});
    counts[option] = Math.max(0, (counts[option] || 0) + delta);
    return this.save();
  }

  total(step) {
    return Object.values(this.record.tally[step] || {}).reduce((a, b) => a + b, 0);
  }

  /** The option most groups chose, or null when nobody has been counted or it is a tie. */
  leader(step) {
    const counts = Object.entries(this.record.tally[step] || {}).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    if (!counts.length || (counts[1] && counts[1][1] === counts[0][1])) return null;
    return counts[0][0];
  }
}

function groups(n) {
  return n === 1 ? "1 gruppe" : n + " grupper";
}

/**
 * The tally for one step: per option a − and + button and the count; once revealed, a meter with
 * the share and the handbooks' choice marked. `step` = {key, options: [{key, label, recommended}]}.
 */
export function tallyPanel(room, step, revealed, onChange) {
  const panel = el("section", null, "skp-tally");
  panel.setAttribute("aria-labelledby", "skp-tally-title");
  panel.appendChild(el("h2", "Rummets svar", "skp-tally__title")).id = "skp-tally-title";
  panel.appendChild(el("p", "Tæl grupperne: + og − eller tasterne 1–" + Math.min(step.options.length, 9) + ".", "skp-tally__help"));
  const total = room.total(step.key);
  const list = el("ol", null, "skp-tally__list");
  step.options.forEach((option, index) => {
    const n = room.count(step.key, option.key);
    const item = el("li", null, "skp-tally__row");
    if (revealed && option.recommended) item.classList.add("is-recommended");
    const label = el("span", null, "skp-tally__label");
    label.id = "skp-tally-" + index;
    label.appendChild(el("span", String(index + 1), "skp-tally__key"));
    label.appendChild(document.createTextNode(" " + option.label));
    item.appendChild(label);
    const minus = button("−", "md-button skp-tally__minus", () => onChange(option.key, -1));
    minus.setAttribute("aria-label", "Én gruppe mindre for svar " + (index + 1));
    minus.setAttribute("data-focus-key", "tally-" + index + "-minus");
    minus.disabled = n === 0;
    const plus = button("+", "md-button skp-tally__plus", () => onChange(option.key, 1));
    plus.setAttribute("aria-label", "Én gruppe mere for svar " + (index + 1));
    plus.setAttribute("data-focus-key", "tally-" + index + "-plus");
    const count = el("output", String(n), "skp-tally__count");
    count.setAttribute("aria-labelledby", label.id);
    count.setAttribute("data-tally-count", option.key);
    item.append(minus, count, plus);
    if (revealed) {
      const share = total ? Math.round((100 * n) / total) : 0;
      const meter = el("meter", null, "skp-tally__meter");
      meter.min = 0;
      meter.max = Math.max(total, 1);
      meter.value = n;
      meter.setAttribute("aria-label", "Andel for svar " + (index + 1) + ": " + share + " %");
      item.appendChild(meter);
      item.appendChild(el("span", share + " %", "skp-tally__share"));
      if (option.recommended) item.appendChild(el("strong", "Håndbøgernes valg", "skp-tally__badge"));
    }
    list.appendChild(item);
  });
  panel.appendChild(list);
  panel.appendChild(el("p", "I alt: " + groups(total) + ".", "skp-tally__total"));
  return panel;
}

/**
 * The end of the exercise: each step with the room's choice, the count behind it and the
 * handbooks' choice. `rows` = [{question, room, recommended, counts}] built by the step deck.
 */
export function roomVersusHandbook(rows, caption) {
  const wrap = el("div", null, "skp-presenter__table-wrap");
  const table = el("table", null, "skp-presenter__table");
  table.appendChild(el("caption", caption));
  const head = el("tr");
  ["", "Rummets valg", "Fordeling", "Håndbøgerne"].forEach((t) => {
    const th = el("th", t);
    th.scope = "col";
    head.appendChild(th);
  });
  table.appendChild(el("thead")).appendChild(head);
  const body = el("tbody");
  rows.forEach((row) => {
    const tr = el("tr");
    if (row.recommended && row.room && row.room !== row.recommended) tr.classList.add("is-different");
    const th = el("th", row.question);
    th.scope = "row";
    const best = row.recommended === null ? "–" : row.recommended || "intet bestemt svar";
    tr.append(th, el("td", row.room || "–"), el("td", row.counts || (row.recommended === null ? "–" : "ikke talt")), el("td", best));
    body.appendChild(tr);
  });
  table.appendChild(body);
  wrap.appendChild(table);
  return wrap;
}

/** "svar 1: 3, svar 2: 1": the counts of a step in option order, for the end table. */
export function countsText(room, step) {
  if (!room.total(step.key)) return "";
  return step.options.map((o, i) => "svar " + (i + 1) + ": " + room.count(step.key, o.key)).join(", ");
}
