/* Register pages (persons.html …): the filter above the entries. Without this script the filter stays hidden
   and the page is complete: the A–Z list and the section links are plain anchors.
   Typing keeps the entries whose name, facts or description hold every word typed (accents and case ignored);
   a section with no entry left is hidden with its heading; a link to a hidden entry clears the filter. */
(function () {
  "use strict";
  /* The page's words (data-labels on <body>, from the edition's labels file): {1}, {2} … filled in order. */
  function label(key) {
    var labels = JSON.parse(document.body.getAttribute("data-labels") || "{}"), args = arguments;
    return (labels["js." + key] || key).replace(/\{(\d+)\}/g, function (m, i) { return args[+i]; });
  }
  var box = document.querySelector(".register-filter");
  if (!box) return;
  var input = box.querySelector("input");
  var status = box.querySelector(".filter-status");
  var none = document.querySelector(".register .no-match");
  var entries = Array.prototype.slice.call(document.querySelectorAll("article.entry"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".register-group"));
  var fold = function (s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
  // What an entry is found by: its heading, its facts and its description (not the paragraph lists).
  var texts = entries.map(function (entry) {
    var parts = entry.querySelectorAll(".entry-name, .entry-facts, .description, .editorial-note");
    return fold(Array.prototype.map.call(parts, function (p) { return p.textContent; }).join(" "));
  });

  function apply() {
    var words = fold(input.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    entries.forEach(function (entry, i) {
      var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
      entry.hidden = !match;
      if (match) shown += 1;
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector("article.entry:not([hidden])"); });
    status.textContent = words.length ? label("entries-match", shown, entries.length) : "";
    if (none) none.hidden = shown > 0;
  }

  function clear() { input.value = ""; apply(); }

  input.addEventListener("input", apply);
  input.addEventListener("keydown", function (event) { if (event.key === "Escape" && input.value) { clear(); } });
  // A jump (A–Z, a section, a link between entries) to something the filter hides: show everything first.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='#']");
    if (!link) return;
    var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (target && target.closest("[hidden]")) clear();
  });
  box.hidden = false;
  if (input.value) apply();  // a value the browser restored on going back
}());
