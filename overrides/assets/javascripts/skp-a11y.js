/*
 * Wide tables: Material wraps every table in a horizontally scrolling container. When a table is
 * wider than the page, keyboard users must be able to focus the container to scroll it (WCAG
 * 2.1.1), and screen readers need to know what it is. Only overflowing containers become tab stops.
 */
(function () {
  "use strict";

  function label(wrap) {
    var caption = wrap.querySelector("caption");
    return caption ? caption.textContent.trim() : "Tabel – kan rulles vandret";
  }

  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", label(wrap));
      } else if (wrap.getAttribute("tabindex") === "0") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  document$.subscribe(function () { requestAnimationFrame(update); });  // every page, after layout
  window.addEventListener("resize", update);
})();
