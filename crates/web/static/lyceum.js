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
  // Mentions: typing "@" and part of a name in a post's text box
  // (textarea[data-mentions]) lists the people who may see the space, from
  // the server's fragment; arrow keys choose, Enter or Tab (or a click)
  // writes the chosen one as "@[Name](user:id)", Escape closes. The box
  // keeps its own role (a textbox may own a list with
  // aria-activedescendant); a status region says how many were found.
  var mention = { box: null, list: null, status: null, at: -1, timer: 0, asked: "" };
  function mentionQuery(box) {
    var before = box.value.slice(0, box.selectionStart);
    var m = /(^|[^\w@\/.])@([^\s@\[\]()`][^\n@\[\]()`]{0,40})$/u.exec(before) || /(^|[^\w@\/.])@$/.exec(before);
    if (!m) { return null; }
    var q = m[2] || "";
    if (q.split(" ").length > 4) { return null; }
    return { at: before.length - q.length - 1, q: q };
  }
  function mentionParts(box) {
    if (mention.box === box) { return; }
    closeMentions();
    var id = box.id + "-mentions";
    var list = document.getElementById(id);
    if (!list) {
      list = document.createElement("div");
      list.id = id;
      list.className = "mention-popup";
      list.hidden = true;
      box.parentNode.insertBefore(list, box.nextSibling);
      var status = document.createElement("p");
      status.className = "visually-hidden";
      status.setAttribute("role", "status");
      status.id = box.id + "-mentions-status";
      box.parentNode.insertBefore(status, list.nextSibling);
    }
    box.setAttribute("aria-autocomplete", "list");
    box.setAttribute("aria-controls", id);
    mention.box = box;
    mention.list = list;
    mention.status = document.getElementById(box.id + "-mentions-status");
  }
  function mentionOptions() { return mention.list ? mention.list.querySelectorAll("[role=option]") : []; }
  function closeMentions() {
    if (mention.list) { mention.list.hidden = true; mention.list.innerHTML = ""; }
    if (mention.box) { mention.box.removeAttribute("aria-activedescendant"); }
    mention.asked = "";
  }
  function activate(index) {
    var options = mentionOptions();
    for (var i = 0; i < options.length; i++) { options[i].setAttribute("aria-selected", i === index ? "true" : "false"); }
    if (options[index]) { mention.box.setAttribute("aria-activedescendant", options[index].id); }
  }
  function activeIndex() {
    var options = mentionOptions();
    for (var i = 0; i < options.length; i++) { if (options[i].getAttribute("aria-selected") === "true") { return i; } }
    return -1;
  }
  function insertMention(option) {
    var box = mention.box;
    var text = option.getAttribute("data-mention") + " ";
    var end = box.selectionStart;
    box.value = box.value.slice(0, mention.at) + text + box.value.slice(end);
    var caret = mention.at + text.length;
    box.setSelectionRange(caret, caret);
    closeMentions();
    if (mention.status) { mention.status.textContent = ""; }
    box.focus();
  }
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("textarea[data-mentions]")) { return; }
    mentionParts(box);
    var found = mentionQuery(box);
    clearTimeout(mention.timer);
    if (!found || found.q.trim() === "") { closeMentions(); return; }
    mention.at = found.at;
    mention.timer = setTimeout(function () {
      if (found.q === mention.asked) { return; }
      mention.asked = found.q;
      fetch(box.getAttribute("data-mentions") + "?q=" + encodeURIComponent(found.q), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) {
          if (mention.box !== box || mention.asked !== found.q) { return; }
          mention.list.innerHTML = html;
          var ul = mention.list.querySelector("[role=listbox]");
          if (ul) { ul.setAttribute("aria-label", box.getAttribute("data-mentions-label") || ""); }
          var count = mentionOptions().length;
          mention.list.hidden = count === 0;
          if (mention.status && ul) { mention.status.textContent = ul.getAttribute("data-count"); }
          if (count > 0) { activate(0); } else { box.removeAttribute("aria-activedescendant"); }
        });
    }, 150);
  });
  document.addEventListener("keydown", function (event) {
    if (!mention.box || event.target !== mention.box || !mention.list || mention.list.hidden) { return; }
    var options = mentionOptions();
    var i = activeIndex();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      activate((i + step + options.length) % options.length);
    } else if ((event.key === "Enter" || event.key === "Tab") && options[i]) {
      event.preventDefault();
      insertMention(options[i]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      closeMentions();
    }
  });
  document.addEventListener("focusout", function (event) {
    if (mention.box && event.target === mention.box) { closeMentions(); }
  });
  document.addEventListener("mousedown", function (event) {
    var option = event.target.closest && event.target.closest(".mention-popup [role=option]");
    if (!option || !mention.box) { return; }
    event.preventDefault();
    insertMention(option);
  });
})();
