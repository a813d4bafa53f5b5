// Lyceum's only script of its own. Pages work without it; with it, htmx
// swaps pages in place, and this moves focus where a screen-reader user
// expects it after each swap: to the error summary if there is one, else to
// the page's heading.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail && event.detail.boosted === false) { return; }
    var target = document.querySelector(".error-summary") || document.querySelector("main h1");
    if (!target) { return; }
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.focus();
  });
})();
