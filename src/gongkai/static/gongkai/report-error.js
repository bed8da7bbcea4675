// 网民找错: the footer link already carries this page's address; with scripts it also carries
// the words the reader selected before clicking. Pressing the link can clear the selection,
// so the last one made on the page is kept.
(function () {
  "use strict";
  var MAX = 500;
  var chosen = "";
  document.addEventListener("selectionchange", function () {
    var text = String(window.getSelection ? window.getSelection() : "").trim();
    if (text) {
      chosen = text.slice(0, MAX);
    }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-report-error]") : null;
    if (!link || !chosen) {
      return;
    }
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("page", window.location.href);
    url.searchParams.set("excerpt", chosen);
    link.href = url.toString();
  });
})();
