/* Case-library filters kept in the address (issue 10).
 *
 * A team leader filters the library (say: phase "kontaktskabelse", theme "bolig") and wants to send
 * that list to a colleague or bookmark it for the temadag. So every filter lives in the query string
 * (?fase=…&tema=…): it is read when the page opens and written back with history.replaceState on
 * every change, so a shared or reloaded address shows the same cards and count. replaceState (not
 * pushState) keeps Back meaning "the page before", as for any other form on the site. Instant
 * navigation re-renders the page and emits document$ again, also after Back/Forward: the form is
 * then set up afresh from the address of that history entry.
 *
 * The parameter name of each select is in its data-param attribute (case-library.html); values
 * that are not an option of that select are dropped, never guessed.
 */

/** The filter state in the address: param → value, only for selects that have that value. */
function readAddress(selects, search) {
  const params = new URLSearchParams(search);
  const state = new Map();
  for (const select of selects) {
    const value = params.get(select.dataset.param);
    if (value && Array.from(select.options).some((option) => option.value === value)) {
      state.set(select.dataset.param, value);
    }
  }
  return state;
}

/** The current address with the filter params replaced by the selects' values (others kept). */
function addressFor(selects) {
  const url = new URL(location.href);
  for (const select of selects) {
    if (select.value) url.searchParams.set(select.dataset.param, select.value);
    else url.searchParams.delete(select.dataset.param);
  }
  return url;
}

function setUp(form) {
  const selects = Array.from(form.querySelectorAll("select[data-param]"));
  const cards = Array.from(document.querySelectorAll("[data-role=case-library] .skp-card"));
  const count = document.querySelector("[data-role=case-count]");

  function filter() {
    let shown = 0;
    for (const card of cards) {
      const match = selects.every((select) => {
        const values = (card.getAttribute("data-" + select.dataset.facet) || "").split(" ");
        return !select.value || values.includes(select.value);
      });
      card.hidden = !match;
      if (match) shown += 1;
    }
    count.textContent = `Viser ${shown} af ${cards.length} cases`;
  }

  function remember() {
    const url = addressFor(selects);
    if (url.href !== location.href) history.replaceState(history.state, "", url);
  }

  const state = readAddress(selects, location.search);
  for (const select of selects) select.value = state.get(select.dataset.param) || "";
  // An address with unknown values is tidied, so what is shared next is what is shown now.
  remember();
  if (state.size) filter();

  for (const select of selects) {
    select.addEventListener("change", () => {
      filter();
      remember();
    });
  }
  // "Nulstil filtre": the browser resets the selects after the event, so read them a tick later.
  form.addEventListener("reset", () => setTimeout(() => {
    filter();
    remember();
  }, 0));
  form.hidden = false;
}

document$.subscribe(() => {
  const form = document.querySelector("[data-role=case-filters]");
  if (form) setUp(form);
});
