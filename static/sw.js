// jointlab: the verification service worker (scope /v/). It keeps the offline verdict page,
// its script and style, the published keys (JWKS) and the signed revocation list, refreshing
// them whenever the server answers, so that a certificate's QR link still gives a verdict when
// the border post's link is down. Same origin only.
"use strict";

var CACHE = "jointlab-verify-1";
var SHELL = "/v/offline";
var KEPT = [
  SHELL,
  "/static/app.css",
  "/static/verify.js",
  "/static/favicon.svg",
  "/.well-known/jwks.json",
  "/.well-known/revocations.json"
];
// How long a QR link waits for the server before the offline check answers.
var PATIENCE_MS = 5000;

function refresh() {
  return caches.open(CACHE).then(function (cache) {
    return Promise.all(KEPT.map(function (path) {
      return fetch(path, { cache: "no-store", credentials: "same-origin" })
        .then(function (res) { return res.ok ? cache.put(path, res) : null; })
        .catch(function () { return null; });
    }));
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (cache) { return cache.addAll(KEPT); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys()
    .then(function (names) {
      return Promise.all(names.filter(function (n) { return n !== CACHE; })
        .map(function (n) { return caches.delete(n); }));
    })
    .then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  if (event.data === "refresh") event.waitUntil(refresh());
});

function offline() {
  return caches.match(SHELL).then(function (res) {
    return res || new Response("offline", { status: 503, headers: { "Content-Type": "text/plain" } });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate" && url.pathname.indexOf("/v/") === 0) {
    // The server's verdict when it answers in time; else the page that checks on the phone.
    event.respondWith(new Promise(function (resolve) {
      var done = false;
      var timer = setTimeout(function () {
        if (!done) { done = true; resolve(offline()); }
      }, PATIENCE_MS);
      fetch(request).then(function (res) {
        if (!done) { done = true; clearTimeout(timer); resolve(res); }
      }).catch(function () {
        if (!done) { done = true; clearTimeout(timer); resolve(offline()); }
      });
    }));
    return;
  }
  if (KEPT.indexOf(url.pathname) >= 0) {
    event.respondWith(fetch(request).then(function (res) {
      if (res.ok) {
        var copy = res.clone();
        caches.open(CACHE).then(function (cache) { cache.put(url.pathname, copy); });
      }
      return res;
    }).catch(function () { return caches.match(url.pathname); }));
  }
});
