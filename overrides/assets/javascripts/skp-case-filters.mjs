/*
 * The case library's filters: the cards are all in the page (usable without JavaScript); the
 * form, hidden until this runs, shows only the cards that match every chosen facet.
 */
function caseFilters() {
  var form = document.querySelector("[data-role=case-filters]");
  if (!form) return;
  var cards = document.querySelectorAll(".skp-card");
  var count = document.querySelector("[data-role=case-count]");
  var selects = form.querySelectorAll("select");
  function filter() {
    var shown = 0;
    cards.forEach(function (card) {
      var match = Array.prototype.every.call(selects, function (select) {
        var values = (card.getAttribute("data-" + select.getAttribute("data-facet")) || "").split(" ");
        return !select.value || values.indexOf(select.value) >= 0;
      });
      card.hidden = !match;
      if (match) shown++;
    });
    count.textContent = "Viser " + shown + " af " + cards.length + " cases";
  }
  selects.forEach(function (select) { select.addEventListener("change", filter); });
  form.addEventListener("reset", function () { setTimeout(filter, 0); });
  form.hidden = false;
}

document$.subscribe(caseFilters);
