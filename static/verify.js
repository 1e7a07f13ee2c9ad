// jointlab: verification pages. Online, registers the service worker that keeps what an
// offline check needs. On the offline page (served by the worker when the server cannot be
// reached), checks the token of the address on this device: the Ed25519 signature against the
// saved keys (WebCrypto), then the saved signed revocation list, then the expiry. Nothing but
// a signature that verifies can show VALID.
"use strict";

(function () {
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/v/sw.js", { scope: "/v/" }).then(function (reg) {
      var worker = reg.active || reg.waiting || reg.installing;
      if (worker && reg.active) reg.active.postMessage("refresh");
    }).catch(function () { /* verification online works without it */ });
  }

  var root = document.querySelector("[data-offline-verify]");
  if (!root) return;

  function bytes(b64url) {
    if (!/^[A-Za-z0-9_-]*$/.test(b64url)) throw new Error("not base64url");
    var b64 = b64url.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) b64 += "=";
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function json(b64url) {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes(b64url)));
  }

  // The payload of a compact JWS if a key of the set made its EdDSA signature, else null.
  // Throws only when this browser cannot verify Ed25519 at all.
  function verified(jws, jwks) {
    var parts = String(jws).trim().split(".");
    if (parts.length !== 3) return Promise.resolve(null);
    var header, payload, signature;
    try {
      header = json(parts[0]);
      payload = json(parts[1]);
      signature = bytes(parts[2]);
    } catch (e) {
      return Promise.resolve(null);
    }
    if (header.alg !== "EdDSA" || !header.kid || header.crit || signature.length !== 64) {
      return Promise.resolve(null);
    }
    var jwk = (jwks.keys || []).filter(function (k) {
      return k.kid === header.kid && k.kty === "OKP" && k.crv === "Ed25519";
    })[0];
    if (!jwk) return Promise.resolve(null);
    return crypto.subtle.importKey("jwk", { kty: "OKP", crv: "Ed25519", x: jwk.x },
      { name: "Ed25519" }, false, ["verify"])
      .then(function (key) {
        var input = new TextEncoder().encode(parts[0] + "." + parts[1]);
        return crypto.subtle.verify({ name: "Ed25519" }, key, signature, input);
      })
      .then(function (ok) { return ok ? payload : null; });
  }

  function show(verdict) {
    root.querySelectorAll("[data-verdict]").forEach(function (el) {
      el.hidden = el.getAttribute("data-verdict") !== verdict;
    });
  }

  function when(seconds) {
    var d = new Date(seconds * 1000);
    return isNaN(d) ? "" : d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  }

  function fill(claims) {
    var values = {
      sub: claims.sub, exporter: claims.exporter, commodity: claims.commodity,
      hs: claims.hs, qty: claims.qty, dest: claims.dest, post: claims.post,
      iat: when(claims.iat), exp: when(claims.exp)
    };
    root.querySelectorAll("[data-claim]").forEach(function (el) {
      el.textContent = values[el.getAttribute("data-claim")] || "";
    });
    var dl = root.querySelector("[data-claims]");
    if (dl) dl.hidden = false;
  }

  function freshness(list) {
    var el = root.querySelector(list ? "[data-fresh]" : "[data-no-list]");
    if (!el) return;
    if (list) el.textContent = el.getAttribute("data-fresh").replace("{date}", list.issued_at.replace("T", " ").replace("Z", " UTC"));
    el.hidden = false;
  }

  var match = /^\/v\/([^/?#]+)$/.exec(location.pathname);
  if (!match || match[1] === "offline") { show("none"); return; }
  var token = decodeURIComponent(match[1]);

  Promise.all([
    caches.match("/.well-known/jwks.json"),
    caches.match("/.well-known/revocations.json")
  ]).then(function (found) {
    if (!found[0]) { show("unavailable"); return null; }
    return Promise.all([found[0].json(), found[1] ? found[1].text() : null]).then(function (saved) {
      var jwks = saved[0];
      return Promise.all([
        verified(token, jwks),
        saved[1] ? verified(saved[1], jwks) : null
      ]).then(function (checked) {
        var claims = checked[0], list = checked[1];
        if (!claims || typeof claims.sub !== "string") { show("forged"); return; }
        var withdrawn = list && (list.revoked || []).filter(function (w) { return w.sub === claims.sub; })[0];
        var verdict = withdrawn ? (withdrawn.status === "replaced" ? "replaced" : "revoked")
          : (claims.exp * 1000 <= Date.now() ? "expired" : "valid");
        fill(claims);
        show(verdict);
        freshness(list);
      });
    });
  }).catch(function () { show("unavailable"); });
})();
