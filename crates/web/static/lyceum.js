// Lyceum's only script of its own. Pages work without it; with it, htmx
// swaps pages in place, and this keeps two things a full page load would
// give: the page's language (htmx swaps the body, not <html lang>), and
// focus where a screen-reader user expects it after each swap — the error
// summary if there is one, else what the action answered (a checked quiz's
// result, marked data-lands-here), else the page's heading. It also shows
// "copy link" buttons, which need it.
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
  // "Copy link" (a certificate's address): the button shows only with
  // script; without it the read-only field is there to select. After an
  // htmx swap too, so listen on the document.
  function showCopyButtons() {
    var buttons = document.querySelectorAll("button[data-copy][hidden]");
    for (var i = 0; i < buttons.length; i++) { buttons[i].hidden = false; }
  }
  document.addEventListener("DOMContentLoaded", showCopyButtons);
  document.addEventListener("htmx:afterSettle", showCopyButtons);
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("button[data-copy]");
    if (!button) { return; }
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) { return; }
    var status = button.parentNode.parentNode.querySelector(".copy-status");
    var done = function () { if (status) { status.textContent = button.getAttribute("data-copied"); } };
    field.select();
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, function () {
        if (document.execCommand("copy")) { done(); }
      });
    } else if (document.execCommand("copy")) {
      done();
    }
  });
})();
