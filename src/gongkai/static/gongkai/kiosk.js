// The kiosk goes back to its start page when nobody has touched it for the body's
// data-idle-seconds, so the next visitor does not find the last one's search or page.
(function () {
  "use strict";
  var body = document.body;
  var home = body.getAttribute("data-home");
  var seconds = Number(body.getAttribute("data-idle-seconds")) || 60;
  var timer = null;

  function goHome() {
    if (window.location.pathname + window.location.search === home) {
      window.scrollTo(0, 0);
      restart();
    } else {
      window.location.assign(home);
    }
  }

  function restart() {
    window.clearTimeout(timer);
    timer = window.setTimeout(goHome, seconds * 1000);
  }

  ["pointerdown", "touchstart", "keydown", "input", "scroll", "wheel"].forEach(function (name) {
    window.addEventListener(name, restart, { passive: true, capture: true });
  });
  restart();
})();
