// Live reload for `make serve` only (included when the LIVE_RELOAD setting is on):
// polls the preview server's build number and reloads the page when a rebuild lands.
(function () {
  "use strict";
  var current = null;
  function poll() {
    fetch("/__build_id", { cache: "no-store" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (id) {
        if (id !== null && current !== null && id !== current) { window.location.reload(); }
        if (id !== null) { current = id; }
      })
      .catch(function () { /* server restarting: try again on the next tick */ })
      .finally(function () { window.setTimeout(poll, 1000); });
  }
  poll();
})();
