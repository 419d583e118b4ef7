/*
 * Service worker for use without a network (stairwells, basements, rural homes). Served from the
 * site root, so its scope is the whole site. On install it stores every file of this build (pages,
 * search index, Pyodide runtime and the exercises wheel) in one cache named after the build; a new
 * build means new bytes here, so the browser installs the new worker beside the old one, and the
 * page offers "Ny version – genindlæs" (assets/javascripts/skp-offline.js). When the new worker
 * takes over, the old build's cache is deleted. overrides/hooks/offline_cache.py fills in BUILD and
 * FILES at build time; the build fails if the placeholders are missing.
 */
"use strict";

const BUILD = "__SKP_BUILD__";
const FILES = __SKP_FILES__;
const PREFIX = "skp-metodebanken-";
const CACHE = PREFIX + BUILD;

self.addEventListener("install", (event) => {
  // cache: "reload" so the browser's HTTP cache cannot hand us the previous build's files.
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((url) => new Request(url, { cache: "reload" })))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

async function respond(request) {
  const cache = await caches.open(CACHE);
  const stored = await cache.match(request, { ignoreSearch: true });
  if (stored) return stored;
  try {
    return await fetch(request);
  } catch (error) {
    if (request.mode === "navigate") {
      const missing = await cache.match("404.html");
      if (missing) return missing;
    }
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
