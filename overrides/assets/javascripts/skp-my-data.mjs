/*
 * "Gem mine data som fil" and "Hent mine data fra fil" on Min mappe. The file is made and read in
 * the browser (Blob, FileReader API); nothing goes over the network. The format's rules live in
 * skp-my-data-format.mjs (pure functions); this module only talks to the page and the store.
 * Before an export, every saved text is checked with the site's one CPR rule; before an import,
 * the file is checked and previewed, and nothing changes until the user picks "Flet" or "Erstat".
 */
import { describe, makeFile, merge, parseFile, texts } from "./skp-my-data-format.mjs";

const store = window.SKPStore;
const privacy = window.SKPPrivacy;

function summary(d) {
  const parts = [d.exercises + (d.exercises === 1 ? " øvelse" : " øvelser") + " (" + d.done + " gennemført)",
    d.pagesRead + (d.pagesRead === 1 ? " læst side" : " læste sider")];
  if (d.referral) parts.push("en gemt henvisning");
  if (d.other) parts.push(d.other + " andre gemte ting");
  return parts.join(", ");
}

function download(file) {
  const blob = new Blob([JSON.stringify(file, null, 2)], { type: "application/json" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = "skp-mine-data-" + file.exported.slice(0, 10) + ".json";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

function init(root) {
  const status = root.querySelector("[data-role=my-data-status]");
  const warning = root.querySelector("[data-role=export-warning]");
  const preview = root.querySelector("[data-role=import-preview]");
  const input = root.querySelector("[data-role=import-file]");
  let pending = null;

  function exportNow() {
    const entries = store.entries();
    download(makeFile(entries, store.version, new Date().toISOString()));
    warning.hidden = true;
    status.textContent = "Filen er gemt med " + summary(describe(entries)) + ". Den er ikke sendt nogen steder.";
  }

  root.querySelector("[data-action=export-data]").addEventListener("click", () => {
    const entries = store.entries();
    if (!Object.keys(entries).length) { status.textContent = "Der er ikke gemt noget i denne browser endnu, så der er intet at gemme."; return; }
    const risky = texts(entries).filter((t) => privacy.looksLikeCpr(t.text));
    if (!risky.length) { exportNow(); return; }
    const where = Array.from(new Set(risky.map((t) => t.name.replace(/^ovelse:/, "øvelsen ").replace(/^henvisning$/, "henvisningen"))));
    root.querySelector("[data-role=export-warning-text]").textContent = "Noget af det, du har skrevet, ligner et CPR-nummer (i " +
      where.join(", ") + "). Filen kan blive læst af andre, hvis den ligger på en delt computer eller sendes videre. Ret teksten i øvelsen først – eller gem filen alligevel, hvis du er sikker på, at det ikke er et CPR-nummer.";
    warning.hidden = false;
    warning.setAttribute("role", "alert");
    root.querySelector("[data-action=export-anyway]").focus();
  });
  root.querySelector("[data-action=export-anyway]").addEventListener("click", exportNow);

  input.addEventListener("change", () => {
    const file = input.files && input.files[0];
    preview.hidden = true;
    pending = null;
    if (!file) return;
    file.text().then((text) => {
      const result = parseFile(text, store.version);
      if (!result.ok) { status.textContent = result.message; return; }
      pending = result.file.entries;
      root.querySelector("[data-role=import-summary]").textContent = "Filen er fra " +
        new Date(result.file.exported).toLocaleDateString("da-DK") + " og indeholder " + summary(describe(pending)) +
        ". Her i browseren er der nu " + summary(describe(store.entries())) + ".";
      preview.hidden = false;
      status.textContent = "Filen kan læses. Vælg, hvad der skal ske, og tryk «Hent dataene».";
    }, () => { status.textContent = "Filen kunne ikke åbnes. Intet er ændret."; });
  });

  root.querySelector("[data-action=import-cancel]").addEventListener("click", () => {
    pending = null;
    preview.hidden = true;
    input.value = "";
    status.textContent = "Intet er hentet, og intet er ændret.";
  });

  root.querySelector("[data-action=import-apply]").addEventListener("click", () => {
    if (!pending) return;
    const mode = root.querySelector("[name=skp-import-mode]:checked").value;
    const wanted = mode === "erstat" ? pending : merge(store.entries(), pending);
    if (!store.replaceAll(wanted)) {
      status.textContent = store.blocked()
        ? "Dine data blev slettet i et andet vindue, så intet er hentet. Genindlæs siden, og prøv igen."
        : "Dataene kunne ikke gemmes i denne browser (lageret er fuldt eller slået fra). Intet er ændret.";
      return;
    }
    pending = null;
    preview.hidden = true;
    input.value = "";
    document.dispatchEvent(new CustomEvent("skp:imported"));
    status.textContent = (mode === "erstat" ? "Dine data er erstattet med filens: " : "Filen er flettet med dine data: ") +
      summary(describe(store.entries())) + ".";
  });
  root.hidden = false;
}

document$.subscribe(() => {  // Material: every page, also after instant navigation
  document.querySelectorAll("[data-role=my-data]").forEach(init);
});
