/*
 * Today's date on printouts: a printed referral is read days later, so it must say when it was
 * made. Fills every [data-role=print-date] with the date in Danish; nothing is stored.
 */
(function () {
  "use strict";

  function fill() {
    var now = new Date();
    var text = now.toLocaleDateString("da-DK", { day: "numeric", month: "long", year: "numeric" });
    document.querySelectorAll("[data-role=print-date]").forEach(function (el) {
      el.textContent = text;
    });
  }

  document.addEventListener("DOMContentLoaded", fill);
  window.addEventListener("beforeprint", fill);
})();
