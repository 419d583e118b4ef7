/*
 * Ask Material for the search index only when search is first used: the first focus of the search
 * field (a click on it or the magnifier, or Material's shortcuts, which focus it), or a page opened
 * from a search result with ?h= (highlighting needs the index). overrides/hooks/search_on_demand.py
 * makes Material's bundle wait for this one event.
 */
(function () {
  "use strict";

  var sent = false;

  function want() {
    if (sent) return;
    sent = true;
    document.dispatchEvent(new Event("skp:search-wanted"));
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) want();
  });
  var toggle = document.getElementById("__search");
  if (toggle) toggle.addEventListener("change", want);
  if (new URLSearchParams(location.search).has("h")) want();
})();
