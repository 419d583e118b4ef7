/*
 * Feature modules on the pages that use them. A page lists the modules it needs (exercises,
 * presenter mode, Min mappe, case filters) as <link rel="modulepreload" data-skp-module>, chosen
 * at build time by overrides/hooks/page_modules.py, so a text page loads none of them.
 *
 * Each module is added once per visit as a module <script> with async off: such scripts run in the
 * order they are added, and on the first page before the load event, like the page's own scripts.
 * (import() would give neither.) A module subscribes to document$ itself when it runs; document$
 * replays the page on show, so the module starts on this page at once and follows every later
 * page on its own. Adding the script again on a later page would not run the module a second time,
 * but the set keeps the page free of such copies.
 */
const added = new Set();

document$.subscribe(() => {  // Material: the first page and every instant navigation
  document.querySelectorAll("link[data-skp-module]").forEach((link) => {
    if (added.has(link.href)) return;
    added.add(link.href);
    const script = document.createElement("script");
    script.type = "module";
    script.async = false;
    script.src = link.href;
    document.body.appendChild(script);
  });
});
