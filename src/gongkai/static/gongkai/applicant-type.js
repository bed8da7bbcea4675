// Application forms: show only the natural person's or the organisation's identity fields,
// following the chosen applicant category. Without this script both sets stay visible.
(function () {
  "use strict";

  var NATURAL_PERSON = "natural_person";

  function fieldOf(input) {
    return input.closest(".field") || input;
  }

  function follow(select) {
    var form = select.form;
    var kind = select.value === NATURAL_PERSON ? "person" : "organisation";
    form.querySelectorAll("[data-applicant-only]").forEach(function (input) {
      fieldOf(input).hidden = input.getAttribute("data-applicant-only") !== kind;
    });
  }

  function start() {
    document.querySelectorAll("select[data-applicant-category]").forEach(function (select) {
      follow(select);
      select.addEventListener("change", function () {
        follow(select);
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
