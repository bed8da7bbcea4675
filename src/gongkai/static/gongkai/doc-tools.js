// The reading tools of a document page: font size (remembered on this device) and printing.
// Without scripts the tools stay hidden and the page reads as it is.
(function () {
  var tools = document.querySelector("[data-doc-tools]");
  var article = document.getElementById("document");
  if (!tools || !article) return;
  var KEY = "gongkai-font-size";
  function choose(size) {
    article.classList.remove("font-small", "font-large");
    if (size) article.classList.add("font-" + size);
    tools.querySelectorAll("[data-font-size]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.fontSize === size));
    });
    try { localStorage.setItem(KEY, size); } catch (e) { /* private mode: not remembered */ }
  }
  tools.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-print")) window.print();
    else if (button.hasAttribute("data-font-size")) choose(button.dataset.fontSize);
  });
  var saved = "";
  try { saved = localStorage.getItem(KEY) || ""; } catch (e) { saved = ""; }
  choose(saved);
  tools.hidden = false;
})();
