// Lyceum's only script of its own. Pages work without it; with it, htmx
// swaps pages in place, and this keeps two things a full page load would
// give: the page's language (htmx swaps the body, not <html lang>), and
// focus where a screen-reader user expects it after each swap — the error
// summary if there is one, else what the action answered (a checked quiz's
// result, marked data-lands-here), else the page's heading.
(function () {
  "use strict";
  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail && event.detail.xhr;
    var match = xhr && /<html[^>]*\slang="([^"]+)"/i.exec(xhr.responseText || "");
    if (match) { document.documentElement.lang = match[1]; }
  });
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail && event.detail.boosted === false) { return; }
    var target = document.querySelector(".error-summary") || document.querySelector("[data-lands-here]") ||
      document.querySelector("main h1");
    if (!target) { return; }
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.focus();
  });
})();
